import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ExportOutputId, ExportOutputStatus } from '../../../../host/contract';
import { useHost } from '../../../host/useHost';
import { useDocument } from '../../../state/document';
import { useNotices } from '../../../state/notices';

/** How often the page asks the host how an export is doing (no push channel in the web host). */
export const EXPORT_POLL_MS = 400;

/** What each choice in the dialog makes, in the creator's words. */
export const EXPORT_CHOICES: readonly { id: ExportOutputId; label: string; detail: string }[] = [
  { id: 'tiktok', label: 'TikTok', detail: '1080 x 1920 MP4, H.264 + AAC' },
  { id: 'reels', label: 'Instagram Reels', detail: '1080 x 1920 MP4, H.264 + AAC' },
  { id: 'shorts', label: 'YouTube Shorts', detail: '1080 x 1920 MP4, H.264 + AAC' },
  { id: 'draft', label: 'Review draft', detail: '540 x 960 MP4 marked DRAFT, quick to share' },
  { id: 'gif', label: 'Animated GIF', detail: '540 wide, 15 fps, loops; no sound' },
];

export function choiceLabel(id: ExportOutputId): string {
  return EXPORT_CHOICES.find((c) => c.id === id)?.label ?? id;
}

/**
 * The export dialog's session state and the running export. The export runs on the host; this
 * store polls its status, so the dialog can be closed (editing goes on) and opened again.
 */
export const useExports = defineStore('exports', () => {
  const host = useHost();
  const documentStore = useDocument();
  const notices = useNotices();

  const dialogOpen = ref(false);
  const jobId = ref<string | null>(null);
  const outputs = ref<ExportOutputStatus[]>([]);
  const finished = ref(false);
  const starting = ref(false);
  const error = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;

  const running = computed(() => jobId.value !== null && !finished.value);
  /** Overall progress of the running export, for the top bar. */
  const percent = computed(() => {
    const live = outputs.value.filter((o) => o.state !== 'cancelled' && o.state !== 'failed');
    if (live.length === 0) return 0;
    return Math.round(live.reduce((sum, o) => sum + o.percent, 0) / live.length);
  });

  function open(): void {
    if (!documentStore.isOpen) return;
    dialogOpen.value = true;
  }

  function close(): void {
    dialogOpen.value = false;
  }

  async function start(choices: ExportOutputId[], folder: string, baseName: string): Promise<boolean> {
    const project = documentStore.project;
    const docId = documentStore.docId;
    if (project === null || docId === null || running.value) return false;
    starting.value = true;
    error.value = null;
    const answer = await host.startExport({ docId, project, outputs: choices, folder, baseName });
    starting.value = false;
    if (!answer.ok) {
      error.value = answer.error.message;
      return false;
    }
    jobId.value = answer.jobId;
    finished.value = false;
    outputs.value = [];
    await poll();
    return true;
  }

  async function poll(): Promise<void> {
    const id = jobId.value;
    if (id === null) return;
    const status = await host.exportStatus({ jobId: id });
    if (id !== jobId.value) return;
    if (!status.ok) {
      error.value = status.error.message;
      finished.value = true;
      return;
    }
    outputs.value = status.outputs;
    if (status.state === 'finished') {
      finished.value = true;
      announce(status.outputs);
      return;
    }
    timer = setTimeout(() => void poll(), EXPORT_POLL_MS);
  }

  function announce(done: ExportOutputStatus[]): void {
    const saved = done.filter((o) => o.state === 'done').length;
    const failed = done.filter((o) => o.state === 'failed').length;
    const [kind, message] =
      failed > 0
        ? ([
            'error',
            `Export finished: ${saved} file(s) saved, ${failed} failed. See the export dialog.`,
          ] as const)
        : saved > 0
          ? (['success', `Export finished: ${saved} file(s) saved.`] as const)
          : (['info', 'The export was cancelled. No files were saved.'] as const);
    notices.show(kind, message);
    // Exports take minutes: a creator who went to another window hears of it from the system.
    if (document.visibilityState !== 'visible' || !document.hasFocus()) {
      host.notifyExportDone({ title: 'Kindness Studio', body: message }).catch(() => undefined);
    }
  }

  async function cancel(output?: ExportOutputId): Promise<void> {
    const id = jobId.value;
    if (id === null || finished.value) return;
    const answer = await host.cancelExport(output === undefined ? { jobId: id } : { jobId: id, output });
    if (!answer.ok) notices.show('error', answer.error.message);
  }

  /** Back to choosing outputs once an export has finished. */
  function reset(): void {
    if (running.value) return;
    if (timer !== null) clearTimeout(timer);
    jobId.value = null;
    outputs.value = [];
    finished.value = false;
    error.value = null;
  }

  return {
    dialogOpen,
    jobId,
    outputs,
    finished,
    starting,
    error,
    running,
    percent,
    open,
    close,
    start,
    cancel,
    reset,
  };
});
