import { defineStore } from 'pinia';
import { ref } from 'vue';
import { parseSubtitles, toSrt, toVtt, type SubtitleWarning } from '../../../../core/captions';
import type { Caption } from '../../../../core/schema';
import { projectDuration } from '../../../../core/timeline';
import { useHost } from '../../../host/useHost';
import { useCaptions } from './captions';
import { useDocument } from '../../../state/document';
import { useNotices } from '../../../state/notices';

/** Biggest subtitle file taken in: far above any real one, small enough to never stall the page. */
export const MAX_SUBTITLE_BYTES = 10 * 1024 * 1024;

export interface PendingImport {
  fileName: string;
  captions: Caption[];
  warnings: SubtitleWarning[];
}

/** The folder part of a host path (either kind of slash), or null without one. */
function folderOf(path: string | null): string | null {
  if (path === null) return null;
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : null;
}

/** A subtitle file name from the project title: letters, digits, spaces and dashes kept. */
function subtitleName(title: string, format: 'srt' | 'vtt'): string {
  const base = title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'Captions';
  return `${base.slice(0, 150)}.${format}`;
}

/**
 * Subtitle files in and out of the studio. Import reads the file the creator picked (in the
 * page), shows what was found and what was skipped, and puts the captions in with one undo
 * step, replacing or adding to the ones there. Export writes SRT or WebVTT through the host,
 * next to the project file.
 */
export const useSubtitles = defineStore('subtitles', () => {
  const host = useHost();
  const documentStore = useDocument();
  const captions = useCaptions();
  const notices = useNotices();
  const pending = ref<PendingImport | null>(null);
  const saving = ref(false);

  async function read(file: File): Promise<void> {
    if (file.size > MAX_SUBTITLE_BYTES) {
      notices.show('error', `“${file.name}” is too large for a subtitle file, so it was not imported.`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      notices.show('error', `“${file.name}” could not be read.`);
      return;
    }
    const result = parseSubtitles(text, file.name);
    if (!result.ok) {
      const where = result.error.line !== undefined ? ` (line ${result.error.line})` : '';
      notices.show('error', `“${file.name}” was not imported${where}: ${result.error.message}`);
      return;
    }
    pending.value = { fileName: file.name, captions: result.captions, warnings: result.warnings };
  }

  function confirm(mode: 'replace' | 'append'): void {
    const found = pending.value;
    pending.value = null;
    if (found === null) return;
    const shift = captions.importAll(found.captions, mode);
    const count = found.captions.length;
    const imported = `Imported ${count} caption${count === 1 ? '' : 's'} from “${found.fileName}”.`;
    if (shift <= 0) notices.show('success', imported);
    else
      notices.show(
        'info',
        `${imported} They overlapped yours, so they were moved ${shift.toFixed(1)} s later, to start after your last caption.`,
      );
  }

  function cancel(): void {
    pending.value = null;
  }

  async function save(format: 'srt' | 'vtt'): Promise<void> {
    const project = documentStore.project;
    if (project === null || saving.value) return;
    if (project.captions.length === 0) {
      notices.show('info', 'There are no captions to export yet.');
      return;
    }
    const range = { start: 0, end: projectDuration(project) };
    const text = format === 'srt' ? toSrt(project.captions, range) : toVtt(project.captions, range);
    saving.value = true;
    try {
      const result = await host.saveSubtitles({
        folder: folderOf(documentStore.path),
        name: subtitleName(project.title, format),
        text,
      });
      if (result.ok) notices.show('success', `Saved the captions as ${result.path}`);
      else notices.show('error', result.error.message);
    } finally {
      saving.value = false;
    }
  }

  return { pending, saving, read, confirm, cancel, save };
});
