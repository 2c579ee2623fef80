import type { Project, ReviewComment, ReviewShare } from '../schema';
import { canonicalJson } from './canonical';
import type { ReviewFileComment, ReviewFileContent } from './file';

export interface ReviewConflict {
  kind: 'comment' | 'status';
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
 */
export function mergeReview(project: Project, file: ReviewFileContent): MergeResult {
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const conflicts: ReviewConflict[] = [];
  const byId = new Map(project.review.comments.map((c) => [c.id, c]));
  const replaced = new Map<string, ReviewComment>();
  const fresh: ReviewComment[] = [];

  // A file lists each comment once; should one repeat, its last copy counts.
  const incomingById = new Map(file.comments.map((c) => [c.id, c]));
  for (const incoming of incomingById.values()) {
    const local = byId.get(incoming.id);
    if (local === undefined) {
      fresh.push({ ...incoming, status: 'open', replies: [] });
      added++;
      continue;
    }
    if (contentOf(local) === contentOf(incoming)) {
      unchanged++;
      continue;
    }
    if (local.author === incoming.author && stampOf(incoming) > stampOf(local)) {
      const { point: _p, mark: _m, updatedAt: _u, ...rest } = local;
      replaced.set(local.id, {
        ...rest,
        time: incoming.time,
        text: incoming.text,
        ...(incoming.updatedAt ? { updatedAt: incoming.updatedAt } : {}),
        ...(incoming.point ? { point: incoming.point } : {}),
        ...(incoming.mark ? { mark: incoming.mark } : {}),
      });
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
      review = { ...review, status: decision.status, statusBy: decision.by, statusAt: decision.at };
      updated++;
    } else if (review.status === decision.status) unchanged++;
    else {
      conflicts.push({
        kind: 'status',
        message: `${decision.by} marked the draft “${STATUS_NAMES[decision.status]}”, but the status was changed to “${STATUS_NAMES[review.status]}” after that${review.statusBy ? ` by ${review.statusBy}` : ''}; the current status was kept.`,
      });
    }
  }

  if (added === 0 && updated === 0) return { project, added, updated, unchanged, conflicts };
  const comments = [...project.review.comments.map((c) => replaced.get(c.id) ?? c), ...fresh].sort(
    (a, b) => a.time - b.time,
  );
  return { project: { ...project, review: { ...review, comments } }, added, updated, unchanged, conflicts };
}
