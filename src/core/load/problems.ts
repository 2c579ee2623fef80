import type { z } from 'zod';
import { formatPath } from './docPath';
import { describeValue, isPlainObject } from './plain';
import type { Problem } from './types';

type Issue = z.core.$ZodIssue;

/** The value at `path` in a raw document, or undefined when the path does not exist. */
export function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = doc;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isPlainObject(current) && typeof segment === 'string') current = current[segment];
    else return undefined;
  }
  return current;
}

const TYPE_NOUNS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 24).map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
  return shown.join(', ') + (values.length > shown.length ? ', …' : '');
}

function sizeMessage(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): string {
  const big = issue.code === 'too_big';
  const bound = Number(big ? issue.maximum : issue.minimum);
  switch (issue.origin) {
    case 'string':
      if (!big && bound === 1) return 'must not be empty';
      return big
        ? `is too long (at most ${bound} characters)`
        : `is too short (at least ${bound} characters)`;
    case 'array':
    case 'set':
      if (!big && bound === 1) return 'must have at least one item';
      return big ? `has too many items (at most ${bound})` : `has too few items (at least ${bound})`;
    default:
      if (big) return issue.inclusive === false ? `must be less than ${bound}` : `must be at most ${bound}`;
      return issue.inclusive === false ? `must be more than ${bound}` : `must be at least ${bound}`;
  }
}

/** What went wrong, in words a creator understands (zod's own messages are for developers). */
function describeIssue(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const noun = TYPE_NOUNS[issue.expected] ?? issue.expected;
      if (value === undefined) return `is missing (expected ${noun})`;
      if (issue.expected === 'int' && typeof value === 'number')
        return `must be a whole number, not ${value}`;
      return `expected ${noun}, found ${describeValue(value)}`;
    }
    case 'too_big':
    case 'too_small':
      return sizeMessage(issue);
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${listValues(issue.values)}, not ${describeValue(value)}`
        : `must be one of ${listValues(issue.values)}, not ${describeValue(value)}`;
    case 'invalid_union':
      if (issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined) {
        const found = typeof value === 'string' ? `"${value}"` : describeValue(value);
        return `unknown ${issue.discriminator} ${found}; expected one of ${listValues(issue.options)}`;
      }
      if (issue.errors.length === 0) return `${describeValue(value)} is not allowed here`;
      return `${describeValue(value)} is not allowed here: ${issue.errors
        .map((branch) => branch.map((inner) => describeIssue(inner, value)).join(' and '))
        .join('; or ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${listValues(issue.keys)}`;
    case 'invalid_key':
      return `the key is not valid: ${issue.issues.map((inner) => describeIssue(inner, issue.path.at(-1))).join('; ')}`;
    case 'invalid_format':
      // Our schemas give every format check a readable message (e.g. "expected a colour like #ff8800").
      return `${issue.message}, found ${describeValue(value)}`;
    default:
      return issue.message;
  }
}

/** Every schema problem with its path in the document (input positions, so it matches the file). */
export function problemsFromIssues(issues: readonly Issue[], doc: unknown): Problem[] {
  return issues.map((issue) => ({
    path: formatPath(issue.path),
    message: describeIssue(issue, valueAt(doc, issue.path)),
  }));
}

/** One line per problem, as `kindness validate` prints them. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
