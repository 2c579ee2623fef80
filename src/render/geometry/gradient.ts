/**
 * Start and end of a linear gradient at `angle` degrees (0 = top to bottom, 90 = left to
 * right) across a width x height box, long enough that the first and last colours reach the
 * corners (as CSS linear-gradient does).
 */
export function gradientLine(
  angle: number,
  width: number,
  height: number,
): { x0: number; y0: number; x1: number; y1: number } {
  const radians = (angle * Math.PI) / 180;
  const dx = Math.sin(radians);
  const dy = Math.cos(radians);
  const half = Math.abs((width / 2) * dx) + Math.abs((height / 2) * dy);
  const cx = width / 2;
  const cy = height / 2;
  return { x0: cx - dx * half, y0: cy - dy * half, x1: cx + dx * half, y1: cy + dy * half };
}
