import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addHashtag, blankProject, setPostCaption } from '../../../src/core/edit';
import { checkPostText, composePostText } from '../../../src/core/post';
import { postText } from '../../../src/export/sidecars/postText';
import { writeSidecars } from '../../../src/export/sidecars/writeSidecars';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-post-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('post text from the composer in the export', () => {
  // What the composer does: commands on the project, saved with it.
  let project = setPostCaption(blankProject(), 'Be the reason someone smiles 💛');
  for (const tag of ['CreateKindness', 'kindness', 'a', 'b', 'c', 'd']) project = addHashtag(project, tag);

  it('writes exactly the composed text into the .txt sidecar', async () => {
    const result = await writeSidecars({
      project,
      videoPath: join(dir, 'clip.mp4'),
      rangeStart: 0,
      rangeEnd: 3,
      platform: 'reels',
    });
    expect(await readFile(join(dir, 'clip.txt'), 'utf8')).toBe(`${composePostText(project.post)}\n`);
    // The export reports the same warnings the composer shows.
    expect(result.warnings).toEqual(checkPostText(project.post, 'reels').warnings);
    expect(result.warnings[0]).toMatch(/6 hashtags; Instagram Reels allows at most 5/);
  });

  it('gives the metadata the same text (title comment and description come from postText)', () => {
    const text = 'Be the reason someone smiles 💛\n\n#CreateKindness #kindness #a #b #c #d';
    expect(postText(project.post, 'tiktok')).toEqual({ text, warnings: [] });
    expect(postText(project.post, null).text).toBe(text);
  });
});
