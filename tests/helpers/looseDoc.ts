// Test documents are edited freely (and made wrong on purpose); the loader treats them as unknown.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type LooseDoc = Record<string, any>;

/** A small valid project document; `patch` edits a fresh copy. */
export function doc(patch: (d: LooseDoc) => void = () => {}): Record<string, unknown> {
  const d: LooseDoc = {
    format: 'kindness-studio',
    version: 1,
    scenes: [{ id: 's1', duration: 3, elements: [{ id: 'r1', kind: 'rect', width: 10, height: 10 }] }],
  };
  patch(d);
  return d;
}
