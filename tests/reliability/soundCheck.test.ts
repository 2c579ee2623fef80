import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/core/schema';
import { createDispatcher, createHostClient, type Host } from '../../src/host/contract';
import { createNodeHostHandlers } from '../../src/host/node/host';
import { assetIdFor, saveProjectFile } from '../../src/host/node/projectFile';
import { smallProject } from '../integration/fixtures';

/**
 * Issue 10, class 8: a sound that cannot be read (damaged bytes behind an MP3 header, a text file
 * renamed .mp3, a WAV cut after its header) passed `validate` and the studio's open, then failed
 * the export with ffmpeg's raw log. It must be named when the project is validated or opened.
 */

const root = process.cwd();
const cli = path.join(root, 'dist/cli/kindness.js');
let dir = '';
let workspace = '';
let host: Host;

/** The small project with its one sound replaced by `bytes` under `name`. */
function withSound(
  bytes: Buffer,
  name: string,
  mime: string,
): { project: Project; assets: Map<string, Buffer> } {
  const { project } = smallProject({ seconds: 1, withAudio: true });
  const id = assetIdFor(bytes);
  return {
    project: {
      ...project,
      audio: project.audio.map((track) => ({ ...track, assetId: id })),
      assets: { [id]: { kind: 'audio', name, mime, size: bytes.length } },
    },
    assets: new Map([[id, bytes]]),
  };
}

const garbageMp3 = Buffer.concat([
  Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000'),
  randomBytes(20_000),
]);
const renamedText = Buffer.from('Dear diary, today I was kind to someone.\n'.repeat(200));
const cutWav = (() => {
  const { assets } = smallProject({ seconds: 1, withAudio: true });
  const wav = [...assets.values()][0] as Buffer;
  return wav.subarray(0, 44); // the header only: it promises samples that are not there
})();

const BAD_SOUNDS = [
  { label: 'random bytes behind an MP3 header', bytes: garbageMp3, name: 'song.mp3', mime: 'audio/mpeg' },
  { label: 'a text file renamed .mp3', bytes: renamedText, name: 'diary.mp3', mime: 'audio/mpeg' },
  { label: 'a WAV cut after its header', bytes: cutWav, name: 'cut.wav', mime: 'audio/wav' },
  {
    label: 'a name with a right-to-left override',
    bytes: garbageMp3,
    name: 'evil\u202Egpj.mp3',
    mime: 'audio/mpeg',
  },
];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-sounds-'));
  workspace = path.join(dir, 'workspace');
  await mkdir(workspace);
  const dispatch = createDispatcher(
    await createNodeHostHandlers({
      folders: [workspace],
      dataDir: path.join(dir, 'data'),
      templatesDir: path.join(root, 'resources', 'samples'),
      version: '0.0.1',
      shell: 'web',
    }),
  );
  host = createHostClient(async (channel, req) =>
    JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(req))))),
  );
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], (error) =>
      error ? reject(error) : resolve(),
    ),
  );
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function validate(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, 'validate', file], { timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr }),
    );
  });
}

describe('a sound that cannot be read is named before any export', () => {
  for (const [i, bad] of BAD_SOUNDS.entries()) {
    it(`${bad.label}: kindness validate fails naming it, and the studio says so on open`, async () => {
      const file = path.join(workspace, `bad-${i}.kindness`);
      const { project, assets } = withSound(bad.bytes, bad.name, bad.mime);
      await saveProjectFile(file, project, assets);

      const run = await validate(file);
      expect(run.code).not.toBe(0);
      expect(run.stdout).not.toMatch(/is a valid project/);
      expect(run.stderr).toContain('The export would fail on it');
      expect(run.stderr).toContain(bad.name.replace('\u202E', '\\u202E'));
      // No raw bytes or hidden characters from the file reach the message.
      const hidden = [...run.stderr].filter((c) => c.charCodeAt(0) < 9 || c === '\u202E' || c === '\uFFFD');
      expect(hidden).toEqual([]);

      const opened = await host.openProject({ path: file });
      if (!opened.ok) throw new Error(opened.error.message);
      expect(opened.repairs[0]?.path).toBe('sounds');
      expect(opened.repairs[0]?.message).toContain(bad.name.replace('\u202E', '\\u202E'));
      await host.closeDocument({ docId: opened.docId });
    });
  }

  it('a good sound passes both, with no note', async () => {
    const file = path.join(workspace, 'good.kindness');
    const { project, assets } = smallProject({ seconds: 1, withAudio: true });
    await saveProjectFile(file, project, assets);
    const run = await validate(file);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/is a valid project/);
    const opened = await host.openProject({ path: file });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.repairs).toEqual([]);
  });
});
