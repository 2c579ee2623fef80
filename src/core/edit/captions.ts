import type { Caption, CaptionSettings, CaptionStyle, Project } from '../schema';
import { graphemes } from '../captions/graphemes';
import { captionWords, joinCaptionWords } from '../captions/words';
import { projectDuration } from '../timeline/timeline';
import { nextId, usedIds } from './ids';

/**
 * Caption commands. Each returns a new Project and never mutates its input; a command that
 * cannot apply (unknown id, no room, no change) returns the very same project, so the store
 * records no undo step for it.
 *
 * Rules every command keeps:
 * - cues stay in time order (sorted by start);
 * - a cue lasts at least MIN_CAPTION_LENGTH and never starts before 0;
 * - an edit never makes a cue overlap its neighbours (the edited edge stops at the neighbour);
 *   overlaps already in a file (an import) are left alone, but never made worse;
 * - word timings stay inside their cue, in order, each at least MIN_WORD_LENGTH long.
 */

/** Shortest cue an edit can make (a readability warning still flags anything under 1 s). */
export const MIN_CAPTION_LENGTH = 0.2;
/** Shortest word in word-by-word timing. */
export const MIN_WORD_LENGTH = 0.04;
/** How long a new caption lasts when there is room. */
export const DEFAULT_CAPTION_LENGTH = 2;
export const MAX_CAPTION_TEXT = 500;
export const MAX_CAPTIONS = 5000;
/** Times are kept to the millisecond: no float dust in files or on screen. */
const round = (t: number): number => Math.round(t * 1000) / 1000;
const EPS = 1e-6;

type Word = NonNullable<Caption['words']>[number];

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function byStart(a: Caption, b: Caption): number {
  return a.start - b.start || a.end - b.end;
}

function sorted(captions: readonly Caption[]): Caption[] {
  return [...captions].sort(byStart);
}

function withCaptions(project: Project, captions: Caption[]): Project {
  return { ...project, captions };
}

/** Ids in use by scenes, elements and captions: new caption ids are chosen outside them. */
function takenIds(project: Project): Set<string> {
  const taken = usedIds(project);
  for (const c of project.captions) taken.add(c.id);
  return taken;
}

/** The latest time a caption may end: the end of the video (or one default length on an empty one). */
function timelineEnd(project: Project): number {
  const duration = projectDuration(project);
  return duration > 0 ? duration : DEFAULT_CAPTION_LENGTH;
}

export function findCaption(project: Project, id: string): Caption | null {
  return project.captions.find((c) => c.id === id) ?? null;
}

/** The caption on screen at t, if any (the one that started last when cues overlap). */
function cueAt(captions: readonly Caption[], t: number): Caption | null {
  let found: Caption | null = null;
  for (const c of captions) if (c.start <= t + EPS && t < c.end - EPS) found = c;
  return found;
}

/**
 * The room a cue may use without overlapping its neighbours in time order: from the end of the
 * one before to the start of the one after (never less than what the cue already covers).
 */
function roomFor(project: Project, index: number): { min: number; max: number } {
  const list = project.captions;
  const cue = list[index] as Caption;
  const before = list[index - 1];
  const after = list[index + 1];
  const min = before === undefined ? 0 : Math.min(before.end, cue.start);
  const max = Math.max(after === undefined ? timelineEnd(project) : after.start, cue.end);
  return { min, max };
}

function replaceAt(project: Project, index: number, cue: Caption): Project {
  const captions = [...project.captions];
  captions[index] = cue;
  return withCaptions(project, captions);
}

/** The words of a caption's text, as the renderer and word timing see them (see captions/words). */
export { captionWords };

/**
 * Word timings spread over [start, end): each word gets time in proportion to its length (a
 * long word takes longer to say), so "time words evenly" matches speech better than equal slots.
 */
export function evenWordTimings(words: readonly string[], start: number, end: number): Word[] {
  if (words.length === 0) return [];
  const weights = words.map((w) => graphemes(w).length + 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const out: Word[] = [];
  let at = start;
  let sum = 0;
  words.forEach((text, i) => {
    sum += weights[i] as number;
    const wordEnd = i === words.length - 1 ? end : round(start + ((end - start) * sum) / total);
    out.push({ start: round(at), end: round(wordEnd), text: text.slice(0, 200) });
    at = wordEnd;
  });
  return out;
}

/** Word timings moved and stretched from one cue span to another, keeping their proportions. */
function rescaleWords(words: readonly Word[], from: Caption, start: number, end: number): Word[] {
  const span = from.end - from.start;
  const map = (t: number): number =>
    round(span > 0 ? start + ((t - from.start) / span) * (end - start) : start);
  return words.map((w, i) => ({
    text: w.text,
    start: i === 0 ? round(start) : map(w.start),
    end: i === words.length - 1 ? round(end) : map(w.end),
  }));
}

function retimed(cue: Caption, start: number, end: number): Caption {
  const next: Caption = { ...cue, start: round(start), end: round(end) };
  if (cue.words !== undefined) next.words = rescaleWords(cue.words, cue, next.start, next.end);
  return next;
}

export interface AddedCaption {
  project: Project;
  /** The new caption's id, or '' when there was no room for it. */
  captionId: string;
}

/**
 * Adds a caption starting at `at` (inside another caption: right after it), lasting the default
 * length or up to the next caption or the end of the video. No room for the shortest caption:
 * nothing is added.
 */
export function addCaption(project: Project, at: number, text = 'New caption'): AddedCaption {
  const list = project.captions;
  const trimmed = text.trim().slice(0, MAX_CAPTION_TEXT);
  if (list.length >= MAX_CAPTIONS || trimmed === '' || !Number.isFinite(at))
    return { project, captionId: '' };
  const end = timelineEnd(project);
  let start = clamp(at, 0, end);
  const covering = cueAt(list, start);
  if (covering !== null) start = covering.end;
  const next = list.find((c) => c.start >= start - EPS && c !== covering);
  const limit = Math.min(end, next?.start ?? end);
  let stop = Math.min(start + DEFAULT_CAPTION_LENGTH, limit);
  if (stop - start < MIN_CAPTION_LENGTH - EPS) {
    // At the very end of the video: take the room before the playhead instead.
    const previousEnd = list.filter((c) => c.end <= start + EPS).reduce((m, c) => Math.max(m, c.end), 0);
    if (covering === null && stop === end && start - previousEnd >= MIN_CAPTION_LENGTH) {
      stop = start;
      start = Math.max(previousEnd, start - DEFAULT_CAPTION_LENGTH);
      if (stop - start < MIN_CAPTION_LENGTH - EPS) return { project, captionId: '' };
    } else return { project, captionId: '' };
  }
  const captionId = nextId('cap', takenIds(project));
  const cue: Caption = {
    id: captionId,
    start: round(start),
    end: round(stop),
    text: trimmed,
    style: 'outline',
  };
  return { project: withCaptions(project, sorted([...list, cue])), captionId };
}

/**
 * Changes what a caption says. Text cannot be empty (delete the caption instead). Word timings
 * survive when the words are the same; otherwise they are spread over the cue again.
 */
export function setCaptionText(project: Project, id: string, text: string): Project {
  const index = project.captions.findIndex((c) => c.id === id);
  const cue = project.captions[index];
  const next = text.slice(0, MAX_CAPTION_TEXT);
  if (cue === undefined || next.trim() === '' || next === cue.text) return project;
  const updated: Caption = { ...cue, text: next };
  if (cue.words !== undefined) {
    const words = captionWords(next);
    const same = words.length === cue.words.length && words.every((w, i) => w === cue.words?.[i]?.text);
    if (!same) updated.words = evenWordTimings(words, cue.start, cue.end);
  }
  return replaceAt(project, index, updated);
}

/**
 * Moves a caption's start and/or end. Each edge stops at the neighbouring caption and the
 * video's ends, and the caption keeps at least MIN_CAPTION_LENGTH (the edge being dragged gives
 * way, the other stays).
 */
export function retimeCaption(
  project: Project,
  id: string,
  times: { start?: number; end?: number },
): Project {
  const index = project.captions.findIndex((c) => c.id === id);
  const cue = project.captions[index];
  if (cue === undefined) return project;
  const room = roomFor(project, index);
  let start = cue.start;
  let end = cue.end;
  if (times.end !== undefined && Number.isFinite(times.end)) end = clamp(times.end, room.min, room.max);
  if (times.start !== undefined && Number.isFinite(times.start)) {
    start = clamp(times.start, room.min, room.max);
  }
  if (end - start < MIN_CAPTION_LENGTH) {
    if (times.start !== undefined && times.end === undefined) start = end - MIN_CAPTION_LENGTH;
    else end = start + MIN_CAPTION_LENGTH;
    if (start < room.min || end > room.max) return project;
  }
  if (round(start) === cue.start && round(end) === cue.end) return project;
  return replaceAt(project, index, retimed(cue, start, end));
}

/** Moves a whole caption so it starts at `start`, keeping its length; it stops at its neighbours. */
export function moveCaption(project: Project, id: string, start: number): Project {
  const index = project.captions.findIndex((c) => c.id === id);
  const cue = project.captions[index];
  if (cue === undefined || !Number.isFinite(start)) return project;
  const room = roomFor(project, index);
  const length = cue.end - cue.start;
  const to = clamp(start, room.min, Math.max(room.min, room.max - length));
  if (round(to) === cue.start) return project;
  return replaceAt(project, index, retimed(cue, to, to + length));
}

/** Splits text in two so the first part has about `share` of it: at a space, or between characters for text without spaces (Japanese, Chinese). */
function splitText(text: string, share: number): [string, string] | null {
  // At spaces; Japanese and Chinese between characters, where the split lands closest to the
  // share (the word segmenter's units are too uneven in kana-only text to split by).
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.length >= 2) {
    const cut = clamp(Math.round(words.length * share), 1, words.length - 1);
    return [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
  }
  const chars = graphemes(text.trim());
  if (chars.length < 2) return null;
  const cut = clamp(Math.round(chars.length * share), 1, chars.length - 1);
  return [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
}

/**
 * Splits a caption at `at` into two back-to-back captions. With word timings, the words spoken
 * before `at` go to the first; without, the words are shared in proportion to the time. Both
 * parts need text and MIN_CAPTION_LENGTH, otherwise nothing happens.
 */
export function splitCaption(project: Project, id: string, at: number): AddedCaption {
  const index = project.captions.findIndex((c) => c.id === id);
  const cue = project.captions[index];
  const none = { project, captionId: '' };
  if (
    cue === undefined ||
    !(at - cue.start >= MIN_CAPTION_LENGTH - EPS) ||
    !(cue.end - at >= MIN_CAPTION_LENGTH - EPS)
  ) {
    return none;
  }
  const cut = round(at);
  let first: Caption;
  let second: Caption;
  const captionId = nextId('cap', takenIds(project));
  const timed = cue.words?.filter((w) => w.text.trim() !== '');
  if (timed !== undefined && timed.length >= 2) {
    // The first word spoken at or after the cut starts the second caption (each keeps a word).
    const firstAfter = timed.findIndex((w) => w.start >= cut - EPS);
    const k1 = clamp(firstAfter < 0 ? timed.length - 1 : firstAfter, 1, timed.length - 1);
    const left = timed
      .slice(0, k1)
      .map((w) => ({ ...w, end: Math.min(w.end, cut), start: Math.min(w.start, cut) }));
    const right = timed
      .slice(k1)
      .map((w) => ({ ...w, start: Math.max(w.start, cut), end: Math.max(w.end, cut) }));
    first = {
      ...cue,
      end: cut,
      text: joinCaptionWords(left.map((w) => w.text)),
      words: fixWords(left, cue.start, cut),
    };
    second = {
      ...cue,
      id: captionId,
      start: cut,
      text: joinCaptionWords(right.map((w) => w.text)),
      words: fixWords(right, cut, cue.end),
    };
  } else {
    const parts = splitText(cue.text, (cut - cue.start) / (cue.end - cue.start));
    if (parts === null) return none;
    first = { ...cue, end: cut, text: parts[0] };
    second = { ...cue, id: captionId, start: cut, text: parts[1] };
    if (cue.words !== undefined) {
      first.words = evenWordTimings(captionWords(parts[0]), first.start, first.end);
      second.words = evenWordTimings(captionWords(parts[1]), second.start, second.end);
    }
  }
  const captions = [...project.captions];
  captions.splice(index, 1, first, second);
  return { project: withCaptions(project, captions), captionId };
}

/** Makes word timings valid inside [start, end): in order, inside the cue, none shorter than the minimum. */
function fixWords(words: readonly Word[], start: number, end: number): Word[] | undefined {
  if (words.length === 0) return undefined;
  if ((end - start) / words.length < MIN_WORD_LENGTH) {
    return evenWordTimings(
      words.map((w) => w.text),
      start,
      end,
    );
  }
  const out: Word[] = [];
  let at = start;
  words.forEach((w, i) => {
    const left = words.length - i - 1;
    const s = clamp(i === 0 ? start : w.start, at, end - (left + 1) * MIN_WORD_LENGTH);
    const e = i === words.length - 1 ? end : clamp(w.end, s + MIN_WORD_LENGTH, end - left * MIN_WORD_LENGTH);
    out.push({ text: w.text, start: round(s), end: round(e) });
    at = e;
  });
  return out;
}

/**
 * Joins a caption with the one after it: one caption from the first's start to the later end,
 * the texts joined with a space (none between Japanese or Chinese). Word timings are kept when both had them. Too long together
 * (more than the text limit): nothing happens.
 */
export function mergeCaptionWithNext(project: Project, id: string): Project {
  const index = project.captions.findIndex((c) => c.id === id);
  const cue = project.captions[index];
  const next = project.captions[index + 1];
  if (cue === undefined || next === undefined) return project;
  const text = joinCaptionWords([cue.text.trim(), next.text.trim()]);
  if (text.length > MAX_CAPTION_TEXT) return project;
  const merged: Caption = { ...cue, end: Math.max(cue.end, next.end), text };
  delete merged.words;
  if (cue.words !== undefined && next.words !== undefined) {
    merged.words = fixWords([...cue.words, ...next.words], merged.start, merged.end);
  } else if (cue.words !== undefined || next.words !== undefined) {
    merged.words = evenWordTimings(captionWords(text), merged.start, merged.end);
  }
  const captions = [...project.captions];
  captions.splice(index, 2, merged);
  return withCaptions(project, captions);
}

export function deleteCaption(project: Project, id: string): Project {
  const captions = project.captions.filter((c) => c.id !== id);
  return captions.length === project.captions.length ? project : withCaptions(project, captions);
}

export function setCaptionStyle(project: Project, id: string, style: CaptionStyle): Project {
  const index = project.captions.findIndex((c) => c.id === id);
  const cue = project.captions[index];
  if (cue === undefined || cue.style === style) return project;
  return replaceAt(project, index, { ...cue, style });
}

/** Changes the look every caption shares (font, size, position on screen). */
export function setCaptionSettings(project: Project, patch: Partial<CaptionSettings>): Project {
  const current = project.captionSettings;
  const next: CaptionSettings = { ...current };
  if (patch.fontFamily !== undefined && patch.fontFamily.trim() !== '')
    next.fontFamily = patch.fontFamily.slice(0, 100);
  if (patch.fontSize !== undefined && Number.isFinite(patch.fontSize))
    next.fontSize = clamp(Math.round(patch.fontSize), 24, 160);
  // Choosing a preset position takes the captions back from where they were placed by hand.
  if (patch.position !== undefined) {
    next.position = patch.position;
    delete next.y;
  }
  if (patch.y !== undefined && Number.isFinite(patch.y)) next.y = clamp(patch.y, 0, 1);
  if (patch.audience !== undefined) next.audience = patch.audience;
  const same =
    next.fontFamily === current.fontFamily &&
    next.fontSize === current.fontSize &&
    next.position === current.position &&
    next.y === current.y &&
    next.audience === current.audience;
  return same ? project : { ...project, captionSettings: next };
}

/** Gives a caption word-by-word timing, each word's time in proportion to its length. */
export function timeWordsEvenly(project: Project, id: string): Project {
  const index = project.captions.findIndex((c) => c.id === id);
  const cue = project.captions[index];
  if (cue === undefined) return project;
  const words = evenWordTimings(captionWords(cue.text).slice(0, 200), cue.start, cue.end);
  if (words.length === 0) return project;
  return replaceAt(project, index, { ...cue, words });
}

/** Removes word-by-word timing (the caption shows whole, with no highlighted word). */
export function clearWordTimings(project: Project, id: string): Project {
  const index = project.captions.findIndex((c) => c.id === id);
  const cue = project.captions[index];
  if (cue === undefined || cue.words === undefined) return project;
  const next = { ...cue };
  delete next.words;
  return replaceAt(project, index, next);
}

/**
 * Moves the boundary between word `wordIndex - 1` and word `wordIndex` (where the second one
 * starts) to `at`, kept between its neighbours so both words keep MIN_WORD_LENGTH.
 */
export function setWordStart(project: Project, id: string, wordIndex: number, at: number): Project {
  const index = project.captions.findIndex((c) => c.id === id);
  const cue = project.captions[index];
  const words = cue?.words;
  if (cue === undefined || words === undefined || !Number.isFinite(at)) return project;
  const word = words[wordIndex];
  const before = words[wordIndex - 1];
  if (word === undefined || before === undefined) return project;
  const to = round(clamp(at, before.start + MIN_WORD_LENGTH, word.end - MIN_WORD_LENGTH));
  if (to === word.start && to === before.end) return project;
  const next = [...words];
  next[wordIndex - 1] = { ...before, end: to };
  next[wordIndex] = { ...word, start: to };
  return replaceAt(project, index, { ...cue, words: next });
}

/**
 * Where captions added to the ones already there go: at their own times when none of them
 * overlaps an existing caption; otherwise all of them move later together (their rhythm and
 * word timings kept) to start where the last existing caption ends. Two captions on screen at
 * once would draw over each other. `shift` says how far they moved, 0 when they did not.
 */
export function placeAppended(
  existing: readonly Caption[],
  incoming: readonly Caption[],
): { captions: Caption[]; shift: number } {
  const overlaps = incoming.some((a) => existing.some((b) => a.start < b.end && b.start < a.end));
  if (!overlaps || incoming.length === 0) return { captions: [...incoming], shift: 0 };
  const lastEnd = Math.max(...existing.map((c) => c.end));
  const firstStart = Math.min(...incoming.map((c) => c.start));
  const shift = round(lastEnd - firstStart);
  const moved = incoming.map((c) => ({
    ...c,
    start: round(c.start + shift),
    end: round(c.end + shift),
    ...(c.words
      ? { words: c.words.map((w) => ({ ...w, start: round(w.start + shift), end: round(w.end + shift) })) }
      : {}),
  }));
  return { captions: moved, shift };
}

/**
 * Puts imported captions in: `replace` swaps out every caption, `append` keeps the existing
 * ones and adds the imported ones (in time order), moved later if they would overlap
 * (`placeAppended`). Imported captions get fresh ids, so they never clash with ids in the
 * project. One command: one undo step brings the old ones back.
 */
export function importCaptions(
  project: Project,
  incoming: readonly Caption[],
  mode: 'replace' | 'append',
): Project {
  const keep = mode === 'replace' ? [] : project.captions;
  const room = MAX_CAPTIONS - keep.length;
  const taken = mode === 'replace' ? usedIds(project) : takenIds(project);
  const placed = mode === 'replace' ? [...incoming] : placeAppended(keep, incoming).captions;
  const added = placed.slice(0, Math.max(0, room)).map((c) => ({ ...c, id: nextId('cap', taken) }));
  if (mode === 'append' && added.length === 0) return project;
  return withCaptions(project, sorted([...keep, ...added]));
}
