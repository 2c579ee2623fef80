import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFluentEncoder } from '../../../src/export/encoder/fluentEncoder';
import { VIDEO_INPUT, type FfmpegInvocation } from '../../../src/export/ffmpeg/args';

/**
 * What ffmpeg writes on its stdout is the stream check's binary MP4 (verify/streamCheck.ts).
 * It goes to the check alone: fluent-ffmpeg's own capture of stdout as text lines decoded
 * every chunk into strings for nothing.
 */

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-fluent-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An "ffmpeg" that reads its input to the end, then writes 64 KB of bytes on stdout. */
async function standIn(): Promise<string> {
  const file = path.join(dir, 'ffmpeg');
  await writeFile(
    file,
    ['#!/bin/sh', 'cat > /dev/null', 'head -c 65536 /dev/zero | tr "\\000" "\\n"', 'exit 0'].join('\n'),
  );
  await chmod(file, 0o755);
  return file;
}

const invocation: FfmpegInvocation = {
  inputs: [{ options: ['-f', 'rawvideo'], source: VIDEO_INPUT }],
  globalOptions: [],
  filterComplex: null,
  outputOptions: ['-f', 'mp4'],
  output: path.join(tmpdir(), 'never-written.mp4'),
};

describe.runIf(process.platform !== 'win32')('the encoder hands its stdout to the stream check', () => {
  it('with no other reader, and every byte arrives', async () => {
    let listenersAtHandOver = -1;
    let received = 0;
    const encoder = createFluentEncoder({
      ffmpegPath: await standIn(),
      invocation,
      frameBytes: 16,
      onOutput(stdout: Readable) {
        listenersAtHandOver = stdout.listenerCount('data');
        stdout.on('data', (chunk: Buffer) => (received += chunk.length));
      },
    });
    const sink = encoder.start();
    await new Promise<void>((resolve) => sink.end(Buffer.alloc(16), () => resolve()));
    await encoder.finished;
    expect(listenersAtHandOver).toBe(0);
    expect(received).toBe(65536);
  });
});
