import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { toArgList, withCheckStream, type FfmpegInvocation } from '../../src/export/ffmpeg/args';
import {
  CHECKER_PRIORITY,
  fileMatchesStream,
  startStreamCheck,
  type PacketList,
} from '../../src/export/verify/streamCheck';

/**
 * The decode check run while the video is encoded: the encoder's packets are decoded from a copy
 * on its stdout, and the finished file must then hold exactly those packets. These tests keep it
 * as strict as decoding the finished file (decodeCheck.test.ts): damage in the stream is found,
 * and so are bytes overwritten in the saved file and a saved file cut short. And the file the
 * encoder writes through the tee muxer is the very file it writes without it.
 */
let dir: string;
/** A name with every character the tee muxer's list treats specially. */
let teeFile: string;
let plainFile: string;
let streamBytes: Buffer;
let decoded: PacketList | string;

function invocation(output: string, size = '360x640', seconds = 3): FfmpegInvocation {
  return {
    inputs: [
      { options: ['-f', 'lavfi'], source: `testsrc2=size=${size}:rate=30:duration=${seconds}` },
      { options: ['-f', 'lavfi'], source: 'anullsrc=r=48000:cl=stereo' },
    ],
    globalOptions: ['-hide_banner', '-v', 'error'],
    filterComplex: null,
    outputOptions: [
      ...['-map', '0:v:0', '-map', '1:a:0', '-c:v', 'libx264', '-preset', 'veryfast'],
      // One x264 thread: with several, its output can vary from run to run under load, and the
      // first test compares two encodes byte for byte.
      ...['-pix_fmt', 'yuv420p', '-g', '15', '-flags', '+cgop', '-bf', '2', '-threads', '1'],
      ...['-c:a', 'aac', '-t', String(seconds), '-movflags', '+faststart', '-metadata', 'title=Be kind'],
      ...['-f', 'mp4'],
    ],
    output,
  };
}

function run(args: string[], onStdout?: (out: Readable) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    if (onStdout) onStdout(child.stdout);
    else child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg failed (${code}): ${stderr}`)),
    );
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-stream-check-'));
  teeFile = join(dir, "it's [a|b] c:d\\e.mp4");
  plainFile = join(dir, 'plain.mp4');
  const check = startStreamCheck('ffmpeg');
  const chunks: Buffer[] = [];
  await run(toArgList(withCheckStream(invocation(teeFile))), (out) => {
    out.on('data', (d: Buffer) => chunks.push(d));
    check.feed(out);
  });
  streamBytes = Buffer.concat(chunks);
  decoded = await check.result;
  await run(toArgList(invocation(plainFile)));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the decode check beside the encode', () => {
  it('writes the very file the encode writes without it, under a name full of tee syntax', async () => {
    expect(Buffer.compare(await readFile(teeFile), await readFile(plainFile))).toBe(0);
  });

  it('decodes the stream and lists every packet of both streams', () => {
    expect(typeof decoded).not.toBe('string');
    const packets = decoded as PacketList;
    expect(packets.get(0)?.length).toBe(90);
    expect(packets.get(1)?.length).toBeGreaterThan(100);
  });

  it('passes the finished file when it holds exactly those packets', async () => {
    expect(await fileMatchesStream('ffmpeg', teeFile, decoded as PacketList)).toBeNull();
  });

  it('reads an intact file’s packets itself, without starting ffmpeg again', async () => {
    // An ffmpeg that cannot be started: only the file's own tables can have said it is intact.
    expect(await fileMatchesStream(join(dir, 'no-ffmpeg-here'), teeFile, decoded as PacketList)).toBeNull();
  });

  it('finds bytes overwritten in the saved file', async () => {
    const damaged = Buffer.from(await readFile(teeFile));
    for (let at = Math.floor(damaged.length / 2); at < damaged.length / 2 + 4000; at += 400) {
      damaged.writeUInt32BE(0xff133700, at);
    }
    const file = join(dir, 'damaged.mp4');
    await writeFile(file, damaged);
    expect(await fileMatchesStream('ffmpeg', file, decoded as PacketList)).toMatch(/damaged|cut short/);
  });

  it('finds a saved file cut off before its end', async () => {
    const file = join(dir, 'cut.mp4');
    const whole = await readFile(teeFile);
    await writeFile(file, whole);
    await truncate(file, Math.floor(whole.length * 0.6));
    expect(await fileMatchesStream('ffmpeg', file, decoded as PacketList)).not.toBeNull();
  });

  it('finds damage in the encoded stream itself, and still reads the stream to its end', async () => {
    const damaged = Buffer.from(streamBytes);
    for (let at = Math.floor(damaged.length / 2); at < damaged.length / 2 + 4000; at += 400) {
      damaged.writeUInt32BE(0xff133700, at);
    }
    const check = startStreamCheck('ffmpeg');
    const source = Readable.from([damaged.subarray(0, 100_000), damaged.subarray(100_000)]);
    const drained = once(source, 'end');
    check.feed(source);
    expect(typeof (await check.result)).toBe('string');
    // The encoder must never block on a checker that stopped reading: its output is drained.
    await drained;
  });

  it('runs below normal priority, taking the cores only when the encode leaves them idle', async () => {
    const check = startStreamCheck('ffmpeg');
    const pid = check.pid;
    expect(pid).toBeDefined();
    expect(getPriority(pid as number)).toBe(CHECKER_PRIORITY);
    check.stop();
    await check.result;
  });

  it('reads back a long video whole: its packet list is longer than a probe’s output may be', async () => {
    // Four minutes of a tiny picture with sound: about 17,000 packets, over 1 MB of packet list.
    const check = startStreamCheck('ffmpeg');
    await run(toArgList(withCheckStream(invocation(join(dir, 'long.mp4'), '64x64', 240))), (out) =>
      check.feed(out),
    );
    const packets = await check.result;
    expect(typeof packets).not.toBe('string');
    const count = [...(packets as PacketList).values()].reduce((n, list) => n + list.length, 0);
    expect(count).toBeGreaterThan(15_000);
    expect(await fileMatchesStream('ffmpeg', join(dir, 'long.mp4'), packets as PacketList)).toBeNull();
  });

  it('never holds the encoder back while the checker lags behind', async () => {
    // A lossless encode: megabytes, more than the pipe and the checker's input hold.
    const chunks: Buffer[] = [];
    await run(
      [
        ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=540x960:rate=30:duration=3'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-threads', '1'],
        ...['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov', 'pipe:1'],
      ],
      (out) => out.on('data', (d: Buffer) => chunks.push(d)),
    );
    const big = Buffer.concat(chunks);
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const check = startStreamCheck('ffmpeg');
    const pid = check.pid as number;
    // The checker gets no CPU at all (a machine busy with other work, at its worst).
    process.kill(pid, 'SIGSTOP');
    // In pieces as an encoder writes them.
    const pieces: Buffer[] = [];
    for (let at = 0; at < big.length; at += 16_384) pieces.push(big.subarray(at, at + 16_384));
    // A stopped process left behind by a failing test would wait for ever.
    onTestFailed(() => {
      process.kill(pid, 'SIGCONT');
      check.stop();
    });
    const source = Readable.from(pieces);
    const read = once(source, 'end');
    check.feed(source);
    // Everything the encoder wrote was taken from it while the checker stood still.
    await read;
    process.kill(pid, 'SIGCONT');
    const packets = await check.result;
    expect(typeof packets).not.toBe('string');
    expect((packets as PacketList).get(0)).toHaveLength(90);
  });

  it('is stopped at once by a cancel', async () => {
    const check = startStreamCheck('ffmpeg');
    check.stop();
    expect(await check.result).toBe('the export was cancelled');
  });
});
