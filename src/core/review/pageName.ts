/** File names of review pages (the one made from the title, one the creator typed) and the draft's mark. */

/** The watermark on every frame of a shared draft: its number and the day it was shared. */
export function draftWatermark(version: number, sharedAt: string): string {
  return `DRAFT v${version}\n${sharedAt.slice(0, 10)}`;
}

/** A file name from the project title: letters, digits, spaces and dashes only. */
export function reviewPageName(title: string, version: number): string {
  const safe =
    title
      .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'Untitled';
  return `${safe} - review draft v${version}.html`;
}

/**
 * The file name the creator typed, made a page name: ".html" added when missing. A name that
 * could leave the folder or that systems refuse gives a message instead.
 */
export function chosenPageName(typed: string): { ok: true; name: string } | { ok: false; message: string } {
  const name = typed.trim();
  if (name === '' || name === '.html') return { ok: false, message: 'Give the review page a file name.' };
  if (/[\\/]/.test(name)) return { ok: false, message: 'A file name cannot contain / or \\.' };
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f<>:"|?*]/.test(name) || name.startsWith('.') || name.endsWith('.')) {
    return {
      ok: false,
      message: 'A file name cannot start or end with a dot or contain < > : " | ? * or control characters.',
    };
  }
  return { ok: true, name: /\.html?$/i.test(name) ? name : `${name}.html` };
}
