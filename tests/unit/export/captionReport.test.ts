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
      { id: 'fast', start: 0, end: 1, text: 'Kindness is a choice you make every day', style: 'shadow' },
      { id: 'boxed', start: 2, end: 4, text: 'Be kind', style: 'box' },
    ]);
    const lines = await captionReport(p, new Map());
    expect(lines.map((l) => [l.captionId, l.code])).toEqual([
      ['fast', 'too-fast'],
      ['fast', 'low-contrast'],
    ]);
    expect(formatCaptionReportLine(lines[1] as (typeof lines)[number])).toMatch(
      /^Caption at 0:00\.0 \(“Kindness is a choice you make every day”\): At 0:00\.0 the text stands out .* by only \d\.\d:1/,
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

describe('contrast over the caption’s whole time, against what the text is read on (issue 14)', () => {
  it('warns about a caption that runs into a brighter scene, naming when', async () => {
    const p = ProjectSchema.parse({
      format: 'kindness-studio',
      version: 1,
      video: { width: 540, height: 960, fps: 30 },
      scenes: [
        { id: 'night', duration: 3, background: { type: 'solid', color: '#1b1730' } },
        { id: 'day', duration: 1, background: { type: 'solid', color: '#fff6dc' } },
      ],
      // On screen from 1 s to 3.8 s: its middle (2.4 s) is still in the dark scene.
      captions: [{ id: 'late', start: 1, end: 3.8, text: 'Be kind today', style: 'shadow' }],
      captionSettings: { fontFamily: 'Fredoka', fontSize: 32, position: 'bottom' },
    });
    const lines = await captionReport(p, new Map());
    expect(lines.map((l) => [l.captionId, l.code])).toEqual([['late', 'low-contrast']]);
    expect(lines[0]?.message).toMatch(/^At 0:03\.0 the text stands out from the picture behind it by only/);
  });

  it('does not warn about white text with a thick dark outline over light green', async () => {
    const p = project('#a8e6a1', [
      { id: 'green', start: 0, end: 2, text: 'Be kind today', style: 'outline' },
    ]);
    expect(await captionReport(p, new Map())).toEqual([]);
    // Without the outline (a soft shadow only) the same text over the same green is warned.
    const shadowed = project('#a8e6a1', [
      { id: 'green', start: 0, end: 2, text: 'Be kind today', style: 'shadow' },
    ]);
    expect((await captionReport(shadowed, new Map())).map((l) => l.code)).toEqual(['low-contrast']);
  });
});
