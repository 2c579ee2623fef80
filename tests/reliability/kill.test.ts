import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjectFile, saveProjectFile } from '../../src/host/node/projectFile';
import { parseWriterTempName as parseTempName } from '../../src/node/files';
import { createRecoveryStore } from '../../src/host/node/recovery/recoveryStore';
import { bundleEntry } from './helpers/bundle';
import { FUZZ_SEED, describeRun, runs, seededRandom } from './helpers/fuzzConfig';
import { generation, whichGeneration } from './kill/documents';

/**
 * A child process saves a project in a loop with the real atomic save and backs it up with the
 * real recovery store; it is killed with SIGKILL at random moments. After every kill the file
 * must be exactly one whole generation (the last one the child finished, or the one it was
 * writing), never a mix or damaged, and the backup must give back the latest edits. The hidden
 * temp files a kill leaves are cleared by the next save: none is left after one more normal save.
 */
const dir = mkdtempSync(join(tmpdir(), 'kindness-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Independent savers run side by side (each with its own file and data folder) to use the wall time. */
const LANES = 4;

interface Lane {
  folder: string;
  target: string;
  dataDir: string;
}

function lane(index: number): Lane {
  const folder = join(dir, `lane-${index}`);
  mkdirSync(folder, { recursive: true });
  return { folder, target: join(folder, 'Kind words.kindness'), dataDir: join(folder, 'data') };
}

let childFile = '';
beforeAll(async () => {
  childFile = await bundleEntry('tests/reliability/kill/saverChild.ts', 'saverChild', { withPackages: true });
});

interface Round {
  /** The last generation the child said it finished (file and backup), or null. */
  lastSaved: number | null;
  /** How long each finished save took (to aim the next kills). */
  durations: number[];
}

/**
 * When to kill: after `afterSaves` finished saves (0: once the child is ready), plus `fraction`
 * of one save's duration. Measured in saves rather than milliseconds, so the kills land all
 * over the save cycle however fast or busy the machine is.
 */
interface KillPoint {
  afterSaves: number;
  fraction: number;
}

/** Starts the saver and kills it with SIGKILL at `point`; `saveMs` is the current estimate of one save. */
function runAndKill(where: Lane, first: number, point: KillPoint, saveMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, where.target, where.dataDir, String(first)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastSaved: number | null = null;
    let savesSeen = 0;
    let lastEventAt = 0;
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const durations: number[] = [];
    const armIfDue = () => {
      if (timer === undefined && savesSeen >= point.afterSaves) {
        timer = setTimeout(() => child.kill('SIGKILL'), Math.floor(point.fraction * saveMs));
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const now = performance.now();
        const saved = /^saved (\d+)$/.exec(line)?.[1];
        if (saved !== undefined) {
          lastSaved = Number(saved);
          savesSeen++;
          durations.push(now - lastEventAt);
        }
        lastEventAt = now;
        if (line === 'ready' || saved !== undefined) armIfDue();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the saver stopped by itself (code ${code}): ${stderr}`));
      else resolve({ lastSaved, durations });
    });
  });
}

interface Tally {
  kills: number;
  saves: number;
  /** After a kill, the file was the last finished save / the save in flight. */
  old: number;
  new: number;
  /** Our hidden temp files beside the project and the backup: most seen after one kill, and after the last kill. */
  mostLeftovers: number;
  leftovers: number;
}

/** Our hidden temp files (the one writer's names, and the save's older ones) in the lane's project and backup folders. */
function tempFilesIn(where: Lane): string[] {
  const list = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);
  return [...list(where.folder), ...list(join(where.dataDir, 'recovery'))].filter(
    (name) => parseTempName(name) !== null,
  );
}

/** `kills` rounds of start, run, SIGKILL, check on one lane. */
async function runLane(where: Lane, kills: number, random: () => number): Promise<Tally> {
  const recovery = createRecoveryStore(where.dataDir);
  const tally: Tally = { kills, saves: 0, old: 0, new: 0, mostLeftovers: 0, leftovers: 0 };
  let onDisk: number | null = null;
  let backedUp: number | null = null;
  let next = 0;
  let saveMs = 50; // first guess; measured from the children's reports after that
  for (let round = 0; round < kills; round++) {
    let label = `${where.folder}, round ${round}`;
    const point: KillPoint = { afterSaves: Math.floor(random() * 3), fraction: random() * 1.2 };
    const { lastSaved, durations } = await runAndKill(where, next, point, saveMs);
    if (durations.length > 0) saveMs = durations.reduce((a, b) => a + b, 0) / durations.length;
    label += ` (started at ${next}, last finished ${lastSaved})`;
    tally.saves += lastSaved === null ? 0 : lastSaved - next + 1;
    // The old document is the last one finished (this round, or what the file held before);
    // the new one is the generation after it, which the child may have been writing.
    const old: number | null = lastSaved ?? onDisk;

    if (existsSync(where.target)) {
      const opened = await openProjectFile(where.target);
      if (!opened.ok) throw new Error(`${label}: the file does not open: ${opened.error.message}`);
      const found = whichGeneration(opened.project);
      expect(found, `${label}: the file is not one whole generation`).not.toBeNull();
      const allowed = old === null ? [next] : [old, lastSaved === null ? next : old + 1];
      expect(allowed, label).toContain(found);
      if (found === old) tally.old++;
      else tally.new++;
      onDisk = found;
    } else {
      // Only possible before the very first save finished.
      expect(onDisk, `${label}: the file disappeared`).toBeNull();
    }

    const backup = await recovery.read('kill-test-doc');
    if (backup !== null) {
      if (!backup.opened.ok)
        throw new Error(`${label}: the backup does not open: ${backup.opened.error.message}`);
      const found = whichGeneration(backup.opened.project);
      expect(found, `${label}: the backup is not one whole generation`).not.toBeNull();
      // The latest edits: never older than what the child had finished, or than the last backup.
      const atLeast = Math.max(lastSaved ?? -1, backedUp ?? -1);
      expect(found ?? -1, label).toBeGreaterThanOrEqual(atLeast);
      expect(found ?? -1, label).toBeLessThanOrEqual(lastSaved === null ? next : lastSaved + 1);
      backedUp = found;
    } else {
      expect(backedUp, `${label}: the backup disappeared`).toBeNull();
    }
    next = Math.max(onDisk ?? -1, backedUp ?? -1, lastSaved ?? -1) + 1;
    tally.mostLeftovers = Math.max(tally.mostLeftovers, tempFilesIn(where).length);
  }
  tally.leftovers = tempFilesIn(where).length;

  // One more normal save and backup (as the app does after a crash) clears what the kills left.
  await saveProjectFile(where.target, generation(next), new Map());
  await recovery.write('kill-test-doc', generation(next), new Map(), where.target);
  expect(tempFilesIn(where), `${where.folder}: temp files left after a normal save`).toEqual([]);
  expect(readdirSync(where.folder).sort()).toEqual([
    'Kind words.kindness',
    'Kind words.kindness.bak',
    'data',
  ]);
  expect(readdirSync(join(where.dataDir, 'recovery')).sort()).toEqual([
    'kill-test-doc.json',
    'kill-test-doc.kindness',
  ]);
  return tally;
}

describe('saving survives being killed at any moment', () => {
  it('leaves exactly the old or the new document after every SIGKILL, and the backup has the latest edits', async () => {
    const kills = runs(200);
    console.log(describeRun('kill test (SIGKILL while saving)', kills));
    const perLane = Array.from(
      { length: LANES },
      (_, i) => Math.floor(kills / LANES) + (i < kills % LANES ? 1 : 0),
    );
    const tallies = await Promise.all(
      perLane.map((count, i) => runLane(lane(i), count, seededRandom(FUZZ_SEED + i))),
    );
    const sum = (key: keyof Tally) => tallies.reduce((total, t) => total + t[key], 0);
    console.log(
      `[reliability]   ${sum('kills')} kills, ${sum('saves')} saves completed; the file after a kill was ` +
        `${sum('old')} times the last finished save, ${sum('new')} times the one in flight; ` +
        `temp files left by kills: at most ${Math.max(...tallies.map((t) => t.mostLeftovers))} in a lane at a time ` +
        `(each save clears the ones before), ${sum('leftovers')} after the last kills, 0 after one more save`,
    );
    expect(sum('kills')).toBe(kills);
    // The children really saved, so the kills landed between and inside saves.
    expect(sum('saves')).toBeGreaterThan(0);
    expect(whichGeneration(generation(7))).toBe(7);
  }, 900_000);
});
