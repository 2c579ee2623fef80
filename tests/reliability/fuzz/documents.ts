import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';

/**
 * Project documents for the loader fuzz: real documents cut from the sample project (so the
 * mutations land on every kind of record the schema knows), and a mutation engine that breaks
 * them the ways damaged files and hostile files do.
 */

// Documents are edited freely and made wrong on purpose; the loader takes them as unknown.
type Json = unknown;
type Container = Record<string, unknown> | unknown[];

// From the repository root (Vitest's folder), so the bundled worker finds it too.
const SAMPLE_PATH = resolve(process.cwd(), 'resources/samples/be-the-reason.kindness.json');
const sample = JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')) as Record<string, unknown> & {
  scenes: Record<string, unknown>[];
};

/** The sample cut down to one scene and a few of its elements: every field kind, small enough to be fast. */
function sampleSlice(sceneIndex: number, firstElement: number, count: number): Record<string, unknown> {
  const scene = sample.scenes[sceneIndex % sample.scenes.length] as Record<string, unknown> & {
    elements: unknown[];
  };
  // Only the slice is copied: cloning the whole sample for every case would dominate the run.
  return structuredClone({
    ...sample,
    scenes: [{ ...scene, elements: scene.elements.slice(firstElement, firstElement + count) }],
  });
}

/** The smallest valid document: what a hand-written file looks like. */
function minimal(): Record<string, unknown> {
  return {
    format: 'kindness-studio',
    version: 1,
    scenes: [{ id: 's1', duration: 3, elements: [{ id: 'r1', kind: 'rect', width: 10, height: 10 }] }],
  };
}

export const baseDocumentArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null).map(minimal) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.nat(3), fc.nat(12), fc.integer({ min: 1, max: 6 }))
      .map(([scene, first, count]) => sampleSlice(scene, first, count)),
  },
);

/** Nesting `depth` levels deep, without recursion (so building it cannot overflow). */
export function nested(depth: number, kind: 'array' | 'object'): Json {
  let value: Json = 0;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** An object with `key` as its own property, even for `__proto__` (a plain assignment would set the prototype). */
export function withOwnKey(target: Record<string, unknown>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const PROTO_PAYLOAD_TEXT = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}';

const hostileKeyArb = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'then',
);

const weirdNumberArb = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  0.1 + 0.2,
);

/** Values a damaged or hostile file puts where something else belongs. */
/** Big values: rare, since each costs the loader real work (that is the point, but not 7,000 times). */
const hugeValueArb: fc.Arbitrary<Json> = fc.oneof(
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1_000, max: 50_000 }).map((n) => new Array<number>(n).fill(1)),
  fc
    .integer({ min: 501, max: 6_000 })
    .map((n) => Array.from({ length: n }, (_, i) => ({ id: `x${i % 7}`, kind: 'rect' }))),
  fc
    .tuple(fc.integer({ min: 100, max: 3_000 }), fc.constantFrom('array' as const, 'object' as const))
    .map(([depth, kind]) => nested(depth, kind)),
);

/** Values a damaged or hostile file puts where something else belongs. */
export const weirdValueArb: fc.Arbitrary<Json> = fc.oneof(
  { weight: 8, arbitrary: weirdNumberArb },
  { weight: 4, arbitrary: fc.double() },
  { weight: 4, arbitrary: fc.integer() },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 4, arbitrary: fc.constantFrom(null, undefined, true, false, '', [], {}, '#zzzzzz', 'NaN') },
  { weight: 1, arbitrary: hugeValueArb },
  { weight: 2, arbitrary: fc.constant(null).map(() => JSON.parse(PROTO_PAYLOAD_TEXT) as Json) },
  { weight: 4, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }) },
);

/** A place in the document: the numbers choose a child at each level (modulo the child count). */
const pathArb = fc.array(fc.nat(), { minLength: 0, maxLength: 9 });

type Mutation =
  | { type: 'replace'; path: number[]; value: Json }
  | { type: 'delete'; path: number[] }
  | { type: 'add-key'; path: number[]; key: string; value: Json }
  | { type: 'duplicate'; path: number[] }
  | { type: 'swap-type'; path: number[] };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ type: fc.constant('replace' as const), path: pathArb, value: weirdValueArb }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('delete' as const), path: pathArb }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('add-key' as const),
      path: pathArb,
      key: fc.oneof(hostileKeyArb, fc.string({ maxLength: 12 })),
      value: weirdValueArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('duplicate' as const), path: pathArb }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('swap-type' as const), path: pathArb }) },
);

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function childKeys(container: Container): (string | number)[] {
  return Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
}

/** Walks `path` as far as containers go; returns the container and the key of the chosen child. */
function locate(
  root: Container,
  path: readonly number[],
): { parent: Container; key: string | number } | null {
  let parent: Container = root;
  let key: string | number | null = null;
  for (const step of path) {
    const keys = childKeys(parent);
    if (keys.length === 0) break;
    const chosen = keys[step % keys.length] as string | number;
    const child = (parent as Record<string | number, unknown>)[chosen];
    key = chosen;
    if (!isContainer(child) || step % 3 === 0) break; // stop at a leaf, or early now and then
    parent = child;
    key = null;
  }
  if (key === null) {
    const keys = childKeys(parent);
    if (keys.length === 0) return null;
    key = keys[(path.at(-1) ?? 0) % keys.length] as string | number;
  }
  return { parent, key };
}

function otherType(value: unknown): Json {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.length;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  if (isContainer(value)) return Object.values(value);
  return {};
}

/** Applies one mutation in place (the document is a fresh copy). */
export function applyMutation(root: Record<string, unknown>, mutation: Mutation): void {
  const place = locate(root, mutation.path);
  if (place === null) return;
  const { parent, key } = place;
  const record = parent as Record<string | number, unknown>;
  switch (mutation.type) {
    case 'replace':
      if (Array.isArray(parent)) record[key] = mutation.value;
      else withOwnKey(record, String(key), mutation.value);
      return;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(record, key);
      return;
    case 'add-key': {
      const target = record[key];
      if (isContainer(target) && !Array.isArray(target)) withOwnKey(target, mutation.key, mutation.value);
      else if (!Array.isArray(parent)) withOwnKey(record, mutation.key, mutation.value);
      return;
    }
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)]));
      return;
    case 'swap-type':
      record[key] = otherType(record[key]);
      return;
  }
}

/** How the damaged document reaches the loader: as a value, as JSON text, or as broken text. */
type Delivery =
  | { type: 'value' }
  | { type: 'text' }
  | { type: 'truncated'; at: number }
  | { type: 'spliced'; at: number; insert: string };

const deliveryArb: fc.Arbitrary<Delivery> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ type: 'value' as const }) },
  { weight: 4, arbitrary: fc.constant({ type: 'text' as const }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('truncated' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('spliced' as const),
      at: fc.nat(),
      insert: fc.oneof(
        fc.constantFrom(
          '"__proto__":{"polluted":1},',
          '\u0000',
          '\uFEFF',
          ',,',
          '}',
          ']',
          'NaN',
          '1e999',
          '"',
        ),
        fc.string({ maxLength: 8 }),
      ),
    }),
  },
);

export interface DamagedInput {
  input: unknown;
  describe: string;
}

function deliver(doc: Record<string, unknown>, delivery: Delivery): unknown {
  if (delivery.type === 'value') return doc;
  let text: string;
  try {
    text = JSON.stringify(doc) ?? '';
  } catch {
    return doc; // nested too deep for JSON.stringify itself: hand over the value
  }
  if (delivery.type === 'text') return text;
  if (delivery.type === 'truncated') return text.slice(0, delivery.at % (text.length + 1));
  const at = delivery.at % (text.length + 1);
  return text.slice(0, at) + delivery.insert + text.slice(at);
}

/** A real document broken by one to four mutations, delivered as a value or as text. */
export const damagedInputArb: fc.Arbitrary<DamagedInput> = fc
  .tuple(baseDocumentArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), deliveryArb)
  .map(([doc, mutations, delivery]) => {
    for (const mutation of mutations) applyMutation(doc, mutation);
    return {
      input: deliver(doc, delivery),
      describe: `${mutations.map((m) => `${m.type}@${m.path.join('.')}`).join(', ')} as ${delivery.type}`,
    };
  });

/** Anything at all, as a value or as text: the loader must not care what it is handed. */
export const arbitraryInputArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
  fc.json(),
  fc.string(),
  fc.jsonValue().map((v) => ({ format: 'kindness-studio', version: 1, scenes: v })),
  fc.jsonValue().map((v) => ({ format: 'kindness-studio', version: v, scenes: [] })),
);

const textArb = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.constantFrom('You matter 💛', 'لطف', 'やさしさ', '善良', '__proto__', 'constructor', 'a\u0000b', '🧑🏽‍🤝‍🧑🏻'),
  );

/**
 * Valid documents: a sample slice with its free-text and number fields set to generated
 * values inside the schema's ranges. The loader must take them, and saving then loading them
 * must give back exactly what was loaded.
 */
export const validDocumentArb: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    baseDocumentArb,
    textArb(200),
    fc.double({ min: 0.1, max: 600, noNaN: true }),
    textArb(200),
    fc.array(
      fc.tuple(
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
      ),
      {
        maxLength: 6,
      },
    ),
    fc.constantFrom(24, 25, 30, 60),
  )
  .map(([doc, title, duration, sceneName, positions, fps]) => {
    doc.title = title;
    doc.video = { width: 1080, height: 1920, fps };
    const scene = (doc.scenes as Record<string, unknown>[])[0] as Record<string, unknown> & {
      elements: Record<string, unknown>[];
    };
    scene.duration = duration;
    scene.name = sceneName;
    scene.elements.forEach((element, i) => {
      const at = positions[i];
      if (at !== undefined) {
        element.x = at[0];
        element.y = at[1];
      }
    });
    return doc;
  });

/** Every object inside `root` (itself included), found without recursion. */
function objectsIn(root: Record<string, unknown>): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!isContainer(value)) continue;
    if (!Array.isArray(value)) found.push(value);
    stack.push(...Object.values(value));
  }
  return found;
}

/**
 * A valid document, and a copy where one object got a `__proto__`, `constructor` or
 * `prototype` key holding document-shaped data. Loading both must give the same project.
 */
export const hostileKeyedArb = fc
  .tuple(
    validDocumentArb,
    fc.nat(),
    hostileKeyArb,
    fc.oneof(
      fc.constant(null).map(() => JSON.parse(PROTO_PAYLOAD_TEXT) as Json),
      fc.constant({
        title: 'Injected',
        polluted: 'yes',
        scenes: [{ id: 'evil', duration: 9 }],
        duration: 1,
        id: 'x',
      }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    fc.boolean(),
  )
  .map(([plain, at, key, value, asText]) => {
    const hostile = structuredClone(plain);
    const objects = objectsIn(hostile);
    const target = objects[at % objects.length] ?? hostile;
    withOwnKey(target, key, value);
    return { plain, hostile, asText };
  });
