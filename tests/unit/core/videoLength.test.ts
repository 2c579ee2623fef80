import { describe, expect, it } from 'vitest';
import { videoLengthWarning } from '../../../src/core/platform/videoLength';
import { loadProject } from '../../../src/core/load';
import { doc } from '../../helpers/looseDoc';
import { readabilityReport } from '../../../src/export/readabilityReport';

describe('a video longer than every platform accepts (issue 10)', () => {
  it('is warned about with the length and each platform’s limit, and a normal one is not', () => {
    expect(videoLengthWarning(60)).toBeNull();
    expect(videoLengthWarning(900)).toBeNull();
    expect(videoLengthWarning(500 * 600)).toBe(
      'The video is 83 h 20 min long, longer than any platform takes (TikTok 10 min, Instagram Reels 15 min, ' +
        'YouTube Shorts 3 min). Exporting it takes a very long time; shorten it if it is meant for these platforms.',
    );
  });

  it('reaches the warnings an export prints and the studio shows', async () => {
    const loaded = loadProject(
      doc((d) => {
        d.scenes = Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, duration: 600, elements: [] }));
      }),
    );
    if (!loaded.ok) throw new Error(loaded.error.message);
    const lines = await readabilityReport(loaded.project, new Map(), 'all');
    expect(lines).toContainEqual(
      expect.stringMatching(/^The video is 30 min long, longer than any platform/),
    );
  });
});
