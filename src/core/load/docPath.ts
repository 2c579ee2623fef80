/** A location inside a document: object keys and array indices from the root. */
export type PathSegment = string | number;
export type DocPath = readonly PathSegment[];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Writes a path the way a creator (and `kindness validate`) reads it: `scenes[0].elements[2].width`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(document)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}
