import { isCharacter } from '../../core/character';
import type { Element } from '../../core/schema';

const KIND_NAMES: Record<Element['kind'], string> = {
  rect: 'Rectangle',
  ellipse: 'Ellipse',
  star: 'Star',
  polygon: 'Polygon',
  line: 'Line',
  bubble: 'Speech bubble',
  path: 'Path',
  brush: 'Brush stroke',
  drawing: 'Drawing',
  text: 'Text',
  image: 'Picture',
  group: 'Group',
};

/** What kind of thing an element is, for people: a character is a "Character", not a group. */
export function kindName(el: Element): string {
  return isCharacter(el) ? 'Character' : KIND_NAMES[el.kind];
}

/**
 * The inspector's title for an element: a character or a named group goes by its name, with
 * its kind beside it; anything else by its kind.
 */
export function inspectorTitle(el: Element): { title: string; kind: string | null } {
  const kind = kindName(el);
  if (el.kind === 'group' && el.name) return { title: el.name, kind };
  return { title: kind, kind: null };
}

/** What the studio calls an element: its own name, its text, or its kind. */
export function elementName(el: Element): string {
  if (el.name) return el.name;
  if (el.kind === 'text' || el.kind === 'bubble') return el.text.split('\n')[0]?.slice(0, 40) || 'Text';
  if (el.kind === 'line') return el.arrowStart || el.arrowEnd ? 'Arrow' : 'Line';
  return kindName(el);
}
