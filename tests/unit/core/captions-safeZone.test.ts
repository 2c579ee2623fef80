import { describe, expect, it } from 'vitest';
import { nearestSafePosition, overhang, safeZoneIssue } from '../../../src/core/captions';
import { captionFixFor, setCaptionSettings } from '../../../src/core/edit';
import { COMMON_SAFE_BOX } from '../../../src/core/platform/platforms';
import { ProjectSchema } from '../../../src/core/schema';

const FRAME = { width: 1080, height: 1920 };

function project(settings: Record<string, unknown>) {
  return ProjectSchema.parse({
    format: 'kindness-studio',
    version: 1,
    scenes: [{ id: 's', duration: 6 }],
    captions: [{ id: 'c', start: 0, end: 2, text: 'Be kind' }],
    captionSettings: { fontFamily: 'Fredoka', fontSize: 64, position: 'bottom', ...settings },
  });
}

describe('caption safe-zone check', () => {
  it('passes a caption inside the box clear on every platform, on each platform', () => {
    const box = { x: 200, y: 1150, width: 680, height: 98 };
    for (const choice of ['all', 'tiktok', 'reels', 'shorts'] as const) {
      expect(safeZoneIssue(box, choice, FRAME)).toBeNull();
    }
    // Laid exactly against the common box's edges, rounding aside.
    expect(safeZoneIssue({ ...COMMON_SAFE_BOX, y: COMMON_SAFE_BOX.y - 0.3 }, 'all', FRAME)).toBeNull();
  });

  it('warns when the caption reaches into the bottom area Reels and Shorts cover, saying by how much', () => {
    const box = { x: 200, y: 1300, width: 680, height: 98 };
    const reels = safeZoneIssue(box, 'reels', FRAME);
    expect(reels?.code).toBe('outside-safe-zone');
    // Reels keeps the bottom 672 px clear: the safe zone ends at 1248.
    expect(reels?.message).toContain('150 px below the safe zone on Instagram Reels');
    expect(reels?.message).toContain('Move it inside');
    expect(safeZoneIssue(box, 'shorts', FRAME)?.message).toContain('YouTube Shorts');
  });

  it('knows each platform: a caption at x 900 is clear on Reels but under the Shorts buttons', () => {
    const box = { x: 700, y: 600, width: 260, height: 80 };
    expect(safeZoneIssue(box, 'reels', FRAME)).toBeNull();
    expect(safeZoneIssue(box, 'shorts', FRAME)?.message).toContain('72 px right of');
    // TikTok publishes no numbers: it is checked against the box clear on every platform.
    expect(safeZoneIssue(box, 'tiktok', FRAME)?.message).toContain('TikTok');
    // Reels' top is 269 px, Shorts' 288 px.
    const high = { x: 200, y: 275, width: 600, height: 80 };
    expect(safeZoneIssue(high, 'reels', FRAME)).toBeNull();
    expect(safeZoneIssue(high, 'shorts', FRAME)?.message).toContain('13 px above');
  });

  it('scales the safe zone with a frame that is not 1080x1920', () => {
    const half = { width: 540, height: 960 };
    expect(safeZoneIssue({ x: 100, y: 560, width: 300, height: 40 }, 'reels', half)).toBeNull();
    expect(safeZoneIssue({ x: 100, y: 600, width: 300, height: 40 }, 'reels', half)).not.toBeNull();
  });

  it('measures how far a box reaches past each edge', () => {
    expect(overhang({ x: 0, y: 0, width: 10, height: 10 }, { x: 2, y: 3, width: 4, height: 4 })).toEqual({
      top: 3,
      bottom: 3,
      left: 2,
      right: 4,
    });
  });
});

describe('moving captions back inside the safe zone', () => {
  it('picks the preset position nearest to where they were placed by hand', () => {
    expect(nearestSafePosition({ fontFamily: 'F', fontSize: 64, position: 'top', y: 0.9 })).toBe('bottom');
    expect(nearestSafePosition({ fontFamily: 'F', fontSize: 64, position: 'bottom', y: 0.05 })).toBe('top');
    expect(nearestSafePosition({ fontFamily: 'F', fontSize: 64, position: 'bottom', y: 0.5 })).toBe('middle');
    expect(nearestSafePosition({ fontFamily: 'F', fontSize: 64, position: 'middle' })).toBe('middle');
  });

  it('has a one-click fix that clears the hand placement, as one edit', () => {
    const placed = project({ position: 'top', y: 0.85 });
    const fix = captionFixFor('outside-safe-zone');
    expect(fix?.label).toBe('Move inside the safe zone');
    const fixed = fix?.apply(placed, 'c');
    expect(fixed?.captionSettings.position).toBe('bottom');
    expect(fixed?.captionSettings.y).toBeUndefined();
    // The fixed file still loads.
    expect(ProjectSchema.safeParse(fixed).success).toBe(true);
  });

  it('places captions by hand with a height, clamped to the frame; a preset takes them back', () => {
    const p = project({});
    const high = setCaptionSettings(p, { y: 1.4 });
    expect(high.captionSettings.y).toBe(1);
    expect(setCaptionSettings(high, { y: 1 })).toBe(high);
    const preset = setCaptionSettings(high, { position: 'middle' });
    expect(preset.captionSettings).toMatchObject({ position: 'middle' });
    expect('y' in preset.captionSettings).toBe(false);
  });

  it('loads files written before hand placement existed, without a height', () => {
    expect(project({}).captionSettings.y).toBeUndefined();
    const raw = { ...project({}), captionSettings: { ...project({}).captionSettings, y: 2 } };
    expect(ProjectSchema.safeParse(raw).success).toBe(false);
  });
});
