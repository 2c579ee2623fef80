import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { checkCaption, type CaptionIssue, type CaptionIssueCode } from '../../../../core/captions';
import {
  addCaption,
  captionFixFor,
  clearWordTimings,
  deleteCaption,
  importCaptions,
  mergeCaptionWithNext,
  placeAppended,
  moveCaption,
  retimeCaption,
  setCaptionSettings,
  setCaptionStyle,
  setCaptionText,
  setWordStart,
  splitCaption,
  timeWordsEvenly,
} from '../../../../core/edit';
import type { Caption, CaptionSettings, CaptionStyle } from '../../../../core/schema';
import { useCanvas } from '../../canvas/stores/canvas';
import { useDocument } from '../../../state/document';
import { useNotices } from '../../../state/notices';
import { usePlayback } from '../../../state/playback';

/**
 * The caption track's session state (which cue is selected or being typed into; never saved)
 * and its commands, each one undo step through the document store. Readability is checked live
 * for every cue, with the audience the project is made for.
 */
function sameIssues(a: readonly CaptionIssue[] | undefined, b: readonly CaptionIssue[]): boolean {
  return a !== undefined && a.length === b.length && a.every((issue, i) => issue.message === b[i]?.message);
}

export const useCaptions = defineStore('captions', () => {
  const documentStore = useDocument();
  const playback = usePlayback();
  const canvas = useCanvas();
  const notices = useNotices();
  const pickedId = ref<string | null>(null);
  const editingId = ref<string | null>(null);

  const captions = computed<readonly Caption[]>(() => documentStore.project?.captions ?? []);
  const settings = computed(() => documentStore.project?.captionSettings ?? null);
  const audience = computed(() => settings.value?.audience ?? 'general');
  const selected = computed(() => captions.value.find((c) => c.id === pickedId.value) ?? null);
  const selectedId = computed(() => selected.value?.id ?? null);

  /**
   * Problems measured on rendered frames by the studio (useCaptionContrast): low contrast against
   * the picture, a box outside the chosen platform's safe zone.
   */
  const contrastIssues = shallowRef<ReadonlyMap<string, CaptionIssue[]>>(new Map());

  /** Readability problems of every cue, by id (cues that read well are absent). */
  const issues = computed(() => {
    const byId = new Map<string, CaptionIssue[]>();
    for (const cue of captions.value) {
      const found = [
        ...checkCaption(cue, { audience: audience.value }),
        ...(contrastIssues.value.get(cue.id) ?? []),
      ];
      if (found.length > 0) byId.set(cue.id, found);
    }
    return byId;
  });

  function setContrastIssues(found: ReadonlyMap<string, CaptionIssue[]>): void {
    const before = contrastIssues.value;
    const same =
      before.size === found.size && [...found].every(([id, list]) => sameIssues(before.get(id), list));
    if (!same) contrastIssues.value = found;
  }

  // One selection at a time: picking an element on the canvas leaves the caption, and back.
  watch(
    () => canvas.selectedElementId,
    (id) => {
      if (id !== null) pickedId.value = null;
    },
  );

  function select(id: string | null): void {
    pickedId.value = id;
    if (id !== null) canvas.select(null);
    if (id !== editingId.value) editingId.value = null;
  }

  /** A time on a whole frame, so cues start and end exactly where frames do. */
  function snap(t: number): number {
    return Math.round(t * playback.fps) / playback.fps;
  }

  function addAtPlayhead(): void {
    const project = documentStore.project;
    if (project === null) return;
    const added = addCaption(project, snap(playback.time));
    if (added.captionId === '') {
      notices.show('info', 'No room for a caption here: move the playhead to a gap between captions.');
      return;
    }
    documentStore.apply(added.project, 'Add caption');
    select(added.captionId);
    editingId.value = added.captionId;
  }

  /** Applies a command to the project; `coalesce` merges a drag or typing into one undo step. */
  function edit(
    command: (project: NonNullable<typeof documentStore.project>) => typeof documentStore.project,
    label: string,
    coalesce?: string,
  ): void {
    const project = documentStore.project;
    if (project === null) return;
    const next = command(project);
    if (next !== null) documentStore.apply(next, label, coalesce);
  }

  function setText(id: string, text: string, coalesce?: string): void {
    edit((p) => setCaptionText(p, id, text), 'Edit caption', coalesce);
  }

  function retime(id: string, times: { start?: number; end?: number }, coalesce?: string): void {
    const snapped = {
      ...(times.start !== undefined ? { start: snap(times.start) } : {}),
      ...(times.end !== undefined ? { end: snap(times.end) } : {}),
    };
    edit((p) => retimeCaption(p, id, snapped), 'Retime caption', coalesce);
  }

  function move(id: string, start: number, coalesce?: string): void {
    edit((p) => moveCaption(p, id, snap(start)), 'Move caption', coalesce);
  }

  function splitAtPlayhead(id: string): void {
    const project = documentStore.project;
    if (project === null) return;
    const result = splitCaption(project, id, snap(playback.time));
    if (result.captionId === '') {
      notices.show(
        'info',
        'To split a caption, put the playhead inside it, away from its edges, on a caption with more than one character.',
      );
      return;
    }
    documentStore.apply(result.project, 'Split caption');
    select(result.captionId);
  }

  function mergeWithNext(id: string): void {
    const project = documentStore.project;
    if (project === null) return;
    const next = mergeCaptionWithNext(project, id);
    if (next === project) {
      notices.show(
        'info',
        'There is no caption after this one to merge with (or together they would be too long).',
      );
      return;
    }
    documentStore.apply(next, 'Merge captions');
  }

  function remove(id: string): void {
    const index = captions.value.findIndex((c) => c.id === id);
    edit((p) => deleteCaption(p, id), 'Delete caption');
    const neighbour = captions.value[Math.min(index, captions.value.length - 1)];
    select(neighbour?.id ?? null);
  }

  function setStyle(id: string, style: CaptionStyle): void {
    edit((p) => setCaptionStyle(p, id, style), 'Change caption style');
  }

  function setSettings(patch: Partial<CaptionSettings>, coalesce?: string): void {
    edit((p) => setCaptionSettings(p, patch), 'Change caption settings', coalesce);
  }

  function timeWords(id: string): void {
    edit((p) => timeWordsEvenly(p, id), 'Time words evenly');
  }

  function clearWords(id: string): void {
    edit((p) => clearWordTimings(p, id), 'Remove word timing');
  }

  function setWordBoundary(id: string, wordIndex: number, at: number, coalesce?: string): void {
    edit((p) => setWordStart(p, id, wordIndex, at), 'Retime word', coalesce);
  }

  function fix(id: string, code: CaptionIssueCode): void {
    const fixer = captionFixFor(code);
    if (fixer !== null) edit((p) => fixer.apply(p, id), fixer.label);
  }

  /**
   * Imports captions; returns how many seconds added ones were moved later so as not to overlap
   * the captions already there (0 when they kept their times).
   */
  function importAll(incoming: readonly Caption[], mode: 'replace' | 'append'): number {
    const shift = mode === 'append' ? placeAppended(captions.value, incoming).shift : 0;
    edit((p) => importCaptions(p, incoming, mode), mode === 'replace' ? 'Replace captions' : 'Add captions');
    select(null);
    return shift;
  }

  return {
    captions,
    settings,
    audience,
    issues,
    setContrastIssues,
    selected,
    selectedId,
    editingId,
    select,
    snap,
    addAtPlayhead,
    setText,
    retime,
    move,
    splitAtPlayhead,
    mergeWithNext,
    remove,
    setStyle,
    setSettings,
    timeWords,
    clearWords,
    setWordBoundary,
    fix,
    importAll,
  };
});
