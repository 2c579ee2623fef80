import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDocument } from '../../../src/app/state/document';
import { useFiles } from '../../../src/app/features/files/stores/files';
import { useNotices } from '../../../src/app/state/notices';
import { usePlayback } from '../../../src/app/state/playback';
import { reviewRequested, useReview } from '../../../src/app/features/review/stores/review';
import { setReviewStatus, type ReviewFileContent } from '../../../src/core/review';
import { signReview } from '../../../src/review/integrity';
import { storeHarness, stubPage, type StoreHarness } from './helpers';

let harness: StoreHarness;

beforeEach(async () => {
  stubPage('?token=x&review=1');
  harness = await storeHarness();
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await harness.cleanup();
});

async function openShared() {
  return harness.run(async () => {
    expect(await useFiles().newFromTemplate('be-the-reason')).toBe(true);
    const doc = useDocument();
    const review = useReview();
    // Sharing gives the project an id and a share (the render itself is tested elsewhere).
    await review.shareForReview();
    await review.cancelShare();
    review.stopPolling();
    return { doc, review, notices: useNotices(), playback: usePlayback() };
  });
}

async function signedFile(doc: ReturnType<typeof useDocument>, overrides: Partial<ReviewFileContent> = {}) {
  const project = doc.project;
  const share = project?.review.shares[0];
  if (!project?.id || !share) throw new Error('not shared');
  const content: ReviewFileContent = {
    format: 'kindness-review',
    version: 1,
    projectId: project.id,
    projectTitle: project.title,
    shareId: share.id,
    draftVersion: share.version,
    reviewer: 'Maya',
    exportedAt: '2030-01-01T00:00:10.000Z',
    decision: { status: 'approved', by: 'Maya', at: '2030-01-01T00:00:00.000Z' },
    comments: [
      { id: 'r-1', time: 1, author: 'Maya', text: 'Longer here', createdAt: '2030-01-01T00:00:00.000Z' },
      {
        id: 'r-2',
        time: 5,
        author: 'Maya',
        text: 'This word',
        createdAt: '2030-01-01T00:00:00.000Z',
        mark: { points: [1, 2, 3, 4] },
      },
    ],
    ...overrides,
  };
  const file = {
    ...content,
    integrity: { algorithm: 'HMAC-SHA256', value: await signReview(content, share.secret) },
  };
  return JSON.stringify(file);
}

const lastNotice = (notices: ReturnType<typeof useNotices>) => notices.items[notices.items.length - 1];

describe('review store', () => {
  it('starts in review mode when the address asks', () => {
    expect(reviewRequested('?review=1')).toBe(true);
    expect(reviewRequested('?review=0')).toBe(false);
    expect(reviewRequested('')).toBe(false);
    expect(harness.run(() => useReview().active)).toBe(true);
  });

  it('sharing gives the project an id, a numbered share, and puts a draft in review', async () => {
    const { doc } = await openShared();
    expect(doc.project?.id).toMatch(/^p-[0-9a-f]{24}$/);
    expect(doc.project?.review.shares).toHaveLength(1);
    expect(doc.project?.review.shares[0]?.version).toBe(1);
    expect(doc.project?.review.status).toBe('in-review');
  });

  it('a share the host refuses (a bad file name) leaves the project as it was, and says why', async () => {
    const { doc, review, notices } = await harness.run(async () => {
      expect(await useFiles().newFromTemplate('be-the-reason')).toBe(true);
      return { doc: useDocument(), review: useReview(), notices: useNotices() };
    });
    const before = doc.project;
    const started = await harness.run(() => review.shareForReview({ folder: null, fileName: '../x' }));
    expect(started).toBe(false);
    expect(doc.project).toBe(before);
    expect(doc.project?.review.shares).toEqual([]);
    expect(lastNotice(notices)?.text).toBe('A file name cannot contain / or \\.');
    expect(review.share).toBeNull();
  });

  it('imports the reviewer’s replies and resolutions and says so', async () => {
    const { doc, review, notices } = await openShared();
    await harness.run(() => review.addComment('Is the title readable?'));
    const asked = doc.project?.review.comments[0]?.id ?? '';
    const text = await signedFile(doc, {
      decision: null,
      comments: [],
      replies: [
        { id: 'r-9', commentId: asked, author: 'Maya', text: 'Yes.', createdAt: '2030-01-01T00:00:00.000Z' },
      ],
      resolutions: [{ commentId: asked, status: 'resolved', by: 'Maya', at: '2030-01-01T00:00:01.000Z' }],
    });
    await harness.run(() => review.importReview(text));
    expect(lastNotice(notices)?.text).toBe(
      "Imported Maya's review: 1 reply; 1 comment resolved or reopened.",
    );
    expect(doc.project?.review.comments[0]).toMatchObject({ status: 'resolved', resolvedBy: 'Maya' });
    expect(doc.project?.review.comments[0]?.replies.map((r) => r.text)).toEqual(['Yes.']);
  });

  it('imports a review as one undo step; a second import changes nothing', async () => {
    const { doc, review, notices } = await openShared();
    const text = await signedFile(doc);
    await harness.run(() => review.importReview(text));
    expect(doc.project?.review.comments.map((c) => c.id)).toEqual(['r-1', 'r-2']);
    expect(doc.project?.review.status).toBe('approved');
    expect(lastNotice(notices)?.text).toBe("Imported Maya's review: 2 new comments; status: approved.");
    expect(doc.undoText).toBe('Import review');

    const before = doc.project;
    await harness.run(() => review.importReview(text));
    expect(doc.project).toBe(before);
    expect(lastNotice(notices)?.text).toBe("Maya's review was already imported: nothing changed.");

    doc.undo();
    expect(doc.project?.review.comments).toEqual([]);
  });

  it('refuses a tampered file and reports a conflict plainly', async () => {
    const { doc, review, notices } = await openShared();
    const text = await signedFile(doc);
    const tampered = text.replace('Longer here', 'Delete it all');
    await harness.run(() => review.importReview(tampered));
    expect(lastNotice(notices)).toMatchObject({
      tone: 'error',
      text: expect.stringContaining('was changed after'),
    });
    expect(doc.project?.review.comments).toEqual([]);

    // A status set here after the reviewer's decision wins, and the creator is told.
    const project = doc.project;
    if (!project) throw new Error('no project');
    doc.apply(setReviewStatus(project, 'changes-requested', 'Lead', '2030-01-02T00:00:00.000Z'), 'Status');
    await harness.run(() => review.importReview(text));
    expect(doc.project?.review.status).toBe('changes-requested');
    expect(lastNotice(notices)).toMatchObject({
      tone: 'warning',
      text: expect.stringContaining('Not merged'),
    });
  });

  it('adds, replies to, resolves comments at the playhead, and jumps between them', async () => {
    const { doc, review, playback } = await openShared();
    harness.run(() => {
      review.reviewer = 'Lead';
      playback.seek(2);
      review.pendingPoint = { x: 100, y: 200 };
      expect(review.addComment('Brighter here')).toBe(true);
      playback.seek(6);
      expect(review.addComment('And here')).toBe(true);
    });
    const [first] = doc.project?.review.comments ?? [];
    expect(first).toMatchObject({ time: 2, author: 'Lead', point: { x: 100, y: 200 } });
    harness.run(() => {
      review.reply(first?.id ?? '', 'On it');
      review.setResolved(first?.id ?? '', true);
      playback.seek(0);
      review.jump(1);
    });
    expect(doc.project?.review.comments[0]).toMatchObject({ status: 'resolved', resolvedBy: 'Lead' });
    expect(doc.project?.review.comments[0]?.replies[0]?.text).toBe('On it');
    expect(playback.time).toBe(2);
    harness.run(() => review.jump(1));
    expect(playback.time).toBe(6);
  });
});
