import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import {
  addComment as addCommentCommand,
  addShare,
  ensureProjectId,
  mergeReview,
  nextCommentTime,
  previousCommentTime,
  replyToComment,
  setCommentResolved,
  setReviewStatus,
} from '../../../../core/review';
import type { FramePoint, ReviewStatus } from '../../../../core/schema';
import { newShareSecret } from '../../../../review/integrity';
import { readReviewFile } from '../../../../review/readReviewFile';
import { useHost } from '../../../host/useHost';
import { useCanvas } from '../../canvas/stores/canvas';
import { useDocument } from '../../../state/document';
import { useNotices } from '../../../state/notices';
import { usePlayback } from '../../../state/playback';

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
};

const NAME_KEY = 'kindness-studio-reviewer';

/** When a status changed, short: "Nov 25, 6:08 AM" this year, with the year otherwise. */
export function statusWhen(iso: string | undefined, now = new Date()): string {
  const at = iso ? new Date(iso) : null;
  if (at === null || Number.isNaN(at.getTime())) return '';
  const thisYear = at.getFullYear() === now.getFullYear();
  return at.toLocaleString([], {
    month: 'short',
    day: 'numeric',
    ...(thisYear ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** "by Maya, Nov 25, 6:08 AM": who changed the status and when ('' before anyone did). */
export function statusDetail(review: {
  statusBy?: string | undefined;
  statusAt?: string | undefined;
}): string {
  if (review.statusBy === undefined) return '';
  const when = statusWhen(review.statusAt);
  return `by ${review.statusBy}${when ? `, ${when}` : ''}`;
}

/** True when the address asks to open documents in review mode (`?review=1`). */
export function reviewRequested(search: string): boolean {
  const value = new URLSearchParams(search).get('review');
  return value !== null && value !== '0' && value !== 'false';
}

function randomHex(bytes: number): string {
  const data = new Uint8Array(bytes);
  crypto.getRandomValues(data);
  return [...data].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Review mode (session state: never saved) and the review commands, each one undo step
 * through the document store: comments, replies, resolve, status, share and import.
 */
export const useReview = defineStore('review', () => {
  const documentStore = useDocument();
  const playback = usePlayback();
  const canvas = useCanvas();
  const notices = useNotices();
  const host = useHost();

  const active = ref(reviewRequested(window.location.search));
  const reviewer = ref(localStorage.getItem(NAME_KEY) ?? '');
  watch(reviewer, (name) => localStorage.setItem(NAME_KEY, name));
  /** Who the studio's own changes are from. */
  const me = computed(() => reviewer.value.trim() || 'Creator');

  /** Loop range on the timeline, seconds; both set to loop. */
  const loopIn = ref<number | null>(null);
  const loopOut = ref<number | null>(null);
  const looping = ref(false);
  const tool = ref<'point' | 'mark' | null>(null);
  const pendingPoint = shallowRef<FramePoint | null>(null);
  const pendingMark = shallowRef<number[] | null>(null);
  const focusedId = ref<string | null>(null);

  const review = computed(() => documentStore.project?.review ?? null);
  const comments = computed(() => review.value?.comments ?? []);
  const statusLabel = computed(() => STATUS_LABELS[review.value?.status ?? 'draft']);

  function setActive(on: boolean): void {
    active.value = on;
    tool.value = null;
    if (on) {
      canvas.select(null);
      canvas.setTool('select');
    } else {
      looping.value = false;
    }
  }

  // The loop: playing past the out point jumps back to the in point.
  watch(
    () => playback.time,
    (t) => {
      // Only while playing: stepping or jumping to a comment outside the range stays where it lands.
      if (!playback.playing || !looping.value || loopIn.value === null || loopOut.value === null) return;
      if (t >= loopOut.value || t < loopIn.value - 1e-6) playback.seek(loopIn.value);
    },
  );
  watch(
    () => playback.playing,
    (playing, was) => {
      // Playback stopped at the end of the video while looping: start the range again.
      if (
        !playing &&
        was &&
        looping.value &&
        loopIn.value !== null &&
        playback.time >= playback.duration - 0.1
      ) {
        playback.seek(loopIn.value);
        playback.play();
      }
    },
  );
  function setLoopIn(): void {
    loopIn.value = playback.time;
    if (loopOut.value !== null && loopOut.value <= loopIn.value) loopOut.value = null;
  }
  function setLoopOut(): void {
    loopOut.value = playback.time;
    if (loopIn.value === null || loopIn.value >= loopOut.value) loopIn.value = 0;
    looping.value = true;
  }
  function toggleLoop(): void {
    if (loopIn.value === null || loopOut.value === null) {
      notices.show('info', 'Set the loop first: I at its start, O at its end.');
      return;
    }
    looping.value = !looping.value;
  }
  function clearLoop(): void {
    loopIn.value = null;
    loopOut.value = null;
    looping.value = false;
  }

  function jump(direction: 1 | -1): void {
    const project = documentStore.project;
    if (project === null) return;
    const t =
      direction === 1 ? nextCommentTime(project, playback.time) : previousCommentTime(project, playback.time);
    if (t === null) return;
    playback.pause();
    playback.seek(t);
    focusedId.value = project.review.comments.find((c) => Math.abs(c.time - t) < 1e-9)?.id ?? null;
  }

  function addComment(text: string): boolean {
    const project = documentStore.project;
    if (project === null) return false;
    const mark = pendingMark.value;
    const added = addCommentCommand(project, {
      time: playback.time,
      author: me.value,
      text,
      createdAt: new Date().toISOString(),
      point: pendingPoint.value ?? undefined,
      mark: mark && mark.length >= 4 ? { points: mark } : undefined,
    });
    if (added.commentId === '') return false;
    documentStore.apply(added.project, 'Add comment');
    pendingPoint.value = null;
    pendingMark.value = null;
    tool.value = null;
    focusedId.value = added.commentId;
    return true;
  }

  function reply(commentId: string, text: string): boolean {
    const project = documentStore.project;
    if (project === null) return false;
    const next = replyToComment(project, commentId, {
      author: me.value,
      text,
      createdAt: new Date().toISOString(),
    });
    if (next === project) return false;
    documentStore.apply(next, 'Reply');
    return true;
  }

  function setResolved(commentId: string, resolved: boolean): void {
    const project = documentStore.project;
    if (project === null) return;
    const next = setCommentResolved(project, commentId, resolved, me.value, new Date().toISOString());
    documentStore.apply(next, resolved ? 'Resolve comment' : 'Reopen comment');
  }

  function setStatus(status: ReviewStatus): void {
    const project = documentStore.project;
    if (project === null) return;
    documentStore.apply(
      setReviewStatus(project, status, me.value, new Date().toISOString()),
      'Change review status',
    );
  }

  /** Sharing: the host job rendering the draft, polled for progress. */
  const share = ref<{ jobId: string; state: string; percent: number } | null>(null);
  let pollTimer: ReturnType<typeof setTimeout> | null = null;

  /** The share dialog (folder and file name) is open. */
  const shareDialogOpen = ref(false);

  /** The folder a share goes to unless the creator picks another: beside the project file. */
  function projectFolder(): string | null {
    const path = documentStore.path;
    return path === null ? null : path.replace(/[\\/][^\\/]*$/, '') || null;
  }

  /** The draft number the next share gets, for the suggested file name. */
  const nextDraftVersion = computed(
    () => (review.value?.shares ?? []).reduce((max, s) => Math.max(max, s.version), 0) + 1,
  );

  /**
   * Renders the draft and writes its review page into `folder` (null: beside the project, or the
   * first projects folder) as `fileName` (from the title when absent). False when it did not start.
   */
  async function shareForReview(
    target: { folder?: string | null; fileName?: string } = {},
  ): Promise<boolean> {
    const current = documentStore.project;
    const docId = documentStore.docId;
    if (current === null || docId === null || share.value !== null) return false;
    const now = new Date().toISOString();
    const projectId = current.id ?? `p-${randomHex(12)}`;
    const record = { id: `share-${randomHex(6)}`, secret: newShareSecret(), createdAt: now };
    // The share is recorded (and a draft goes in review) only once the host has taken the job.
    const withShare = (base: typeof current) => {
      const next = addShare(ensureProjectId(base, projectId), record).project;
      return next.review.status === 'draft' ? setReviewStatus(next, 'in-review', me.value, now) : next;
    };
    const project = withShare(current);
    const added = { share: record };
    const folder = target.folder === undefined ? projectFolder() : target.folder;
    const started = await host.shareForReview({
      docId,
      project,
      shareId: added.share.id,
      folder,
      ...(target.fileName === undefined ? {} : { fileName: target.fileName }),
    });
    if (!started.ok) {
      // Nothing was shared: the project stays as it was (no share, no status change).
      notices.show('error', started.error.message);
      return false;
    }
    // Anything changed while the host was starting (a comment typed meanwhile) is kept.
    const latest = documentStore.project;
    documentStore.apply(
      latest === current || latest === null ? project : withShare(latest),
      'Share for review',
    );
    share.value = { jobId: started.jobId, state: 'rendering', percent: 0 };
    poll();
    return true;
  }

  function poll(): void {
    pollTimer = setTimeout(() => void pollOnce(), 300);
  }
  async function pollOnce(): Promise<void> {
    const job = share.value;
    if (job === null) return;
    const status = await host.shareStatus({ jobId: job.jobId });
    if (!status.ok) {
      share.value = null;
      notices.show('error', status.error.message);
      return;
    }
    if (status.state === 'done') {
      share.value = null;
      notices.show(
        'success',
        `Review page written: ${status.path ?? ''}. Send this one file to your reviewers.`,
      );
    } else if (status.state === 'failed' || status.state === 'cancelled') {
      share.value = null;
      notices.show(status.state === 'failed' ? 'error' : 'info', status.message ?? 'Sharing stopped.');
    } else {
      share.value = { ...job, state: status.state, percent: status.percent };
      poll();
    }
  }
  async function cancelShare(): Promise<void> {
    const job = share.value;
    if (job === null) return;
    await host.cancelShare({ jobId: job.jobId });
  }
  function stopPolling(): void {
    if (pollTimer !== null) clearTimeout(pollTimer);
  }

  /** Imports a reviewer's JSON file: checked, then merged as one undo step. */
  async function importReview(text: string): Promise<void> {
    const project = documentStore.project;
    if (project === null) return;
    const read = await readReviewFile(text, project);
    if (!read.ok) {
      notices.show('error', read.message);
      return;
    }
    const result = mergeReview(project, read.file);
    const who = read.file.reviewer;
    if (result.project !== project) documentStore.apply(result.project, 'Import review');
    const before = project.review;
    const after = result.project.review;
    const statusChanged = before.status !== after.status || before.statusAt !== after.statusAt;
    const commentUpdates = result.updated - (statusChanged ? 1 : 0);
    const parts: string[] = [];
    if (result.added > 0) parts.push(`${result.added} new ${result.added === 1 ? 'comment' : 'comments'}`);
    if (commentUpdates > 0) parts.push(`${commentUpdates} updated`);
    if (result.replies > 0) parts.push(`${result.replies} ${result.replies === 1 ? 'reply' : 'replies'}`);
    if (result.resolutions > 0)
      parts.push(
        `${result.resolutions} ${result.resolutions === 1 ? 'comment' : 'comments'} resolved or reopened`,
      );
    if (statusChanged) parts.push(`status: ${STATUS_LABELS[after.status].toLowerCase()}`);
    if (parts.length === 0) {
      notices.show('info', `${who}'s review was already imported: nothing changed.`);
    } else {
      notices.show('success', `Imported ${who}'s review: ${parts.join('; ')}.`);
    }
    if (result.conflicts.length > 0) {
      const more = result.conflicts.length > 1 ? ` (and ${result.conflicts.length - 1} more)` : '';
      notices.show('warning', `Not merged: ${result.conflicts[0]?.message ?? ''}${more}`);
    }
  }

  return {
    active,
    reviewer,
    me,
    loopIn,
    loopOut,
    looping,
    tool,
    pendingPoint,
    pendingMark,
    focusedId,
    review,
    comments,
    statusLabel,
    share,
    shareDialogOpen,
    nextDraftVersion,
    projectFolder,
    setActive,
    setLoopIn,
    setLoopOut,
    toggleLoop,
    clearLoop,
    jump,
    addComment,
    reply,
    setResolved,
    setStatus,
    shareForReview,
    cancelShare,
    stopPolling,
    importReview,
  };
});
