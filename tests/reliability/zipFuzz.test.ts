import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadProject } from '../../src/core/load';
import { ProjectSchema, type Project } from '../../src/core/schema';
import { assetIdFor, openProjectFile, saveProjectFile } from '../../src/host/node/projectFile';
import { readAssetBytes } from '../../src/node/assets';
import { validDocumentArb } from './fuzz/documents';
import { assertPrototypesClean, prototypeSnapshot, sameDocument } from './fuzz/loaderProperties';
import { FUZZ_SEED, describeRun, runs } from './helpers/fuzzConfig';

/**
 * The .kindness container under fire: real saved zips with bytes flipped, cut, inserted and
 * header fields rewritten go through openProjectFile; and generated valid documents with
 * assets survive save then open unchanged.
 */
const dir = mkdtempSync(join(tmpdir(), 'kindness-zipfuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A case still running after this long counts as a hang (fast-check fails it). */
const CASE_TIMEOUT_MS = 20_000;
const OPEN_ERROR_KINDS = [
  'not-found',
  'unreadable',
  'not-a-zip',
  'unsafe-entry',
  'too-large',
  'too-many-entries',
  'missing-project-json',
  'not-json',
  'not-a-project',
  'newer-version',
  'invalid',
  'migration-failed',
];

const picture = Buffer.from('\x89PNG pretend picture bytes for the fuzz');
const pictureId = assetIdFor(picture);

function projectWithPicture(title: string): Project {
  const loaded = loadProject({
    format: 'kindness-studio',
    version: 1,
    title,
    scenes: [
      {
        id: 'scene-with-picture',
        duration: 2,
        elements: [
          { id: 'fuzz-img', kind: 'image', assetId: pictureId, width: 100, height: 100 },
          { id: 'fuzz-text', kind: 'text', text: 'You matter 💛 '.repeat(20) },
        ],
      },
    ],
    assets: { [pictureId]: { kind: 'image', name: 'p.png', mime: 'image/png', size: picture.length } },
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.project;
}

let seeds: Buffer[] = [];
beforeAll(async () => {
  const paths = ['a', 'b'].map((n) => join(dir, `seed-${n}.kindness`));
  // A fixed clock: the zips carry timestamps, and the same seed must damage the same bytes.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-01T12:00:00Z'));
  try {
    await saveProjectFile(paths[0] as string, projectWithPicture('Seed A'), new Map([[pictureId, picture]]));
    await saveProjectFile(paths[1] as string, projectWithPicture('Seed B'), new Map());
  } finally {
    vi.useRealTimers();
  }
  seeds = paths.map((p) => readFileSync(p));
});

type Damage =
  | { type: 'flip'; at: number; value: number }
  | { type: 'cut'; at: number }
  | { type: 'insert'; at: number; bytes: Uint8Array }
  | { type: 'field'; fromEnd: boolean; at: number; value: number };

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ type: fc.constant('flip' as const), at: fc.nat(), value: fc.nat(255) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('cut' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ maxLength: 40 }),
    }),
  },
  {
    // 32-bit fields (sizes, offsets, counts) in the last 100 bytes (central directory and end record) or anywhere.
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('field' as const),
      fromEnd: fc.boolean(),
      at: fc.nat(),
      value: fc.constantFrom(0, 1, 0xffff, 0xffffffff, 0x7fffffff, 0x10000),
    }),
  },
);

function damage(bytes: Buffer, d: Damage): Buffer {
  const out = Buffer.from(bytes);
  const n = out.length;
  switch (d.type) {
    case 'flip':
      out[d.at % n] = d.value;
      return out;
    case 'cut':
      return out.subarray(0, d.at % n);
    case 'insert': {
      const at = d.at % n;
      return Buffer.concat([out.subarray(0, at), Buffer.from(d.bytes), out.subarray(at)]);
    }
    case 'field': {
      const span = d.fromEnd ? Math.min(100, n - 4) : n - 4;
      const at = n - 4 - (d.at % span);
      out.writeUInt32LE(d.value >>> 0, d.fromEnd ? at : d.at % (n - 4));
      return out;
    }
  }
}

let fileCounter = 0;

describe('opening damaged .kindness zips', () => {
  it('always answers a valid project or a typed error, and never hangs', async () => {
    const cases = runs(1200);
    console.log(describeRun('zip container fuzz (damaged zips)', cases));
    const clean = prototypeSnapshot();
    let opened = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(1),
        fc.array(damageArb, { minLength: 1, maxLength: 3 }),
        async (which, damages) => {
          let bytes = seeds[which] as Buffer;
          for (const d of damages) bytes = damage(bytes, d);
          const path = join(dir, `damaged-${fileCounter++ % 8}.kindness`);
          writeFileSync(path, bytes);
          const result = await openProjectFile(path);
          assertPrototypesClean(clean);
          if (result.ok) {
            opened++;
            expect(ProjectSchema.safeParse(result.project).success).toBe(true);
            for (const [id, data] of result.assets) expect(assetIdFor(await readAssetBytes(data))).toBe(id);
          } else {
            refused++;
            expect(OPEN_ERROR_KINDS).toContain(result.error.kind);
            expect(result.error.message.length).toBeGreaterThan(10);
          }
        },
      ),
      { seed: FUZZ_SEED + 10, numRuns: cases, timeout: CASE_TIMEOUT_MS },
    );
    console.log(`[reliability]   damaged zips: ${cases} cases, ${opened} opened, ${refused} refused`);
  });

  it('open(save(doc)) gives back the same document and the assets it uses', async () => {
    const cases = runs(150);
    console.log(describeRun('zip container round trip', cases));
    await fc.assert(
      fc.asyncProperty(validDocumentArb, fc.boolean(), async (doc, withPicture) => {
        const loaded = loadProject(doc);
        if (!loaded.ok) throw new Error(loaded.error.message);
        let project = loaded.project;
        const assets = new Map<string, Buffer>();
        if (withPicture) {
          const withImage = projectWithPicture(project.title);
          project = {
            ...project,
            assets: withImage.assets,
            scenes: [...project.scenes, ...withImage.scenes],
          };
          assets.set(pictureId, picture);
        }
        const path = join(dir, `round-trip-${fileCounter++ % 4}.kindness`);
        await saveProjectFile(path, project, assets);
        const result = await openProjectFile(path);
        if (!result.ok) throw new Error(result.error.message);
        expect(sameDocument(result.project, project)).toBe(true);
        expect([...result.assets.keys()]).toEqual([...assets.keys()]);
        expect(result.repairs).toEqual([]);
      }),
      { seed: FUZZ_SEED + 11, numRuns: cases, timeout: CASE_TIMEOUT_MS },
    );
  });
});
