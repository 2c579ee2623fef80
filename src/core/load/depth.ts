import { formatPath, type PathSegment } from './docPath';
import type { Problem } from './types';

/**
 * How deeply values may nest. A real project needs about 10 levels plus 2 per group inside a
 * group, so this allows groups about 70 deep; deeper input would overflow the recursive steps
 * (validation, rendering) instead of getting a clear message.
 */
export const MAX_NESTING_DEPTH = 150;
const PATH_SEGMENTS_SHOWN = 8;

/** Finds the first place nested deeper than the limit, walking without recursion. */
export function checkNestingDepth(value: unknown, maxDepth: number = MAX_NESTING_DEPTH): Problem | null {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined || typeof item.value !== 'object' || item.value === null) continue;
    if (item.path.length > maxDepth) {
      const shown = item.path.slice(0, PATH_SEGMENTS_SHOWN);
      return {
        path: formatPath(shown) + (item.path.length > shown.length ? '…' : ''),
        message: `is nested more than ${maxDepth} levels deep (groups inside groups inside groups…)`,
      };
    }
    const entries: [PathSegment, unknown][] = Array.isArray(item.value)
      ? item.value.map((v, i): [PathSegment, unknown] => [i, v])
      : Object.entries(item.value);
    for (const [key, child] of entries) stack.push({ value: child, path: [...item.path, key] });
  }
  return null;
}
