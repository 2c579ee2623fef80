import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankProject } from '../../../src/core/edit';
import {
  addShare,
  ensureProjectId,
  mergeReview,
  MAX_REVIEW_JSON_CHARS,
  ReviewFileContentSchema,
  type ReviewFileComment,
  type ReviewFileContent,
  type ReviewFileReply,
} from '../../../src/core/review';
import { ProjectSchema, type Project, type ReviewComment } from '../../../src/core/schema';

/**
 * Issue 10, item 6: whatever a (signed, so possibly hand-made) review file holds, the project
 * after the merge is one the schema accepts, so every save and backup still works.
 */
const AT = '2026-11-25T11:00:00.000Z';

function sharedProject(comments: ReviewComment[] = []): Project {
  const withId = ensureProjectId(blankProject('Kind words'), 'proj-12345678');
  const shared = addShare(withId, { id: 'share-1', secret: 'ab'.repeat(32), createdAt: AT }).project;
  return { ...shared, review: { ...shared.review, comments } };
}

function comment(id: string, extra: Partial<ReviewComment> = {}): ReviewComment {
  return {
    id,
    time: 1,
    author: 'Lead',
    text: 'Check this',
    status: 'open',
    createdAt: AT,
    replies: [],
    ...extra,
  };
}

function file(parts: Partial<ReviewFileContent>): ReviewFileContent {
  return {
    format: 'kindness-review',
    version: 1,
    projectId: 'proj-12345678',
    projectTitle: 'Kind words',
    shareId: 'share-1',
    draftVersion: 1,
    reviewer: 'Maya',
    exportedAt: AT,
    decision: null,
    comments: [],
    ...parts,
  };
}

function reply(i: number, commentId = 'c1'): ReviewFileReply {
  return { id: `reply-${i}`, commentId, author: 'Maya', text: `Reply ${i}`, createdAt: AT };
}

function expectSavable(project: Project): void {
  const parsed = ProjectSchema.safeParse(project);
  expect(parsed.success, parsed.success ? '' : parsed.error.issues[0]?.message).toBe(true);
  expect(JSON.stringify(project.review).length).toBeLessThanOrEqual(MAX_REVIEW_JSON_CHARS);
}

describe('a review import never makes the project unsavable (issue 10, item 6)', () => {
  it('adds at most 1,000 replies to a comment and says how many it left out', () => {
    const replies = Array.from({ length: 3000 }, (_, i) => reply(i));
    const result = mergeReview(sharedProject([comment('c1')]), file({ replies }));
    expectSavable(result.project);
    expect(result.project.review.comments[0]?.replies).toHaveLength(1000);
    expect(result.replies).toBe(1000);
    expect(result.conflicts[0]).toMatchObject({ kind: 'limit' });
    expect(result.conflicts[0]?.message).toBe(
      '2000 replies were not added: a comment holds at most 1000 replies.',
    );
  });

  it('adds at most 10,000 comments in all', () => {
    const existing = Array.from({ length: 9500 }, (_, i) => comment(`c${i}`));
    const incoming: ReviewFileComment[] = Array.from({ length: 2000 }, (_, i) => ({
      id: `new-${i}`,
      time: 2,
      author: 'Maya',
      text: 'New',
      createdAt: AT,
    }));
    const result = mergeReview(sharedProject(existing), file({ comments: incoming }));
    expectSavable(result.project);
    expect(result.project.review.comments).toHaveLength(10000);
    expect(result.added).toBe(500);
    expect(result.conflicts[0]?.message).toBe(
      '1500 comments were not added: a project holds at most 10000 review comments.',
    );
  });

  it('keeps the review small enough for the project file to open again, import after import', () => {
    let project = sharedProject();
    const long = 'x'.repeat(5000);
    for (let round = 0; round < 6; round++) {
      const incoming = Array.from({ length: 2000 }, (_, i) => ({
        id: `r${round}-${i}`,
        time: 1,
        author: 'Maya',
        text: long,
        createdAt: AT,
      }));
      project = mergeReview(project, file({ comments: incoming })).project;
    }
    expectSavable(project);
  });

  it('any review file, merged into a project near its limits, leaves a project the schema accepts (property)', () => {
    const id = fc.constantFrom('c0', 'c1', 'c2', 'n1', 'n2', 'n3', 'zz');
    const stamp = fc.constantFrom(AT, '2026-11-26T00:00:00.000Z', 'not a date', '');
    const text = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constant('y'.repeat(5000)));
    const fileComment = fc.record(
      {
        id,
        time: fc.double({ min: 0, max: 1e6, noNaN: true }),
        author: text.map((t) => t.slice(0, 100)),
        text,
        createdAt: stamp,
        updatedAt: stamp,
      },
      { requiredKeys: ['id', 'time', 'author', 'text', 'createdAt'] },
    );
    const fileReply = fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      commentId: id,
      author: fc.constantFrom('Maya', 'Lead'),
      text,
      createdAt: stamp,
    });
    const resolution = fc.record({
      commentId: id,
      status: fc.constantFrom('open' as const, 'resolved' as const),
      by: fc.constantFrom('Maya', 'x'.repeat(100)),
      at: stamp,
    });
    // A project already full: 9,998 comments, one of them with 998 replies.
    const full = sharedProject([
      comment('c0', {
        replies: Array.from({ length: 998 }, (_, i) => ({
          id: `old-${i}`,
          author: 'A',
          text: 'ok',
          createdAt: AT,
        })),
      }),
      ...Array.from({ length: 9997 }, (_, i) => comment(`f${i}`)),
    ]);
    const empty = sharedProject([comment('c0'), comment('c1')]);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.uniqueArray(fileComment, { selector: (c) => c.id, maxLength: 8 }),
        fc.uniqueArray(fileReply, { selector: (r) => r.id, maxLength: 12 }),
        fc.uniqueArray(resolution, { selector: (r) => r.commentId, maxLength: 4 }),
        (nearFull, comments, replies, resolutions) => {
          const content = file({ comments, replies, resolutions });
          if (!ReviewFileContentSchema.safeParse(content).success) return;
          const result = mergeReview(nearFull ? full : empty, content);
          const parsed = ProjectSchema.safeParse(result.project);
          expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
          expect(JSON.stringify(result.project.review).length).toBeLessThanOrEqual(MAX_REVIEW_JSON_CHARS);
        },
      ),
      { numRuns: 150 },
    );
  });
});
