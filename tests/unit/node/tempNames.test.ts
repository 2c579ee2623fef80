import { spawn, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/core/load';
import { openProjectFile, saveProjectFile } from '../../../src/host/node/projectFile';
import {
  STALE_AFTER_MS,
  claimWriterTemp as claimTempSibling,
  parseWriterTempName as parseTempName,
  processIsAlive,
  releaseWriterTemp as releaseTempSibling,
  removeStaleWriterTemps as removeStaleTempFiles,
  writerTempPath,
} from '../../../src/node/files';

/** The one writer's temp names; `.bak` is the staged backup of a project save. */
const tempSiblingPath = (target: string, suffix: '' | '.bak', pid: number): string =>
  writerTempPath(`${target}${suffix}`, pid);

const root = mkdtempSync(join(tmpdir(), 'kindness-temps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const freshFolder = (): string => mkdtempSync(join(root, 'folder-'));

const HOST = 'a1b2c3';
const OTHER_HOST = 'd4e5f6';
const DEAD_PID = 4_000_001;
const LIVE_PID = 4_000_002;
const onlyLive = (pid: number) => pid === LIVE_PID;

/** Files that are not our temp files, or not ours to judge: a cleanup must never touch them. */
const BYSTANDERS: Record<string, string> = {
  'Kind words.kindness': 'the project',
  'Kind words.kindness.bak': 'its backup',
  'notes.txt': 'a note',
  '.DS_Store': 'finder',
  '.Kind words.kindness.tmp': 'no writer part',
  [`Kind words.kindness.${HOST}-${DEAD_PID}-0123abcd.tmp`]: 'not hidden',
  [`.notes.txt.${HOST}-${DEAD_PID}-0123abcd.tmp`]: 'not a project',
  '.notes.txt.0123abcd.tmp': 'another tool, older naming',
  [`.Kind words.kindness.${HOST}-${DEAD_PID}-0123ABCD.tmp`]: 'upper-case hex',
  [`.Kind words.kindness.${HOST}-${DEAD_PID}-0123abcd.tmp.part`]: 'more after .tmp',
  [`.Kind words.kindness.${HOST}-0-0123abcd.tmp`]: 'pid 0',
  '.Kind words.kindness.0123abc.tmp': 'seven hex digits',
};

function writeAll(folder: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
}

function contents(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    out[entry.name] = entry.isFile() ? readFileSync(join(folder, entry.name), 'utf8') : `<${entry.name}>`;
  }
  return out;
}

describe('parseTempName', () => {
  it('reads the names the one writer makes', () => {
    expect(parseTempName(`.Kind words.kindness.${HOST}-1234-89abcdef.part`)).toEqual({
      target: 'Kind words.kindness',
      writer: { host: HOST, pid: 1234 },
    });
    expect(parseTempName(`.clip.mp4.srt.${HOST}-9-89abcdef.part`)?.target).toBe('clip.mp4.srt');
  });

  it('reads the names the project save wrote before it used the one writer', () => {
    expect(parseTempName(`.Kind words.kindness.${HOST}-1234-89abcdef.tmp`)).toEqual({
      target: 'Kind words.kindness',
      writer: { host: HOST, pid: 1234 },
    });
    expect(parseTempName(`.a.b-c.kindness.${HOST}-7-89abcdef.bak.tmp`)).toEqual({
      target: 'a.b-c.kindness',
      writer: { host: HOST, pid: 7 },
    });
    expect(parseTempName('.Kind words.kindness.89abcdef.tmp')).toEqual({
      target: 'Kind words.kindness',
      writer: null,
    });
    expect(parseTempName('.Kind words.kindness.89abcdef.bak.tmp')?.writer).toBeNull();
  });

  it('reads nothing else', () => {
    for (const name of Object.keys(BYSTANDERS)) expect(parseTempName(name), name).toBeNull();
  });

  it('reads back the names it makes', () => {
    const path = tempSiblingPath('/x/My film.kindness', '.bak', 42);
    expect(parseTempName(basename(path))).toMatchObject({
      target: 'My film.kindness.bak',
      writer: { pid: 42 },
    });
  });
});

describe('removeStaleTempFiles', () => {
  const deadSave = `.Kind words.kindness.${HOST}-${DEAD_PID}-00000001.tmp`;
  const deadBackup = `.Other.kindness.${HOST}-${DEAD_PID}-00000002.bak.tmp`;
  const liveSave = `.Kind words.kindness.${HOST}-${LIVE_PID}-00000003.tmp`;
  const otherComputer = `.Kind words.kindness.${OTHER_HOST}-${DEAD_PID}-00000004.tmp`;
  const legacy = '.Kind words.kindness.00000005.tmp';
  const deadWriter = `.Kind words.kindness.${HOST}-${DEAD_PID}-00000006.part`;
  const deadWriterBackup = `.Kind words.kindness.bak.${HOST}-${DEAD_PID}-00000007.part`;
  const liveWriter = `.clip.mp4.${HOST}-${LIVE_PID}-00000008.part`;
  const ours = [
    deadSave,
    deadBackup,
    liveSave,
    otherComputer,
    legacy,
    deadWriter,
    deadWriterBackup,
    liveWriter,
  ];

  function folderWithEverything(): string {
    const folder = freshFolder();
    writeAll(folder, BYSTANDERS);
    writeAll(folder, Object.fromEntries(ours.map((n) => [n, 'half a zip'])));
    return folder;
  }

  it('removes the temp files of a save whose process is gone, and nothing else', async () => {
    const folder = folderWithEverything();
    const before = contents(folder);
    const removed = await removeStaleTempFiles(folder, { host: HOST, isAlive: onlyLive });
    expect(removed.sort()).toEqual([deadSave, deadBackup, deadWriter, deadWriterBackup].sort());
    const { [deadSave]: _a, [deadBackup]: _b, [deadWriter]: _c, [deadWriterBackup]: _d, ...rest } = before;
    expect(contents(folder)).toEqual(rest);
  });

  it('keeps a live writer’s, another computer’s and older-named temp files until untouched for an hour', async () => {
    const folder = folderWithEverything();
    const soon = Date.now() + STALE_AFTER_MS - 60_000;
    await removeStaleTempFiles(folder, { host: HOST, isAlive: onlyLive, now: soon });
    for (const name of [liveSave, otherComputer, legacy, liveWriter])
      expect(contents(folder)).toHaveProperty([name]);

    const later = Date.now() + STALE_AFTER_MS + 60_000;
    const removed = await removeStaleTempFiles(folder, { host: HOST, isAlive: onlyLive, now: later });
    expect(removed.sort()).toEqual([liveSave, otherComputer, legacy, liveWriter].sort());
    expect(contents(folder)).toEqual(BYSTANDERS);
  });

  it('on another computer, a pid says nothing: only the age counts', async () => {
    const folder = freshFolder();
    writeAll(folder, { [otherComputer]: 'half a zip' });
    expect(await removeStaleTempFiles(folder, { host: HOST, isAlive: () => false })).toEqual([]);
  });

  it('never removes a temp file this process is still writing, whatever its age', async () => {
    const folder = freshFolder();
    const path = claimTempSibling(join(folder, 'Kind words.kindness'));
    writeFileSync(path, 'being written');
    const later = Date.now() + 10 * STALE_AFTER_MS;
    expect(await removeStaleTempFiles(folder, { now: later })).toEqual([]);
    releaseTempSibling(path);
    // Released but still there: this process no longer writes it, so it is a leftover.
    expect(await removeStaleTempFiles(folder)).toEqual([basename(path)]);
  });

  it('leaves folders and links with our names alone (and what a link points to)', async () => {
    const folder = freshFolder();
    const outside = join(freshFolder(), 'precious.kindness');
    writeFileSync(outside, 'someone else’s work');
    mkdirSync(join(folder, deadSave));
    symlinkSync(outside, join(folder, deadBackup));
    expect(await removeStaleTempFiles(folder, { host: HOST, isAlive: onlyLive })).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual([deadSave, deadBackup].sort());
    expect(readFileSync(outside, 'utf8')).toBe('someone else’s work');
  });

  it('does nothing for a folder that does not exist', async () => {
    expect(await removeStaleTempFiles(join(root, 'missing'))).toEqual([]);
  });
});

describe('processIsAlive', () => {
  it('tells a running process from one that has exited', () => {
    expect(processIsAlive(process.pid)).toBe(true);
    const exited = spawnSync(process.execPath, ['-e', '']);
    expect(processIsAlive(exited.pid ?? 0)).toBe(false);
  });
});

describe('a save clears the leftovers of a killed save in its folder', () => {
  const project = (() => {
    const loaded = loadProject({
      format: 'kindness-studio',
      version: 1,
      title: 'Kind words',
      scenes: [{ id: 's1', duration: 2, elements: [] }],
    });
    if (!loaded.ok) throw new Error(loaded.error.message);
    return loaded.project;
  })();

  it('removes a temp file whose writer has exited, keeps one whose writer still runs, and saves', async () => {
    const folder = freshFolder();
    const target = join(folder, 'Kind words.kindness');
    writeAll(folder, BYSTANDERS);
    const exited = spawnSync(process.execPath, ['-e', '']).pid ?? 0;
    const running = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const pid = running.pid ?? 0;
      const leftover = tempSiblingPath(target, '', exited);
      const stagedBackup = tempSiblingPath(join(folder, 'Other.kindness'), '.bak', exited);
      const inProgress = tempSiblingPath(target, '', pid);
      writeAll(folder, { [basename(leftover)]: 'PK half', [basename(stagedBackup)]: 'PK old' });
      writeAll(folder, { [basename(inProgress)]: 'PK still writing' });
      const bystanders = contents(folder);

      await saveProjectFile(target, project, new Map());

      const after = contents(folder);
      expect(after).not.toHaveProperty([basename(leftover)]);
      expect(after).not.toHaveProperty([basename(stagedBackup)]);
      expect(after[basename(inProgress)]).toBe('PK still writing');
      for (const [name, text] of Object.entries(bystanders)) {
        if (name === basename(leftover) || name === basename(stagedBackup)) continue;
        // The project and its backup were replaced by the save; everything else is as it was.
        if (name === 'Kind words.kindness' || name === 'Kind words.kindness.bak') continue;
        expect(after[name], name).toBe(text);
      }
      expect(after['Kind words.kindness.bak']).toBe('the project');
      const opened = await openProjectFile(target);
      expect(opened.ok && opened.project.title).toBe('Kind words');
    } finally {
      running.kill('SIGKILL');
    }
  });
});
