/** Seconds as m:ss.f (the timeline and scene lengths); `digits` 2 for keyframe times. */
export function formatTime(seconds: number, digits = 1): string {
  const safe = Math.max(0, seconds);
  const minutes = Math.floor(safe / 60);
  const rest = Math.round((safe - minutes * 60) * 10 ** digits) / 10 ** digits;
  return `${minutes}:${rest.toFixed(digits).padStart(3 + digits, '0')}`;
}

/** A short length like "4 s" or "1.5 s". */
export function formatSeconds(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** A clock time like "14:05", for "backed up at". */
export function formatClock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** "today 14:05" or a date, for recoveries and recent files. */
export function formatWhen(ms: number, now = Date.now()): string {
  const date = new Date(ms);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return sameDay
    ? `today ${formatClock(ms)}`
    : date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

/** A project file name from a title: letters, digits, spaces and dashes kept. */
export function fileNameFor(title: string): string {
  const base = title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'Untitled';
  return `${base}.kindness`;
}
