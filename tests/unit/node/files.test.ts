import { execFileSync, spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createExclusive,
  HOST_TAG,
  parseWriterTempName,
  readRegularFile,
  removeStaleLeftovers,
  reservationPath,
  reserveFreeNames,
  reserveNames,
  reserveTempFile,
  statRegularFile,
  writeFileAtomic,
  writeNewFileAtomic,
  writerTempPath,
} from '../../../src/node/files';

const root = mkdtempSync(join(tmpdir(), 'kindness-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let count = 0;
const freshFolder = (): string => mkdtempSync(join(root, `f${count++}-`));

/** A pid that is not running: a child that has exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number;

describe('the atomic writer', () => {
  it('writes a new file and leaves no temp file', async () => {
    const folder = freshFolder();
    await writeFileAtomic(join(folder, 'a.txt'), 'hello', { replace: 'never' });
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('hello');
    expect(readdirSync(folder)).toEqual(['a.txt']);
  });

  it('never replaces a file with replace: never (EEXIST), and replaces it with always', async () => {
    const folder = freshFolder();
    const file = join(folder, 'a.txt');
    writeFileSync(file, 'mine');
    await expect(writeFileAtomic(file, 'new', { replace: 'never' })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(readFileSync(file, 'utf8')).toBe('mine');
    await writeFileAtomic(file, 'new', { replace: 'always' });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['a.txt']);
  });

  it('replaces a link at the target itself, never the file it points to', async () => {
    const folder = freshFolder();
    const victim = join(freshFolder(), 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(folder, 'a.txt'));
    await expect(writeFileAtomic(join(folder, 'a.txt'), 'x', { replace: 'never' })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    await writeFileAtomic(join(folder, 'a.txt'), 'x', { replace: 'always' });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(join(folder, 'a.txt')).isSymbolicLink()).toBe(false);
  });

  it('creates temp files exclusively: a link already at the name is refused, not followed', async () => {
    const folder = freshFolder();
    const victim = join(freshFolder(), 'victim.txt');
    writeFileSync(victim, 'precious');
    const temp = writerTempPath(join(folder, 'a.txt'));
    symlinkSync(victim, temp);
    await expect(createExclusive(temp)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('gives the finished file the usual mode, or 0600 for private data', async () => {
    const folder = freshFolder();
    await writeFileAtomic(join(folder, 'open.txt'), 'x', { replace: 'never' });
    await writeFileAtomic(join(folder, 'private.json'), 'x', { replace: 'never', mode: 0o600 });
    const umask = process.umask();
    expect(statSync(join(folder, 'open.txt')).mode & 0o777).toBe(0o666 & ~umask);
    expect(statSync(join(folder, 'private.json')).mode & 0o777).toBe(0o600);
  });

  it('writes chunks as they come (a stream)', async () => {
    const folder = freshFolder();
    async function* chunks() {
      yield 'one ';
      yield Buffer.from('two');
    }
    await writeFileAtomic(join(folder, 's.txt'), chunks(), { replace: 'never' });
    expect(readFileSync(join(folder, 's.txt'), 'utf8')).toBe('one two');
  });

  it('writes a new file under the first free numbered name', async () => {
    const folder = freshFolder();
    writeFileSync(join(folder, 'c.srt'), 'mine');
    const names = (n: number) => join(folder, n === 1 ? 'c.srt' : `c (${n}).srt`);
    expect(await writeNewFileAtomic(names, 'new')).toBe(join(folder, 'c (2).srt'));
    expect(readFileSync(join(folder, 'c.srt'), 'utf8')).toBe('mine');
    expect(readdirSync(folder).sort()).toEqual(['c (2).srt', 'c.srt']);
  });

  it('reserves a temp file another program writes, then moves it into place', async () => {
    const folder = freshFolder();
    const target = join(folder, 'v.mp4');
    const temp = await reserveTempFile(target);
    expect(parseWriterTempName(temp.path.slice(folder.length + 1))).toMatchObject({
      target: 'v.mp4',
      writer: { host: HOST_TAG, pid: process.pid },
    });
    writeFileSync(temp.path, 'video');
    await temp.commit({ replace: 'never' });
    expect(readdirSync(folder)).toEqual(['v.mp4']);
    const discarded = await reserveTempFile(join(folder, 'w.mp4'));
    await discarded.discard();
    expect(readdirSync(folder)).toEqual(['v.mp4']);
  });
});

describe('name reservations', () => {
  it('reserve a group of names together; a second job gets busy; released names are free again', async () => {
    const folder = freshFolder();
    const names = [join(folder, 'a.mp4'), join(folder, 'a.srt')];
    const first = await reserveNames(names, { replace: 'never' });
    expect(first.ok).toBe(true);
    expect(await reserveNames([join(folder, 'a.srt')], { replace: 'never' })).toMatchObject({
      ok: false,
      reason: 'busy',
    });
    if (first.ok) await first.reservation.release();
    expect(readdirSync(folder)).toEqual([]);
    const again = await reserveNames(names, { replace: 'never' });
    expect(again.ok).toBe(true);
    if (again.ok) await again.reservation.release();
  });

  it('count an existing file (or link) as taken, and take the next number for every name', async () => {
    const folder = freshFolder();
    writeFileSync(join(folder, 'a.srt'), 'mine');
    expect(
      await reserveNames([join(folder, 'a.mp4'), join(folder, 'a.srt')], { replace: 'never' }),
    ).toMatchObject({
      ok: false,
      reason: 'exists',
      path: join(folder, 'a.srt'),
    });
    const reservation = await reserveFreeNames((n) => [
      join(folder, `a${n}.mp4`),
      join(folder, n === 1 ? 'a.srt' : `a${n}.srt`),
    ]);
    expect(reservation?.paths).toEqual([join(folder, 'a2.mp4'), join(folder, 'a2.srt')]);
    await reservation?.release();
  });

  it('take over a reservation whose process is gone (a job killed with SIGKILL)', async () => {
    const folder = freshFolder();
    const target = join(folder, 'k.mp4');
    writeFileSync(reservationPath(target), `kindness-reservation ${HOST_TAG} ${deadPid()}\n`);
    const taken = await reserveNames([target], { replace: 'never' });
    expect(taken.ok).toBe(true);
    if (taken.ok) await taken.reservation.release();
  });

  it('never take over a live process’s reservation or a file that is not ours', async () => {
    const folder = freshFolder();
    const live = join(folder, 'live.mp4');
    const foreign = join(folder, 'foreign.mp4');
    writeFileSync(reservationPath(live), `kindness-reservation ${HOST_TAG} ${process.ppid}\n`);
    writeFileSync(reservationPath(foreign), 'something else\n');
    expect(await reserveNames([live], { replace: 'never' })).toMatchObject({ ok: false, reason: 'busy' });
    expect(await reserveNames([foreign], { replace: 'never' })).toMatchObject({ ok: false, reason: 'busy' });
    expect(await removeStaleLeftovers(folder)).toEqual([]);
  });
});

describe('stale leftovers', () => {
  it('removes temp files and reservations of a writer that is gone, and nothing else', async () => {
    const folder = freshFolder();
    const dead = deadPid();
    const deadTemp = `.clip.mp4.${HOST_TAG}-${dead}-0123abcd.part`;
    const liveTemp = `.clip.mp4.${HOST_TAG}-${process.ppid}-0123abcd.part`;
    const bystanders = [
      'clip.mp4',
      'clip.mp4.part',
      '.clip.mp4.part',
      `clip.mp4.${HOST_TAG}-${dead}-0123abcd.part`,
      liveTemp,
    ];
    for (const name of [deadTemp, ...bystanders]) writeFileSync(join(folder, name), 'x');
    writeFileSync(reservationPath(join(folder, 'clip.mp4')), `kindness-reservation ${HOST_TAG} ${dead}\n`);
    const removed = await removeStaleLeftovers(folder);
    expect(removed.sort()).toEqual([deadTemp, '.clip.mp4.reserved'].sort());
    expect(readdirSync(folder).sort()).toEqual([...bystanders].sort());
  });
});

describe('regular-file reads', () => {
  it('refuse a named pipe at once, without waiting for a writer', async () => {
    const folder = freshFolder();
    const pipe = join(folder, 'p.kindness');
    execFileSync('mkfifo', [pipe]);
    await expect(readRegularFile(pipe, {})).rejects.toMatchObject({
      code: 'ENOTREG',
      message: 'it is a named pipe, not a file',
    });
    await expect(statRegularFile(pipe)).rejects.toMatchObject({ code: 'ENOTREG' });
  });

  it('refuse a device and a folder', async () => {
    await expect(readRegularFile('/dev/zero', {})).rejects.toMatchObject({
      code: 'ENOTREG',
      message: 'it is a device, not a file',
    });
    await expect(readRegularFile(root, {})).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('read a regular file, refusing one over the size limit', async () => {
    const file = join(freshFolder(), 'a.json');
    writeFileSync(file, '{"a":1}');
    expect(await readRegularFile(file, { encoding: 'utf8' })).toBe('{"a":1}');
    await expect(readRegularFile(file, { maxBytes: 3 })).rejects.toMatchObject({ code: 'EFBIG' });
  });
});
