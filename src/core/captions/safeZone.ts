import { safeZoneBox } from '../geometry/safeZone';
import { PLATFORMS, type PlatformId, type Rect } from '../platform/platforms';
import type { CaptionSettings } from '../schema';
import type { CaptionIssue } from './readability';

/** The platform whose safe zone captions are checked against, or `all` (the box clear on every one). */
export type SafeZoneChoice = PlatformId | 'all';

/** Half a pixel: a caption laid against the safe area's edge is inside it, rounding aside. */
const TOLERANCE = 0.5;

/** How far `box` reaches past each edge of `zone` (0 where it stays inside). */
export function overhang(
  box: Rect,
  zone: Rect,
): { top: number; bottom: number; left: number; right: number } {
  return {
    top: Math.max(0, zone.y - box.y),
    bottom: Math.max(0, box.y + box.height - (zone.y + zone.height)),
    left: Math.max(0, zone.x - box.x),
    right: Math.max(0, box.x + box.width - (zone.x + zone.width)),
  };
}

function safeZoneName(choice: SafeZoneChoice): string {
  return choice === 'all' ? 'every platform' : PLATFORMS[choice].name;
}

/**
 * The readability problem of a caption whose rendered box (`captionInkBox`, frame pixels) leaves
 * the chosen platform's safe zone, where the platform's buttons and texts cover it. Null when it
 * stays inside.
 */
export function safeZoneIssue(
  box: Rect,
  choice: SafeZoneChoice,
  frame: { readonly width: number; readonly height: number },
): CaptionIssue | null {
  const zone = safeZoneBox(choice, frame.width, frame.height);
  const o = overhang(box, zone);
  const edges: string[] = [];
  if (o.top > TOLERANCE) edges.push(`${Math.round(o.top)} px above`);
  if (o.bottom > TOLERANCE) edges.push(`${Math.round(o.bottom)} px below`);
  if (o.left > TOLERANCE) edges.push(`${Math.round(o.left)} px left of`);
  if (o.right > TOLERANCE) edges.push(`${Math.round(o.right)} px right of`);
  if (edges.length === 0) return null;
  const covered =
    o.bottom > TOLERANCE
      ? 'where the platform shows its own caption and buttons'
      : o.top > TOLERANCE
        ? 'where the platform shows its header'
        : 'where the platform shows its buttons';
  return {
    code: 'outside-safe-zone',
    message: `This caption reaches ${edges.join(' and ')} the safe zone on ${safeZoneName(choice)}, ${covered}. Move it inside the safe zone.`,
  };
}

/**
 * Where captions go when moved back inside the safe zone: the preset position nearest to where
 * they were placed by hand (the presets sit inside the box clear on every platform).
 */
export function nearestSafePosition(settings: CaptionSettings): CaptionSettings['position'] {
  const y = settings.y;
  if (y === undefined) return settings.position;
  return y < 1 / 3 ? 'top' : y < 2 / 3 ? 'middle' : 'bottom';
}
