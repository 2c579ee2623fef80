import { describe, expect, it } from 'vitest';
import { captionReport, formatCaptionReportLine } from '../../../src/export/captionReport';
import { ProjectSchema } from '../../../src/core/schema';

function project(background: string, captions: unknown[], placedAt?: number) {
  return ProjectSchema.parse({
    format: 'kindness-studio',
    version: 1,
    video: { width: 540, height: 960, fps: 30 },
    scenes: [{ id: 's', duration: 6, background: { type: 'solid', color: background } }],
    captions,
    captionSettings: {
      fontFamily: 'Fredoka',
      fontSize: 32,
      position: 'bottom',
      ...(placedAt !== undefined ? { y: placedAt } : {}),
    },
  });
}

describe('caption report before an export', () => {
  it('lists reading-speed and contrast problems, measured on the rendered picture', async () => {
    const p = project('#fff6dc', [
      { id: 'fast', start: 0, end: 1, text: 'Kindness is a choice you make every day' },
      { id: 'boxed', start: 2, end: 4, text: 'Be kind', style: 'box' },
    ]);
    const lines = await captionReport(p, new Map());
    expect(lines.map((l) => [l.captionId, l.code])).toEqual([
      ['fast', 'too-fast'],
      ['fast', 'low-contrast'],
    ]);
    expect(formatCaptionReportLine(lines[1] as (typeof lines)[number])).toMatch(
      /^Caption at 0:00\.0 \(“Kindness is a choice you make every day”\): The text stands out .* by only 1\.\d:1/,
    );
  });

  it('is empty for captions that read well on a dark picture, and for a project without captions', async () => {
    const good = project('#1b1730', [{ id: 'ok', start: 0, end: 2, text: 'Be kind' }]);
    expect(await captionReport(good, new Map())).toEqual([]);
    expect(await captionReport(project('#1b1730', []), new Map())).toEqual([]);
  });

  it('warns about a caption placed where the target platform covers it, and only there', async () => {
    // Placed at 72% of the height: below the 1248/1920 line where Reels and Shorts start covering.
    const low = project('#1b1730', [{ id: 'low', start: 0, end: 2, text: 'Be kind' }], 0.72);
    const reels = await captionReport(low, new Map(), { safeZones: ['reels'] });
    expect(reels.map((l) => l.code)).toEqual(['outside-safe-zone']);
    expect(formatCaptionReportLine(reels[0] as (typeof reels)[number])).toMatch(
      /^Caption at 0:00\.0 \(“Be kind”\): This caption reaches \d+ px below the safe zone on Instagram Reels/,
    );
    // Placed at 60%, it is clear on every platform.
    const fine = project('#1b1730', [{ id: 'ok', start: 0, end: 2, text: 'Be kind' }], 0.6);
    expect(await captionReport(fine, new Map(), { safeZones: ['reels', 'shorts', 'tiktok'] })).toEqual([]);
  });
});
