import type { z } from 'zod';
import { formatPath } from '../docPath';
import { isPlainObject } from '../plain';
import { valueAt } from '../problems';
import type { Repair } from '../types';

/**
 * Pulls numbers that are outside a range the schema allows back to the nearest allowed value
 * (opacity 1.4 -> 1, strokeWidth -2 -> 0). Runs on the raw document, guided by the schema's
 * own issues, so it follows every range the schema declares. Only inclusive bounds are used:
 * a width that must be more than 0 has no nearest value, so a width of -5 stays a problem.
 */
export function clampOutOfRange(doc: unknown, issues: readonly z.core.$ZodIssue[]): Repair[] {
  const repairs: Repair[] = [];
  for (const issue of issues) {
    if (issue.code !== 'too_big' && issue.code !== 'too_small') continue;
    if (issue.origin !== 'number' || issue.inclusive === false) continue;
    const bound = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
    const key = issue.path.at(-1);
    const parent = valueAt(doc, issue.path.slice(0, -1));
    const value = valueAt(doc, issue.path);
    if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isFinite(bound)) continue;
    if (Array.isArray(parent) && typeof key === 'number') parent[key] = bound;
    else if (isPlainObject(parent) && typeof key === 'string') parent[key] = bound;
    else continue;
    repairs.push({
      path: formatPath(issue.path),
      message: `${value} is ${issue.code === 'too_big' ? 'above the highest' : 'below the lowest'} allowed value; set to ${bound}`,
    });
  }
  return repairs;
}
