import type { Project, ReviewComment, ReviewShare } from '../schema';
import { canonicalJson } from './canonical';
import { ReviewRoom } from './room';
import type { ReviewFileComment, ReviewFileContent, ReviewFileReply, ReviewFileResolution } from './file';

export interface ReviewConflict {
  /** `limit`: left out so the project stays within its schema's limits (and savable). */
  kind: 'comment' | 'status' | 'reply' | 'resolution' | 'limit';
  /** The comment concerned, for a comment conflict. */
  commentId?: string;
  /** One plain sentence for the creator. */
  message: string;
}

export interface MergeResult {
  /** The merged project; the very same object when nothing changed (no undo step). */
  project: Project;
  added: number;
  updated: number;
  unchanged: number;
  /** Replies added to comments (the creator's or the reviewer's own). */
  replies: number;
  /** Comments the reviewer resolved or reopened, taken over. */
  resolutions: number;
  /** What could not be merged; what was left out to keep within the limits comes first. */
  conflicts: ReviewConflict[];
}

/** The share a review file answers, or a message saying why the file is not for this project. */
export function findShareFor(
  project: Project,
  content: Pick<ReviewFileContent, 'projectId' | 'projectTitle' | 'shareId'>,
): { ok: true; share: ReviewShare } | { ok: false; message: string } {
  if (project.id === undefined || project.id !== content.projectId) {
    const title = content.projectTitle.trim() || 'another project';
    return {
      ok: false,
      message: `This review is for “${title}”, not for this project, so it was not imported.`,
    };
  }
  const share = project.review.shares.find((s) => s.id === content.shareId);
  if (share === undefined) {
    return {
      ok: false,
      message:
        'This review answers a draft this copy of the project never shared (was it shared from another copy?), so it was not imported.',
    };
  }
  return { ok: true, share };
}

/** What the reviewer wrote in a comment: the part both sides compare. */
function contentOf(c: ReviewFileComment | ReviewComment): string {
  return canonicalJson({ time: c.time, author: c.author, text: c.text, point: c.point, mark: c.mark });
}

function stampOf(c: { createdAt: string; updatedAt?: string | undefined }): number {
  const t = Date.parse(c.updatedAt ?? c.createdAt);
  return Number.isNaN(t) ? 0 : t;
}

/** When the comment was last resolved or reopened here; never: minus infinity. */
function statusChangedAt(c: ReviewComment): number {
  const at = c.status === 'resolved' ? c.resolvedAt : c.reopenedAt;
  const t = at === undefined ? Number.NaN : Date.parse(at);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

function quote(text: string): string {
  return text.length > 40 ? `“${text.slice(0, 39)}…”` : `“${text}”`;
}

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}

const STATUS_NAMES: Record<Project['review']['status'], string> = {
  draft: 'draft',
  'in-review': 'in review',
  'changes-requested': 'changes requested',
  approved: 'approved',
};

/**
 * Merges a reviewer's file into the project. New comments are added; a comment the reviewer
 * edited later than the studio's copy is updated; one that differs without being newer is a
 * conflict (the studio's copy is kept). The reviewer's decision replaces the status only when it
 * is newer than the last local change. Idempotent: merging the same file again changes nothing.
 * Whatever the file holds, the result keeps every limit of the project's schema (what does not
 * fit is left out and reported), so the project can always be saved after an import.
 */
export function mergeReview(project: Project, file: ReviewFileContent): MergeResult {
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const conflicts: ReviewConflict[] = [];
  const room = new ReviewRoom(project.review);
  const byId = new Map(project.review.comments.map((c) => [c.id, c]));
  const replaced = new Map<string, ReviewComment>();
  const fresh: ReviewComment[] = [];

  // A file lists each comment once; should one repeat, its last copy counts.
  const incomingById = new Map(file.comments.map((c) => [c.id, c]));
  for (const incoming of incomingById.values()) {
    const local = byId.get(incoming.id);
    if (local === undefined) {
      const comment: ReviewComment = { ...incoming, status: 'open', replies: [] };
      if (!room.takeComment(comment)) continue;
      fresh.push(comment);
      added++;
      continue;
    }
    if (contentOf(local) === contentOf(incoming)) {
      unchanged++;
      continue;
    }
    if (local.author === incoming.author && stampOf(incoming) > stampOf(local)) {
      const { point: _p, mark: _m, updatedAt: _u, ...rest } = local;
      const next: ReviewComment = {
        ...rest,
        time: incoming.time,
        text: incoming.text,
        ...(incoming.updatedAt ? { updatedAt: incoming.updatedAt } : {}),
        ...(incoming.point ? { point: incoming.point } : {}),
        ...(incoming.mark ? { mark: incoming.mark } : {}),
      };
      if (!room.takeChange(local, next)) continue;
      replaced.set(local.id, next);
      updated++;
      continue;
    }
    conflicts.push({
      kind: 'comment',
      commentId: local.id,
      message: `${incoming.author}'s comment at ${clock(incoming.time)} differs from the studio's copy, which is not older; the studio's copy was kept.`,
    });
  }

  let review = project.review;
  const decision = file.decision;
  if (decision !== null) {
    const same =
      review.status === decision.status && review.statusBy === decision.by && review.statusAt === decision.at;
    const localAt = review.statusAt === undefined ? Number.NEGATIVE_INFINITY : Date.parse(review.statusAt);
    const decidedAt = Date.parse(decision.at);
    if (same) unchanged++;
    else if (Number.isNaN(localAt) || decidedAt > localAt) {
      const before = { status: review.status, statusBy: review.statusBy, statusAt: review.statusAt };
      const after = { status: decision.status, statusBy: decision.by, statusAt: decision.at };
      if (room.takeFields(before, after)) {
        review = { ...review, ...after };
        updated++;
      }
    } else if (review.status === decision.status) unchanged++;
    else {
      conflicts.push({
        kind: 'status',
        message: `${decision.by} marked the draft “${STATUS_NAMES[decision.status]}”, but the status was changed to “${STATUS_NAMES[review.status]}” after that${review.statusBy ? ` by ${review.statusBy}` : ''}; the current status was kept.`,
      });
    }
  }

  const merged = [...project.review.comments.map((c) => replaced.get(c.id) ?? c), ...fresh];
  const answered = mergeAnswers(merged, file.replies ?? [], file.resolutions ?? [], conflicts, room);
  conflicts.unshift(...room.report());
  unchanged += answered.unchanged;
  const { replies, resolutions } = answered;
  if (added === 0 && updated === 0 && replies === 0 && resolutions === 0) {
    return { project, added, updated, unchanged, replies, resolutions, conflicts };
  }
  const comments = answered.comments.sort((a, b) => a.time - b.time);
  return {
    project: { ...project, review: { ...review, comments } },
    added,
    updated,
    unchanged,
    replies,
    resolutions,
    conflicts,
  };
}

/**
 * The reviewer's replies and resolutions, applied to the merged comments. A reply already there
 * (same id) is unchanged; a resolve or reopen is taken when it is newer than the last one here,
 * and reported when the comment was set otherwise here after it.
 */
function mergeAnswers(
  merged: ReviewComment[],
  incomingReplies: readonly ReviewFileReply[],
  incomingResolutions: readonly ReviewFileResolution[],
  conflicts: ReviewConflict[],
  room: ReviewRoom,
): { comments: ReviewComment[]; replies: number; resolutions: number; unchanged: number } {
  let replies = 0;
  let resolutions = 0;
  let unchanged = 0;
  const byId = new Map(merged.map((c) => [c.id, c]));
  const missing = (kind: 'reply' | 'resolution', commentId: string, lead: string) =>
    conflicts.push({
      kind,
      commentId,
      message: `${lead} a comment that is no longer in the project; ${kind === 'reply' ? 'the reply was not added' : 'nothing was changed'}.`,
    });

  // New replies are gathered per comment and sorted once: a file may hold thousands.
  const added = new Map<string, ReviewComment['replies']>();
  for (const reply of incomingReplies) {
    const target = byId.get(reply.commentId);
    if (target === undefined) {
      missing('reply', reply.commentId, `${reply.author}'s reply ${quote(reply.text)} answers`);
      continue;
    }
    const existing = target.replies.find((r) => r.id === reply.id);
    if (existing !== undefined) {
      if (existing.author === reply.author && existing.text === reply.text) unchanged++;
      else
        conflicts.push({
          kind: 'reply',
          commentId: target.id,
          message: `${reply.author}'s reply at ${clock(target.time)} differs from the studio's copy; the studio's copy was kept.`,
        });
      continue;
    }
    const { commentId: _c, ...record } = reply;
    const list = added.get(target.id) ?? [];
    if (!room.takeReply(record, target.replies.length + list.length)) continue;
    list.push(record);
    added.set(target.id, list);
    replies++;
  }
  for (const [commentId, list] of added) {
    const target = byId.get(commentId);
    if (target === undefined) continue;
    const next = [...target.replies, ...list].sort(
      (a, b) => (Date.parse(a.createdAt) || 0) - (Date.parse(b.createdAt) || 0),
    );
    byId.set(commentId, { ...target, replies: next });
  }

  for (const change of incomingResolutions) {
    const target = byId.get(change.commentId);
    if (target === undefined) {
      missing(
        'resolution',
        change.commentId,
        `${change.by} ${change.status === 'resolved' ? 'resolved' : 'reopened'}`,
      );
      continue;
    }
    if (target.status === change.status) {
      unchanged++;
      continue;
    }
    const at = Date.parse(change.at);
    if (!Number.isNaN(at) && at > statusChangedAt(target)) {
      const { resolvedBy: _b, resolvedAt: _a, reopenedBy: _rb, reopenedAt: _ra, ...rest } = target;
      const next: ReviewComment =
        change.status === 'resolved'
          ? { ...rest, status: 'resolved', resolvedBy: change.by, resolvedAt: change.at }
          : { ...rest, status: 'open', reopenedBy: change.by, reopenedAt: change.at };
      if (!room.takeChange(target, next)) continue;
      byId.set(target.id, next);
      resolutions++;
      continue;
    }
    const here = target.status === 'resolved' ? 'resolved' : 'reopened';
    const who = target.status === 'resolved' ? target.resolvedBy : target.reopenedBy;
    conflicts.push({
      kind: 'resolution',
      commentId: target.id,
      message: `${change.by} ${change.status === 'resolved' ? 'resolved' : 'reopened'} the comment at ${clock(target.time)}, but it was ${here} here after that${who ? ` by ${who}` : ''}; it stays ${target.status}.`,
    });
  }

  return { comments: merged.map((c) => byId.get(c.id) ?? c), replies, resolutions, unchanged };
}
