import { PLATFORMS, REFERENCE_FRAME, safeBoxFor, type PlatformId } from '../platform/platforms';
import type { Box } from './arrange';

/** The part of a frame no platform button covers: one platform's, or the box clear on all. */
export function safeZoneBox(choice: PlatformId | 'all', width: number, height: number): Box {
  const margins = choice === 'all' ? null : PLATFORMS[choice].safeMargins;
  if (margins === null) return { ...safeBoxFor(width, height) };
  const sx = width / REFERENCE_FRAME.width;
  const sy = height / REFERENCE_FRAME.height;
  return {
    x: margins.left * sx,
    y: margins.top * sy,
    width: width - (margins.left + margins.right) * sx,
    height: height - (margins.top + margins.bottom) * sy,
  };
}
