import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blankProject } from '../../src/core/edit';
import { loadProject } from '../../src/core/load';
import type { BatchOutputRequest } from '../../src/export/batch/exportBatch';
import { workerRunner, type FromWorker } from '../../src/host/node/export/exportRunner';
import { saveProjectFile } from '../../src/host/node/projectFile';
import { writerTempPath } from '../../src/node/files';

const root = mkdtempSync(join(tmpdir(), 'kindness-regressions-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A pid that is not running: above the largest pid Linux or macOS hands out. */
const GONE_PID = 99_999_999;

/** Bugs the reliability suites found, each pinned by the smallest input that showed it. */
describe('found by the reliability suites', () => {
  it('a "__proto__" key in a project file never brings its contents into the document', () => {
    const text =
      '{"format":"kindness-studio","version":1,' +
      '"__proto__":{"title":"Injected","scenes":[{"id":"evil","duration":2}]},' +
      '"scenes":[{"id":"s1","duration":3}]}';
    const result = loadProject(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.project.title).toBe('Untitled');
    expect(result.project.scenes.map((s) => s.id)).toEqual(['s1']);
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });

  it('a file whose only scenes sit under "__proto__" is refused as having no scenes', () => {
    const result = loadProject(
      '{"format":"kindness-studio","version":1,"__proto__":{"scenes":[{"id":"a","duration":2}]}}',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('invalid');
  });

  it('a save killed mid-way no longer leaves its hidden temp file for good (kill test)', async () => {
    const folder = mkdtempSync(join(root, 'save-'));
    const target = join(folder, 'Kind words.kindness');
    const leftover = writerTempPath(target, GONE_PID);
    writeFileSync(leftover, 'half a zip');
    await saveProjectFile(target, blankProject('Kind words'), new Map());
    expect(readdirSync(folder)).toEqual(['Kind words.kindness']);
  });

  it('an export process that died no longer leaves its .part or says a finished output failed', async () => {
    const folder = mkdtempSync(join(root, 'export-'));
    let send: (m: FromWorker) => void = () => undefined;
    let exit: (why: string) => void = () => undefined;
    const outputs: BatchOutputRequest[] = (['draft', 'reels'] as const).map((id) => ({
      id,
      preset: id,
      outputPath: join(folder, `${id}.mp4`),
    }));
    const run = workerRunner(() => ({
      send: () => undefined,
      onMessage: (listener) => (send = listener),
      onExit: (listener) => (exit = listener),
    }))({ project: blankProject('Kind words'), assets: new Map(), outputs }, () => undefined);
    const at = (id: string, state: 'done' | 'running'): FromWorker => ({
      type: 'progress',
      progress: { id, state, frame: 1, totalFrames: 2, percent: 50, etaSeconds: null },
    });
    send(at('draft', 'done'));
    send(at('reels', 'running'));
    writeFileSync(join(folder, 'draft.mp4'), 'a finished video');
    writeFileSync(join(folder, 'reels.mp4.part'), 'half a video');
    exit('signal SIGKILL');
    const result = await run.done;
    expect(result.outputs.map((o) => `${o.id} ${o.state}`)).toEqual(['reels failed']);
    expect(readdirSync(folder)).toEqual(['draft.mp4']);
  });
});
