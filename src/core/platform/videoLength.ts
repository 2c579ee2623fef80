import { PLATFORMS } from './platforms';

/** "83 h 20 min", "15 min", "2 min 30 s": a length as a creator reads it. */
function spoken(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts = [h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : '', rest > 0 && h === 0 ? `${rest} s` : ''];
  return parts.filter((p) => p !== '').join(' ') || '0 s';
}

/**
 * A warning when the video is longer than every platform accepts (the limits are the platform
 * data), or null: such a video no platform takes, and its export can run for hours.
 */
export function videoLengthWarning(durationS: number): string | null {
  const platforms = Object.values(PLATFORMS);
  const longest = Math.max(...platforms.map((p) => p.maxDurationS.value));
  if (!(durationS > longest)) return null;
  const limits = platforms.map((p) => `${p.name} ${spoken(p.maxDurationS.value)}`).join(', ');
  return (
    `The video is ${spoken(durationS)} long, longer than any platform takes (${limits}). ` +
    'Exporting it takes a very long time; shorten it if it is meant for these platforms.'
  );
}
