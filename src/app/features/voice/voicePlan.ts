import type { AudibleClip } from '../../../core/audio';
import { captionWords } from '../../../core/captions/words';
import { evenWordTimings, type MouthCue } from '../../../core/edit';
import type { Caption, Project } from '../../../core/schema';
import type { SceneSpan } from '../../../core/timeline';
import { lipSync, type AlignedCaption, type MouthVoice, type MouthWord } from '../../../core/voice';

/**
 * The studio's side of "Time to voice" and "Make this character talk", as pure steps: what is
 * sent to the host (the script, the heard part of a clip) and what its answers become on the
 * project's timeline. The stores call these; the tests call them directly.
 */

/** The lines of a typed or pasted script: one caption per non-empty line. */
export function scriptLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The project's captions as a script, in time order. */
export function captionScript(captions: readonly Caption[]): string[] {
  return [...captions].sort((a, b) => a.start - b.start).map((c) => c.text);
}

/** Aligned captions timed from the clip's heard start, moved onto the project's timeline. */
export function onTimeline(captions: readonly AlignedCaption[], clipStart: number): AlignedCaption[] {
  const at = (t: number): number => Math.round((t + clipStart) * 1000) / 1000;
  return captions.map((c) => ({
    ...c,
    start: at(c.start),
    end: at(c.end),
    words: c.words.map((w) => ({ text: w.text, start: at(w.start), end: at(w.end) })),
  }));
}

/**
 * The script's words heard in a clip, in seconds from the clip's start: the word timings of the
 * captions over it (Time to voice gives them), or their words spread evenly over the caption.
 */
export function wordsOverClip(captions: readonly Caption[], clip: AudibleClip): MouthWord[] {
  const words: MouthWord[] = [];
  for (const c of [...captions].sort((a, b) => a.start - b.start)) {
    if (c.end <= clip.start || c.start >= clip.end) continue;
    const timed = c.words ?? evenWordTimings(captionWords(c.text), c.start, c.end);
    for (const w of timed) words.push({ text: w.text, start: w.start - clip.start, end: w.end - clip.start });
  }
  return words;
}

/** A voice's activity as the host sends it (bytes 0..255, base64) for the core's lip sync. */
export function activityOf(answer: {
  frameSeconds: number;
  speech: string;
  loudness: string;
  nuclei: readonly number[];
}): MouthVoice {
  const unit = (base64: string): Float32Array => {
    const binary = atob(base64);
    const out = new Float32Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i) / 255;
    return out;
  };
  return {
    frameSeconds: answer.frameSeconds,
    speech: unit(answer.speech),
    loudness: unit(answer.loudness),
    nuclei: [...answer.nuclei],
  };
}

/** The part of the clip heard during the scene, in scene seconds; null when they do not meet. */
export function clipInScene(clip: AudibleClip, span: SceneSpan): { from: number; to: number } | null {
  const from = Math.max(clip.start, span.start) - span.start;
  const to = Math.min(clip.end, span.end) - span.start;
  return to - from >= 0.05 ? { from, to } : null;
}

/**
 * The character's mouth track for the voice: rest before the clip, the voice's shapes while it
 * plays in the scene, rest after it. Times are scene seconds on the project's video frames.
 */
export function talkingCues(
  project: Project,
  span: SceneSpan,
  clip: AudibleClip,
  voice: MouthVoice,
): MouthCue[] {
  const inScene = clipInScene(clip, span);
  if (inScene === null) return [];
  const cues: MouthCue[] = lipSync({
    voice,
    words: wordsOverClip(project.captions, clip),
    fps: project.video.fps,
    offset: clip.start - span.start,
    from: inScene.from,
    to: inScene.to,
  }).map((c) => ({ time: c.time, mouth: c.mouth }));
  // A clip cut off mid-word: the mouth still closes when the sound stops.
  const last = cues[cues.length - 1];
  if (last !== undefined && last.mouth !== 'rest' && inScene.to < span.scene.duration - 1e-6)
    cues.push({ time: Math.round(inScene.to * 1000) / 1000, mouth: 'rest' });
  return cues;
}
