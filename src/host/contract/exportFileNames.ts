import type { ExportOutputId } from './exportChannels';

/*
 * How export files are named, shared by the host that writes them and the dialog that says
 * what they will be called before the export starts.
 */

/** Characters no file system takes in a name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]/g;

/**
 * A file-name stem from what the creator typed: unsafe characters become `-`, leading dots
 * and trailing dots or spaces go (hidden files; Windows drops them), at most 80 characters.
 * Empty when nothing usable is left.
 */
export function cleanBaseName(name: string): string {
  return name
    .replace(UNSAFE, '-')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 80)
    .trim();
}

/** `clip-tiktok.mp4`, `clip-draft.mp4`, `clip.gif`. */
export function outputFileName(base: string, id: ExportOutputId, copy: number): string {
  const suffix = copy > 1 ? ` (${copy})` : '';
  return id === 'gif' ? `${base}${suffix}.gif` : `${base}-${id}${suffix}.mp4`;
}
