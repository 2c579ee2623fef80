import { isCharacter } from '../../../core/character';
import type { AudioTrack, Element, GroupElement, Scene } from '../../../core/schema';
import { elementName } from '../../ui/elementNames';
import { formatTime } from '../../ui/format';

/**
 * What "Time to voice" and "Make a character talk" offer to choose from when nothing is
 * selected: the project's sound clips (by name and start time) and the scene's characters.
 */

export interface VoiceChoice {
  readonly id: string;
  /** The name the creator sees (the clip's or the character's). */
  readonly name: string;
  /** Where it is: "starts at 0:02.0", "in Scene 1". */
  readonly detail: string;
}

/** A clip's name as the timeline shows it. */
export function clipName(track: Pick<AudioTrack, 'name'>): string {
  return track.name || 'Sound';
}

/** The project's sound clips, in the order they start. */
export function clipChoices(tracks: readonly AudioTrack[]): VoiceChoice[] {
  return [...tracks]
    .sort((a, b) => a.start - b.start)
    .map((t) => ({ id: t.id, name: clipName(t), detail: `starts at ${formatTime(t.start)}` }));
}

/** The library characters of a scene, also those inside groups, in layer order. */
export function charactersIn(scene: Scene): GroupElement[] {
  const found: GroupElement[] = [];
  const visit = (elements: readonly Element[]): void => {
    for (const el of elements) {
      if (el.kind !== 'group') continue;
      // A plain boolean: as a type guard, its false branch would leave no group to look into.
      const hasMouth: boolean = isCharacter(el);
      if (hasMouth) found.push(el);
      else visit(el.children);
    }
  };
  visit(scene.elements);
  return found;
}

export function characterChoices(scene: Scene): VoiceChoice[] {
  return charactersIn(scene).map((c) => ({ id: c.id, name: elementName(c), detail: `in ${scene.name}` }));
}
