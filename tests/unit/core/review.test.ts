import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankProject } from '../../../src/core/edit';
import {
  addComment,
  addShare,
  canonicalJson,
  deleteComment,
  ensureProjectId,
  findShareFor,
  mergeReview,
  nextCommentTime,
  previousCommentTime,
  replyToComment,
  setCommentResolved,
  setReviewStatus,
  type ReviewFileComment,
  type ReviewFileContent,
} from '../../../src/core/review';
import { ProjectSchema, type Project } from '../../../src/core/schema';
import v1 from '../../fixtures/versions/v1.json';

const SECRET = 'ab'.repeat(32);

function sharedProject(): Project {
  const withId = ensureProjectId(blankProject('Kind words'), 'proj-12345678');
  return addShare(withId, { id: 'share-1', secret: SECRET, createdAt: '2026-11-25T10:00:00.000Z' }).project;
}

function fileComment(overrides: Partial<ReviewFileComment> = {}): ReviewFileComment {
  return {
    id: 'r-aaaa',
    time: 1.5,
    author: 'Maya',
    text: 'Hold this shot longer',
    createdAt: '2026-11-25T11:00:00.000Z',
    ...overrides,
  };
}

function reviewFile(overrides: Partial<ReviewFileContent> = {}): ReviewFileContent {
  return {
    format: 'kindness-review',
    version: 1,
    projectId: 'proj-12345678',
    projectTitle: 'Kind words',
    shareId: 'share-1',
    draftVersion: 1,
    reviewer: 'Maya',
    exportedAt: '2026-11-25T11:30:00.000Z',
    decision: { status: 'approved', by: 'Maya', at: '2026-11-25T11:29:00.000Z' },
    comments: [
      fileComment(),
      fileComment({
        id: 'r-bbbb',
        time: 2.2,
        text: 'Circle this',
        mark: { points: [10, 10, 50, 60, 90, 20] },
      }),
    ],
    ...overrides,
  };
}

describe('review schema', () => {
  it('still loads a version 1 file without the new review fields', () => {
    const project = ProjectSchema.parse(v1);
    expect(project.review.shares).toEqual([]);
    expect(project.id).toBeUndefined();
  });

  it('keeps points, marks, replies and who resolved a comment', () => {
    const project = ProjectSchema.parse({
      ...blankProject(),
      review: {
        status: 'approved',
        statusBy: 'Ana',
        statusAt: '2026-11-25T10:00:00.000Z',
        comments: [
          {
            id: 'c1',
            time: 1,
            author: 'Ana',
            text: 'Nice',
            createdAt: 'x',
            point: { x: 5, y: 6 },
            mark: { points: [1, 2, 3, 4] },
            replies: [{ id: 'r1', author: 'Ben', text: 'Thanks', createdAt: 'y' }],
            status: 'resolved',
            resolvedBy: 'Ben',
            resolvedAt: 'z',
          },
        ],
      },
    });
    expect(project.review.comments[0]?.mark?.points).toEqual([1, 2, 3, 4]);
    expect(project.review.comments[0]?.replies).toHaveLength(1);
  });

  it('refuses a mark with an odd number of coordinates', () => {
    const bad = {
      ...blankProject(),
      review: {
        comments: [{ id: 'c', time: 0, author: 'a', text: 't', createdAt: 'x', mark: { points: [1, 2, 3] } }],
      },
    };
    expect(ProjectSchema.safeParse(bad).success).toBe(false);
  });
});

describe('review commands', () => {
  it('adds comments in time order with fresh ids, and ignores empty ones', () => {
    let project = blankProject();
    const first = addComment(project, { time: 2, author: 'Ana', text: ' Later ', createdAt: 't1' });
    project = first.project;
    const second = addComment(project, {
      time: 1,
      author: 'Ana',
      text: 'Sooner',
      createdAt: 't2',
      point: { x: 10, y: 20 },
    });
    project = second.project;
    expect(project.review.comments.map((c) => c.text)).toEqual(['Sooner', 'Later']);
    expect(first.commentId).not.toBe(second.commentId);
    expect(project.review.comments[0]?.point).toEqual({ x: 10, y: 20 });
    const empty = addComment(project, { time: 0, author: 'Ana', text: '   ', createdAt: 't3' });
    expect(empty.project).toBe(project);
    expect(empty.commentId).toBe('');
  });

  it('replies, resolves with who and when, and reopens', () => {
    const { project: p1, commentId } = addComment(blankProject(), {
      time: 1,
      author: 'Ana',
      text: 'Fix',
      createdAt: 't',
    });
    const p2 = replyToComment(p1, commentId, { author: 'Ben', text: 'Done', createdAt: 't2' });
    expect(p2.review.comments[0]?.replies.map((r) => r.text)).toEqual(['Done']);
    const p3 = setCommentResolved(p2, commentId, true, 'Ben', 't3');
    expect(p3.review.comments[0]).toMatchObject({ status: 'resolved', resolvedBy: 'Ben', resolvedAt: 't3' });
    expect(setCommentResolved(p3, commentId, true, 'Ben', 't4')).toBe(p3);
    const p4 = setCommentResolved(p3, commentId, false, 'Ben', 't5');
    expect(p4.review.comments[0]?.status).toBe('open');
    expect(p4.review.comments[0]?.resolvedBy).toBeUndefined();
    expect(deleteComment(p4, commentId).review.comments).toEqual([]);
    // The input is never changed (commands are pure).
    expect(p1.review.comments[0]?.replies).toEqual([]);
  });

  it('sets the status with who and when; the same status is not a change', () => {
    const p = setReviewStatus(blankProject(), 'in-review', 'Ana', '2026-01-01T00:00:00Z');
    expect(p.review).toMatchObject({
      status: 'in-review',
      statusBy: 'Ana',
      statusAt: '2026-01-01T00:00:00Z',
    });
    expect(setReviewStatus(p, 'in-review', 'Ben', 'later')).toBe(p);
  });

  it('numbers shares and keeps a project id once given', () => {
    const p = sharedProject();
    expect(ensureProjectId(p, 'other-id-123')).toBe(p);
    const second = addShare(p, { id: 'share-2', secret: SECRET, createdAt: 'x' });
    expect(second.share.version).toBe(2);
  });

  it('jumps to the next and previous comment', () => {
    let p = blankProject();
    for (const time of [2, 0.5, 1])
      p = addComment(p, { time, author: 'a', text: 't', createdAt: 'c' }).project;
    expect(nextCommentTime(p, 0)).toBe(0.5);
    expect(nextCommentTime(p, 0.5)).toBe(1);
    expect(nextCommentTime(p, 2)).toBeNull();
    expect(previousCommentTime(p, 2)).toBe(1);
    expect(previousCommentTime(p, 0.5)).toBeNull();
  });
});

describe('mergeReview', () => {
  it('adds new comments and the decision', () => {
    const result = mergeReview(sharedProject(), reviewFile());
    expect(result.added).toBe(2);
    expect(result.updated).toBe(1);
    expect(result.conflicts).toEqual([]);
    expect(result.project.review.comments.map((c) => c.id)).toEqual(['r-aaaa', 'r-bbbb']);
    expect(result.project.review.comments[1]?.mark?.points).toHaveLength(6);
    expect(result.project.review).toMatchObject({ status: 'approved', statusBy: 'Maya' });
  });

  it('is idempotent: the same file again changes nothing', () => {
    const once = mergeReview(sharedProject(), reviewFile());
    const twice = mergeReview(once.project, reviewFile());
    expect(twice.project).toBe(once.project);
    expect(twice).toMatchObject({ added: 0, updated: 0, unchanged: 3, conflicts: [] });
  });

  it('keeps local replies and resolutions when the same comments come again', () => {
    const once = mergeReview(sharedProject(), reviewFile()).project;
    const resolved = setCommentResolved(
      replyToComment(once, 'r-aaaa', { author: 'Me', text: 'OK', createdAt: 'x' }),
      'r-aaaa',
      true,
      'Me',
      'y',
    );
    const again = mergeReview(resolved, reviewFile());
    expect(again.project).toBe(resolved);
  });

  it('updates a comment the reviewer edited later', () => {
    const once = mergeReview(sharedProject(), reviewFile()).project;
    const edited = reviewFile({
      comments: [fileComment({ text: 'Hold it 1 s longer', updatedAt: '2026-11-25T12:00:00.000Z' })],
    });
    const result = mergeReview(once, edited);
    expect(result).toMatchObject({ added: 0, updated: 1, conflicts: [] });
    expect(result.project.review.comments.find((c) => c.id === 'r-aaaa')?.text).toBe('Hold it 1 s longer');
  });

  it('reports a comment edited differently without being newer, and keeps the studio copy', () => {
    const once = mergeReview(sharedProject(), reviewFile()).project;
    const result = mergeReview(once, reviewFile({ comments: [fileComment({ text: 'Something else' })] }));
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ kind: 'comment', commentId: 'r-aaaa' });
    expect(result.conflicts[0]?.message).toContain('0:01.5');
    expect(result.project.review.comments.find((c) => c.id === 'r-aaaa')?.text).toBe('Hold this shot longer');
  });

  it('reports a decision older than a local status change and keeps the local status', () => {
    const local = setReviewStatus(sharedProject(), 'changes-requested', 'Lead', '2026-11-25T12:00:00.000Z');
    const result = mergeReview(local, reviewFile({ comments: [] }));
    expect(result.project).toBe(local);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]?.kind).toBe('status');
    expect(result.conflicts[0]?.message).toContain('approved');
  });

  it('takes a decision newer than the local status', () => {
    const local = setReviewStatus(sharedProject(), 'in-review', 'Lead', '2026-11-25T09:00:00.000Z');
    const result = mergeReview(local, reviewFile({ comments: [] }));
    expect(result.project.review.status).toBe('approved');
    expect(result.updated).toBe(1);
  });

  it('is idempotent for any file (property)', () => {
    const commentArb = fc.record({
      id: fc.constantFrom('r-1', 'r-2', 'r-3', 'r-4'),
      time: fc.double({ min: 0, max: 30, noNaN: true }),
      author: fc.constantFrom('Ana', 'Ben'),
      text: fc.string({ minLength: 1, maxLength: 10 }),
      createdAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
    });
    fc.assert(
      fc.property(fc.array(commentArb, { maxLength: 6 }), fc.array(commentArb, { maxLength: 6 }), (a, b) => {
        const first = mergeReview(sharedProject(), reviewFile({ comments: a })).project;
        const second = mergeReview(first, reviewFile({ comments: b })).project;
        const again = mergeReview(second, reviewFile({ comments: b }));
        expect(again.project).toBe(second);
        expect(again.added).toBe(0);
      }),
    );
  });
});

describe('findShareFor', () => {
  it('refuses a file of another project or share', () => {
    const project = sharedProject();
    expect(findShareFor(project, reviewFile()).ok).toBe(true);
    const other = findShareFor(project, reviewFile({ projectId: 'someone-else', projectTitle: 'Other' }));
    expect(other).toMatchObject({ ok: false, message: expect.stringContaining('“Other”') });
    expect(findShareFor(project, reviewFile({ shareId: 'share-9' })).ok).toBe(false);
  });
});

describe('canonicalJson', () => {
  it('ignores key order and undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, e: 'x' }] })).toBe(
      '{"a":[{"d":2,"e":"x"}],"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});
