import { nextId } from '../edit/ids';
import type { FramePoint, Project, ReviewComment, ReviewMark, ReviewShare, ReviewStatus } from '../schema';

/**
 * Review commands: pure, each returns a new project (or the same one when nothing changed),
 * so the studio records them as undo steps like any other edit.
 */

export interface NewComment {
  time: number;
  author: string;
  text: string;
  /** ISO 8601. */
  createdAt: string;
  point?: FramePoint | undefined;
  mark?: ReviewMark | undefined;
}

function withComments(project: Project, comments: ReviewComment[]): Project {
  return { ...project, review: { ...project.review, comments } };
}

function cleanText(text: string, max: number): string {
  return text.trim().slice(0, max);
}

/** Adds a comment at a time; `commentId` is '' when the text or author is empty. */
export function addComment(project: Project, input: NewComment): { project: Project; commentId: string } {
  const text = cleanText(input.text, 5000);
  const author = cleanText(input.author, 100);
  if (text === '' || author === '') return { project, commentId: '' };
  const taken = new Set(project.review.comments.map((c) => c.id));
  const id = nextId('comment', taken);
  const comment: ReviewComment = {
    id,
    time: Math.max(0, input.time),
    author,
    text,
    status: 'open',
    createdAt: input.createdAt,
    replies: [],
    ...(input.point ? { point: input.point } : {}),
    ...(input.mark && input.mark.points.length >= 4 ? { mark: input.mark } : {}),
  };
  const comments = [...project.review.comments, comment].sort((a, b) => a.time - b.time);
  return { project: withComments(project, comments), commentId: id };
}

export function deleteComment(project: Project, commentId: string): Project {
  const comments = project.review.comments.filter((c) => c.id !== commentId);
  return comments.length === project.review.comments.length ? project : withComments(project, comments);
}

function updateComment(
  project: Project,
  commentId: string,
  change: (c: ReviewComment) => ReviewComment,
): Project {
  let changed = false;
  const comments = project.review.comments.map((c) => {
    if (c.id !== commentId) return c;
    const next = change(c);
    if (next !== c) changed = true;
    return next;
  });
  return changed ? withComments(project, comments) : project;
}

export function replyToComment(
  project: Project,
  commentId: string,
  reply: { author: string; text: string; createdAt: string },
): Project {
  const text = cleanText(reply.text, 5000);
  const author = cleanText(reply.author, 100);
  if (text === '' || author === '') return project;
  return updateComment(project, commentId, (c) => {
    const id = nextId(`${c.id}-reply`, new Set(c.replies.map((r) => r.id)));
    return { ...c, replies: [...c.replies, { id, author, text, createdAt: reply.createdAt }] };
  });
}

/** Resolves (with who and when) or reopens a comment. */
export function setCommentResolved(
  project: Project,
  commentId: string,
  resolved: boolean,
  by: string,
  at: string,
): Project {
  return updateComment(project, commentId, (c) => {
    if ((c.status === 'resolved') === resolved) return c;
    const who = cleanText(by, 100) || 'Someone';
    const { resolvedBy: _by, resolvedAt: _at, reopenedBy: _rby, reopenedAt: _rat, ...rest } = c;
    return resolved
      ? { ...rest, status: 'resolved', resolvedBy: who, resolvedAt: at }
      : { ...rest, status: 'open', reopenedBy: who, reopenedAt: at };
  });
}

export function setReviewStatus(project: Project, status: ReviewStatus, by: string, at: string): Project {
  if (project.review.status === status) return project;
  return {
    ...project,
    review: { ...project.review, status, statusBy: cleanText(by, 100) || 'Someone', statusAt: at },
  };
}

/** Gives the project its stable id if it has none yet. */
export function ensureProjectId(project: Project, id: string): Project {
  return project.id === undefined ? { ...project, id } : project;
}

/** Records a new share (its draft number and signing secret); the next version number is returned. */
export function addShare(
  project: Project,
  share: { id: string; secret: string; createdAt: string },
): { project: Project; share: ReviewShare } {
  const version = project.review.shares.reduce((max, s) => Math.max(max, s.version), 0) + 1;
  const record: ReviewShare = { ...share, version };
  return {
    project: { ...project, review: { ...project.review, shares: [...project.review.shares, record] } },
    share: record,
  };
}

/** Comment times in order, for next/previous comment. */
function sortedTimes(project: Project): number[] {
  return project.review.comments.map((c) => c.time).sort((a, b) => a - b);
}

/** The first comment time after `time` (a frame's tolerance), or null. */
export function nextCommentTime(project: Project, time: number, epsilon = 1e-3): number | null {
  return sortedTimes(project).find((t) => t > time + epsilon) ?? null;
}

export function previousCommentTime(project: Project, time: number, epsilon = 1e-3): number | null {
  return (
    sortedTimes(project)
      .reverse()
      .find((t) => t < time - epsilon) ?? null
  );
}
