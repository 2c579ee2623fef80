/** The quietest level the meter shows (dBFS): below it the bar is empty. */
const FLOOR_DB = -60;

/**
 * A peak sample (0..1) as the meter's position, 0-100 on a decibel scale, the way audio meters
 * read: a normal speaking voice sits in the upper half, silence at 0.
 */
export function levelPercent(peak: number): number {
  if (!(peak > 0)) return 0;
  const db = 20 * Math.log10(Math.min(1, peak));
  return Math.round(Math.max(0, Math.min(1, (db - FLOOR_DB) / -FLOOR_DB)) * 100);
}
