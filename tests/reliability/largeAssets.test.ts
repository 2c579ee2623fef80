import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, createDeflateRaw } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { craftZip, type CraftEntry } from '../helpers/zipCraft';
import { doc } from '../helpers/looseDoc';
import { bundleEntry } from './helpers/bundle';

/**
 * Issue 10, item 4: large assets the project *uses*. A 3 MB `.kindness` holds three silent WAV
 * sounds of 400 MB each, all on audio tracks, so it passes `validate`. Before the fix every one
 * was inflated into a Buffer of its size and kept (validate peaked at 1.3 GB; the export process
 * got a copy of all of them). Now a large asset is spooled into a private temp file and handed to
 * ffmpeg and the zip writer as a file: each process (the CLI, the host, the export process) must
 * stay under 1 GB, and no spooled file may be left once the document is closed or the process ends.
 */
const ONE_GB_KB = 1024 * 1024;
const SOUND_BYTES = 400 * 1024 * 1024;
/** 48 kHz stereo 16-bit: 192,000 bytes a second of sound. */
const BYTES_PER_SECOND = 48_000 * 4;
let dir: string;
let driver: string;
let worker: string;
let project: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  peakMb: number;
  exportPeakMb: number;
}

/** Runs the driver with its own temp folder (TMPDIR), so what it leaves there can be checked. */
function run(args: string[], temp: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [driver, ...args],
      { cwd: dir, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TMPDIR: temp } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        const mb = (tag: string): number =>
          Math.round(Number(new RegExp(`^${tag} (\\d+)`, 'm').exec(stderr)?.[1] ?? Number.NaN) / 1024);
        resolve({ code, stdout, stderr, peakMb: mb('PEAK-RSS-KB'), exportPeakMb: mb('EXPORT-PEAK-RSS-KB') });
      },
    );
  });
}

function expectUnderOneGb(peakMb: number, stderr: string, what: string): void {
  // Printed so the figures in docs/RELIABILITY.md can be checked against a run.
  console.log(`${what}: peak ${peakMb} MB`);
  expect(Number.isFinite(peakMb), stderr.slice(-2000)).toBe(true);
  expect(peakMb * 1024).toBeLessThan(ONE_GB_KB);
}

async function freshTemp(name: string): Promise<string> {
  const temp = path.join(dir, name);
  await mkdir(temp);
  return temp;
}

/** Everything left in a temp folder (files and folders, recursively). */
async function leftIn(temp: string): Promise<string[]> {
  const entries = await readdir(temp, { recursive: true });
  return entries.map(String).sort();
}

function wavHeader(dataBytes: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(2, 22); // stereo
  h.writeUInt32LE(48_000, 24);
  h.writeUInt32LE(BYTES_PER_SECOND, 28);
  h.writeUInt16LE(4, 32); // block align
  h.writeUInt16LE(16, 34); // bits
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/**
 * A silent WAV of `size` bytes whose last samples spell `tag` (so each has its own content
 * hash), deflated as a stream: never whole in this process, and a few hundred KB in the zip.
 */
async function silentWav(size: number, tag: string): Promise<CraftEntry & { id: string }> {
  const hash = createHash('sha256');
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  let crc = 0;
  const feed = async (chunk: Buffer): Promise<void> => {
    hash.update(chunk);
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  };
  const end = Buffer.alloc(16);
  end.write(tag, 'latin1');
  await feed(wavHeader(size - 44));
  const zeros = Buffer.alloc(1 << 20);
  let left = size - 44 - end.length;
  while (left > 0) {
    const chunk = left >= zeros.length ? zeros : zeros.subarray(0, left);
    await feed(chunk);
    left -= chunk.length;
  }
  hash.update(end);
  crc = crc32(end, crc);
  deflate.end(end);
  await once(deflate, 'end');
  const id = hash.digest('hex');
  return {
    id,
    name: `assets/${id}`,
    data: Buffer.alloc(0),
    predeflated: { body: Buffer.concat(out), size, crc },
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-large-assets-'));
  driver = await bundleEntry('tests/reliability/helpers/memoryDriver.ts', 'memoryDriver');
  worker = await bundleEntry('tests/reliability/helpers/exportWorkerDriver.ts', 'exportWorkerDriver');
  const sounds = await Promise.all([1, 2, 3].map((n) => silentWav(SOUND_BYTES, `sound ${n}`)));
  const seconds = (SOUND_BYTES - 44) / BYTES_PER_SECOND;
  const json = doc((d) => {
    d.title = 'Three long sounds';
    d.scenes[0].duration = 1;
    d.assets = Object.fromEntries(
      sounds.map((s, i) => [
        s.id,
        { kind: 'audio', name: `long-${i + 1}.wav`, mime: 'audio/wav', size: SOUND_BYTES, duration: seconds },
      ]),
    );
    d.audio = sounds.map((s, i) => ({ id: `a${i + 1}`, assetId: s.id }));
  });
  project = path.join(dir, 'large.kindness');
  await writeFile(project, craftZip([{ name: 'project.json', data: JSON.stringify(json) }, ...sounds]));
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('large sounds the project uses stay on disk (issue 10, item 4)', () => {
  it('validate reads 3 x 400 MB sounds under 1 GB and leaves no temp file', async () => {
    const temp = await freshTemp('tmp-validate');
    const result = await run(['cli', 'validate', project], temp);
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    expectUnderOneGb(result.peakMb, result.stderr, '3 x 400 MB used sounds, CLI validate');
    expect(await leftIn(temp)).toEqual([]);
  }, 600_000);

  it('the host opens and closes it twice under 1 GB; closing frees its temp files', async () => {
    const temp = await freshTemp('tmp-host');
    const result = await run(['host', dir, project, '2'], temp);
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    expect(result.stdout).toMatch(/left after close: 0/);
    expectUnderOneGb(result.peakMb, result.stderr, '3 x 400 MB used sounds, host open and close x2');
    expect(await leftIn(temp)).toEqual([]);
  }, 600_000);

  it('the host and its export process export it, each under 1 GB', async () => {
    const temp = await freshTemp('tmp-export');
    const result = await run(['host-export', dir, project, worker], temp);
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    expect(result.stdout, result.stderr.slice(-2000)).toMatch(/output done/);
    expectUnderOneGb(result.peakMb, result.stderr, '3 x 400 MB used sounds, host during an export');
    expectUnderOneGb(result.exportPeakMb, result.stderr, '3 x 400 MB used sounds, export process');
    expect(result.stdout).toMatch(/left after close: 0/);
    expect(await leftIn(temp)).toEqual([]);
  }, 600_000);

  it('the CLI exports it under 1 GB', async () => {
    const temp = await freshTemp('tmp-cli-export');
    const out = path.join(dir, 'large-cli.mp4');
    const result = await run(['cli', 'export', project, '--preset', 'draft', '--to', '0.5', '-o', out], temp);
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    expectUnderOneGb(result.peakMb, result.stderr, '3 x 400 MB used sounds, CLI export');
    expect(await leftIn(temp)).toEqual([]);
  }, 600_000);
});
