import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blankProject } from '../../../src/core/edit';
import { addShare, canonicalJson, ensureProjectId, type ReviewFileContent } from '../../../src/core/review';
import { newShareSecret, signReview, verifyReview } from '../../../src/review/integrity';
import { readReviewFile } from '../../../src/review/readReviewFile';

const SECRET = newShareSecret();
const project = addShare(ensureProjectId(blankProject('Kind words'), 'proj-12345678'), {
  id: 'share-1',
  secret: SECRET,
  createdAt: '2026-11-25T10:00:00.000Z',
}).project;

const content: ReviewFileContent = {
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
    { id: 'r-1', time: 1, author: 'Maya', text: 'Lovely 💛', createdAt: '2026-11-25T11:00:00.000Z' },
  ],
};

async function signed(c: ReviewFileContent = content): Promise<Record<string, unknown>> {
  return { ...c, integrity: { algorithm: 'HMAC-SHA256', value: await signReview(c, SECRET) } };
}

describe('review integrity', () => {
  it('is the standard HMAC-SHA256 of the canonical JSON', async () => {
    const expected = createHmac('sha256', Buffer.from(SECRET, 'hex'))
      .update(canonicalJson(content))
      .digest('hex');
    expect(await signReview(content, SECRET)).toBe(expected);
    expect(await verifyReview(content, expected, SECRET)).toBe(true);
    expect(await verifyReview(content, expected, newShareSecret())).toBe(false);
  });

  it('accepts a genuine file whatever order its fields are in', async () => {
    const file = await signed();
    const reordered = Object.fromEntries(Object.entries(file).reverse());
    const result = await readReviewFile(JSON.stringify(reordered, null, 2), project);
    expect(result.ok).toBe(true);
  });

  it('refuses a file changed after export', async () => {
    const file = await signed();
    const tampered = {
      ...file,
      decision: { status: 'approved', by: 'Someone else', at: '2026-11-25T11:29:00.000Z' },
    };
    const result = await readReviewFile(JSON.stringify(tampered), project);
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('changed after the review page exported it'),
    });
  });

  it('refuses malformed files with a plain message', async () => {
    expect(await readReviewFile('{nope', project)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not valid JSON'),
    });
    expect(await readReviewFile('{"format":"kindness-studio"}', project)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a review file'),
    });
    const file = await signed();
    const broken = { ...file, comments: [{ id: 'x' }] };
    expect(await readReviewFile(JSON.stringify(broken), project)).toMatchObject({
      ok: false,
      message: expect.stringContaining('damaged or incomplete (at comments.0'),
    });
    const extra = { ...file, sneaky: true };
    expect((await readReviewFile(JSON.stringify(extra), project)).ok).toBe(false);
  });

  it('refuses a file meant for another project', async () => {
    const file = await signed({ ...content, projectId: 'another-project', projectTitle: 'Other video' });
    expect(await readReviewFile(JSON.stringify(file), project)).toMatchObject({
      ok: false,
      message: expect.stringContaining('“Other video”, not for this project'),
    });
  });
});
