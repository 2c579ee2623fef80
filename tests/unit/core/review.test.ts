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
    expect(p4.review.comments[0]).toMatchObject({ reopenedBy: 'Ben', reopenedAt: 't5' });
    expect(
      setCommentResolved(p4, commentId, true, 'Ana', 't6').review.comments[0]?.reopenedBy,
    ).toBeUndefined();
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

describe('mergeReview: replies and resolutions from the review page', () => {
  /** The creator's project as shared: one comment of theirs, resolved, and one open. */
  function withCreatorComments(): Project {
    let p = sharedProject();
    p = addComment(p, {
      time: 1,
      author: 'Sam',
      text: 'Is the title readable?',
      createdAt: '2026-11-25T09:00:00.000Z',
    }).project;
    p = addComment(p, {
      time: 3,
      author: 'Sam',
      text: 'Music too loud?',
      createdAt: '2026-11-25T09:01:00.000Z',
    }).project;
    return setCommentResolved(p, 'comment-2', true, 'Sam', '2026-11-25T09:30:00.000Z');
  }
  const answers = (overrides: Partial<ReviewFileContent> = {}) =>
    reviewFile({
      decision: null,
      comments: [fileComment()],
      replies: [
        {
          id: 'r-r1',
          commentId: 'comment-1',
          author: 'Maya',
          text: 'Yes, easily.',
          createdAt: '2026-11-25T11:05:00.000Z',
        },
        {
          id: 'r-r2',
          commentId: 'r-aaaa',
          author: 'Maya',
          text: 'About a second.',
          createdAt: '2026-11-25T11:06:00.000Z',
        },
      ],
      resolutions: [
        { commentId: 'comment-1', status: 'resolved', by: 'Maya', at: '2026-11-25T11:07:00.000Z' },
        { commentId: 'comment-2', status: 'open', by: 'Maya', at: '2026-11-25T11:08:00.000Z' },
      ],
      ...overrides,
    });

  it('adds replies to the creator’s comments and the reviewer’s own, and takes resolve and reopen', () => {
    const project = withCreatorComments();
    expect(project.review.comments.map((c) => c.id)).toEqual(['comment-1', 'comment-2']);
    const result = mergeReview(project, answers());
    expect(result).toMatchObject({ added: 1, replies: 2, resolutions: 2, conflicts: [] });
    const byId = new Map(result.project.review.comments.map((c) => [c.id, c]));
    expect(byId.get('comment-1')).toMatchObject({ status: 'resolved', resolvedBy: 'Maya' });
    expect(byId.get('comment-1')?.replies).toEqual([
      { id: 'r-r1', author: 'Maya', text: 'Yes, easily.', createdAt: '2026-11-25T11:05:00.000Z' },
    ]);
    expect(byId.get('comment-2')).toMatchObject({ status: 'open', reopenedBy: 'Maya' });
    expect(byId.get('comment-2')?.resolvedBy).toBeUndefined();
    expect(byId.get('r-aaaa')?.replies.map((r) => r.text)).toEqual(['About a second.']);
    // The merged project is still a valid project.
    expect(ProjectSchema.safeParse(result.project).success).toBe(true);
  });

  it('is idempotent: the same replies and resolutions again change nothing', () => {
    const once = mergeReview(withCreatorComments(), answers());
    const twice = mergeReview(once.project, answers());
    expect(twice.project).toBe(once.project);
    expect(twice).toMatchObject({ added: 0, updated: 0, replies: 0, resolutions: 0, conflicts: [] });
  });

  it('keeps the creator’s later reply order and their own replies', () => {
    const local = replyToComment(withCreatorComments(), 'comment-1', {
      author: 'Sam',
      text: 'Checking with Lee',
      createdAt: '2026-11-25T12:00:00.000Z',
    });
    const result = mergeReview(local, answers());
    expect(result.project.review.comments[0]?.replies.map((r) => r.text)).toEqual([
      'Yes, easily.',
      'Checking with Lee',
    ]);
  });

  it('reports a resolve older than a reopen here, and keeps the comment open', () => {
    const reopened = setCommentResolved(
      setCommentResolved(withCreatorComments(), 'comment-1', true, 'Sam', '2026-11-25T11:00:00.000Z'),
      'comment-1',
      false,
      'Lee',
      '2026-11-25T12:00:00.000Z',
    );
    const result = mergeReview(
      reopened,
      answers({
        replies: [],
        comments: [],
        resolutions: [
          { commentId: 'comment-1', status: 'resolved', by: 'Maya', at: '2026-11-25T11:07:00.000Z' },
        ],
      }),
    );
    expect(result.project).toBe(reopened);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ kind: 'resolution', commentId: 'comment-1' });
    expect(result.conflicts[0]?.message).toBe(
      'Maya resolved the comment at 0:01.0, but it was reopened here after that by Lee; it stays open.',
    );
  });

  it('reports replies and resolutions for a comment deleted here, and adds the rest', () => {
    const local = deleteComment(withCreatorComments(), 'comment-1');
    const result = mergeReview(local, answers());
    expect(result).toMatchObject({ added: 1, replies: 1, resolutions: 1 });
    expect(result.conflicts.map((c) => c.kind)).toEqual(['reply', 'resolution']);
    expect(result.conflicts[0]?.message).toBe(
      "Maya's reply “Yes, easily.” answers a comment that is no longer in the project; the reply was not added.",
    );
  });

  it('reports a reply edited after it was imported, keeping the studio copy', () => {
    const once = mergeReview(withCreatorComments(), answers()).project;
    const edited = answers();
    const first = edited.replies?.[0];
    if (first) first.text = 'Actually no.';
    const result = mergeReview(once, edited);
    expect(result.project).toBe(once);
    expect(result.conflicts).toMatchObject([{ kind: 'reply', commentId: 'comment-1' }]);
  });

  it('still merges files from older pages, without replies or resolutions', () => {
    const { replies: _r, resolutions: _s, ...old } = answers();
    const result = mergeReview(withCreatorComments(), old);
    expect(result).toMatchObject({ added: 1, replies: 0, resolutions: 0, conflicts: [] });
  });

  it('is idempotent for any replies and resolutions (property)', () => {
    const target = fc.constantFrom('comment-1', 'comment-2', 'r-aaaa', 'gone');
    const replyArb = fc.record({
      id: fc.constantFrom('r-x1', 'r-x2', 'r-x3'),
      commentId: target,
      author: fc.constantFrom('Ana', 'Ben'),
      text: fc.string({ minLength: 1, maxLength: 8 }),
      createdAt: fc.constantFrom('2026-11-25T10:00:00.000Z', '2026-11-25T13:00:00.000Z'),
    });
    const resolutionArb = fc.record({
      commentId: target,
      status: fc.constantFrom('open' as const, 'resolved' as const),
      by: fc.constantFrom('Ana', 'Ben'),
      at: fc.constantFrom('2026-11-25T08:00:00.000Z', '2026-11-25T13:00:00.000Z'),
    });
    const unique = <T>(list: T[], key: (t: T) => string) =>
      list.filter((item, i) => list.findIndex((o) => key(o) === key(item)) === i);
    fc.assert(
      fc.property(fc.array(replyArb, { maxLength: 4 }), fc.array(resolutionArb, { maxLength: 4 }), (r, s) => {
        const file = answers({
          replies: unique(r, (x) => x.id),
          resolutions: unique(s, (x) => x.commentId),
        });
        const once = mergeReview(withCreatorComments(), file).project;
        const again = mergeReview(once, file);
        expect(again.project).toBe(once);
        expect(again.replies + again.resolutions + again.added + again.updated).toBe(0);
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
