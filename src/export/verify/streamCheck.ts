import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { lastComplaint } from '../encoder/ffmpegLog';
import { trackChildProcess } from '../ffmpeg/childProcesses';
import { toolEnvironment } from '../ffmpeg/mallocTunables';
import { runTool, ToolTimeoutError } from '../ffmpeg/runTool';
import { readMp4Packets } from './mp4Packets';

/**
 * The decode check, run while the video is being encoded rather than after it.
 *
 * The encoder writes its packets twice (ffmpeg's tee muxer, see `withCheckStream` in
 * ffmpeg/args.ts): into the `.part` file, and as a fragmented MP4 on its stdout. A second ffmpeg
 * decodes that stream as it comes, exactly as the after-the-fact check decodes the file (every
 * stream, `-xerror`, no deblocking filter), and lists each packet's size and MD5. Once the file is
 * complete it is read back without decoding (its sample tables, mp4Packets.ts: milliseconds for
 * the sample's 20 s) and its packets must be the very same bytes, stream by stream. So the file
 * holds exactly the packets that decoded cleanly: an overwritten byte or a file cut short still
 * fails it.
 *
 * Why: the check used to decode the finished file on its own, 1 s of the sample's 9 s export
 * with both cores otherwise idle at the end. Decoding alongside the encode fills the moments
 * x264 leaves a core idle (and one thread decodes the sample's file in 1.2 CPU-s, not 1.5).
 */

/** Each stream's packets, in order, as "size md5". */
export type PacketList = ReadonlyMap<number, readonly string[]>;

/** A decode that hangs is a broken ffmpeg; this only guards against that. */
const READ_BACK_TIMEOUT_MS = 10 * 60 * 1000;

export interface StreamCheck {
  /** Reads what the encoder writes on its stdout, to its end. Call once. */
  feed(encoderOutput: Readable): void;
  /** Whether `feed` was called: an encoder that never started never gave it a stream. */
  readonly fed: boolean;
  /** The packets when the stream decoded to its end, else why it did not (printable words). */
  readonly result: Promise<PacketList | string>;
  /** Stops the checking ffmpeg (cancel, failure); the result then says so. */
  stop(): void;
  /** The checking ffmpeg's process id, while it runs. */
  readonly pid: number | undefined;
}

/** Starts the checking ffmpeg; it reads a fragmented MP4 on stdin until the stream ends. */
export function startStreamCheck(ffmpegPath: string): StreamCheck {
  const child: ChildProcess = spawn(
    ffmpegPath,
    [
      '-nostats',
      '-v',
      'error',
      '-xerror',
      '-skip_loop_filter',
      'all',
      // One thread: it only has to keep pace with the encoder, and threads cost a fifth more CPU.
      '-threads',
      '1',
      '-i',
      'pipe:0',
      ...['-map', '0', '-f', 'null', '-'],
      ...['-map', '0', '-c', 'copy', '-f', 'framemd5', 'pipe:1'],
    ],
    { shell: false, stdio: ['pipe', 'pipe', 'pipe'], env: toolEnvironment(), windowsHide: true },
  );
  trackChildProcess(child);
  lowerPriority(child.pid);
  const stdin = child.stdin as Writable;
  // The checker gone early (it found damage) closes its input: its result says why.
  stdin.on('error', () => undefined);
  let stopped = false;
  const result = new Promise<PacketList | string>((resolve) => {
    const packets = new PacketListReader();
    let stderr = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => packets.add(text));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      if (stderr.length < 64 * 1024) stderr += text;
    });
    child.on('error', (err) => resolve(`ffmpeg could not be started to check it (${err.message})`));
    child.on('close', (code, signal) => {
      if (stopped) return resolve('the export was cancelled');
      if (code === 0) return resolve(packets.finish());
      resolve(lastComplaint(stderr) ?? `ffmpeg stopped with code ${String(code ?? signal)}`);
    });
  });
  let fed = false;
  return {
    feed(encoderOutput) {
      fed = true;
      encoderOutput.on('error', () => undefined);
      // Room for the checker to fall behind (it runs below normal priority) without holding
      // the encoder back: at the platforms' bitrates, half a minute of video or more.
      const slack = new PassThrough({ highWaterMark: CHECK_SLACK_BYTES });
      encoderOutput.pipe(slack).pipe(stdin);
      // A check that ended early (it found damage, or was stopped) reads no more: the rest is
      // drained here, so the encoder never blocks on a full pipe and still finishes the file.
      void result.then(() => {
        encoderOutput.unpipe(slack);
        slack.unpipe(stdin);
        slack.resume();
        encoderOutput.resume();
      });
    },
    get fed() {
      return fed;
    },
    pid: child.pid,
    result,
    stop() {
      stopped = true;
      stdin.destroy();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * The checker only has to keep pace with the encoder, so it runs below normal priority: it then
 * takes the moments x264 and the renderer leave a core idle instead of taking turns with them.
 * Alternating runs, 8 each: the sample's export 9.4 against 9.1 s, the 15 s video 6.7 against
 * 6.45 s. Where the system refuses (it never should: lowering is always allowed), it runs as is.
 */
export const CHECKER_PRIORITY = 10;

/**
 * How far the checker may fall behind the encoder before the encoder waits for it: 32 MB of
 * encoded video (at most about 30 s at the platforms' 8 Mbit/s; the sample is 3.4 MB in all).
 * On a machine busy with other work a low-priority checker can lag; the export should not.
 */
export const CHECK_SLACK_BYTES = 32 * 1024 * 1024;

function lowerPriority(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, CHECKER_PRIORITY);
  } catch {
    // Normal priority only costs a little time.
  }
}

/**
 * Whether the finished file holds exactly the packets the stream check decoded: null when it
 * does, else why not (printable words). The file's own sample tables are read first
 * (mp4Packets.ts, a few milliseconds); only when that finds a difference, or cannot read the
 * file, is ffmpeg asked to list the file's packets, and its answer stands.
 */
export async function fileMatchesStream(
  ffmpegPath: string,
  file: string,
  decoded: PacketList,
  signal?: AbortSignal,
): Promise<string | null> {
  try {
    if (packetDifference(decoded, await readMp4Packets(file)) === null) return null;
  } catch {
    // ffmpeg, below, says what is wrong with the file.
  }
  try {
    // The list grows with the video (about 70 bytes a packet, 3 MB for ten minutes): read as it
    // comes rather than collected whole.
    const saved = new PacketListReader();
    const result = await runTool(
      ffmpegPath,
      ['-nostdin', '-v', 'error', '-i', file, '-map', '0', '-c', 'copy', '-f', 'framemd5', 'pipe:1'],
      READ_BACK_TIMEOUT_MS,
      { signal, track: true, onStdout: (text) => saved.add(text) },
    );
    if (signal?.aborted === true) return 'the export was cancelled';
    if (result.code !== 0) {
      const why = lastComplaint(result.stderr, file);
      return why ?? `ffmpeg stopped with code ${String(result.code ?? result.signal)}`;
    }
    return packetDifference(decoded, saved.finish());
  } catch (err) {
    if (err instanceof ToolTimeoutError) return 'reading it back took too long';
    return err instanceof Error ? err.message : String(err);
  }
}

/** Null when both list the same packets per stream, else what differs first. */
export function packetDifference(decoded: PacketList, saved: PacketList): string | null {
  const streams = new Set([...decoded.keys(), ...saved.keys()]);
  for (const stream of [...streams].sort((a, b) => a - b)) {
    const want = decoded.get(stream) ?? [];
    const got = saved.get(stream) ?? [];
    const count = Math.max(want.length, got.length);
    for (let i = 0; i < count; i++) {
      if (want[i] === got[i]) continue;
      if (got[i] === undefined)
        return `the saved file is cut short (stream ${stream}, packet ${i + 1} of ${want.length} is missing)`;
      if (want[i] === undefined)
        return `the saved file has more packets than were encoded (stream ${stream})`;
      return `the saved file is damaged (stream ${stream}, packet ${i + 1} differs from what was encoded)`;
    }
  }
  return null;
}

/** Reads ffmpeg's framemd5 lines (`stream, dts, pts, duration, size, md5`), chunk by chunk. */
export class PacketListReader {
  private readonly streams = new Map<number, string[]>();
  private rest = '';

  add(text: string): void {
    const lines = (this.rest + text).split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) this.line(line);
  }

  finish(): PacketList {
    this.line(this.rest);
    this.rest = '';
    return this.streams;
  }

  private line(line: string): void {
    if (line.startsWith('#') || line.trim() === '') return;
    const fields = line.split(',').map((f) => f.trim());
    const stream = Number(fields[0]);
    const size = fields[4];
    const md5 = fields[5];
    if (!Number.isInteger(stream) || size === undefined || md5 === undefined) return;
    let list = this.streams.get(stream);
    if (list === undefined) this.streams.set(stream, (list = []));
    list.push(`${size} ${md5}`);
  }
}
