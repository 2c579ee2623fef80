import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ffmpegFeaturesFor, type EncodeSettings } from '../../export/encodeSettings';
import { buildFfmpegInvocation, toArgList } from '../../export/ffmpeg/args';
import { discoverFfmpeg, type FoundFfmpeg } from '../../export/ffmpeg/discover';
import { exportBatch } from '../../export/batch/exportBatch';
import { exportVideo } from '../../export/exportVideo';
import { FRAME_FRIENDLY_GLIBC_TUNABLES, useFrameFriendlyMalloc } from '../../export/ffmpeg/mallocTunables';
import { PRESETS } from '../../export/presets';
import { buildAlignCorpus, EspeakMissingError } from '../bench/alignCorpus';
import { alignReport, alignSentence, sentenceErrors } from '../bench/alignMeasure';
import { benchProject } from '../bench/benchProject';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIo } from '../io';

/** What one benchmark export reports (printed as JSON by the child process). */
export interface BenchRun {
  readonly seconds: number;
  readonly frames: number;
  readonly wallSeconds: number;
  readonly fps: number;
  readonly peakRssBytes: number;
  readonly reusedFrames: number;
  /** CPU seconds of the export process and its ffmpeg together; null where unknown. */
  readonly cpuSeconds: number | null;
}

interface BenchRow {
  readonly run: BenchRun;
  readonly encodeOnlySeconds: number;
  readonly encodeOnlyCpuSeconds: number | null;
}

const DURATIONS = [15, 60] as const;
const TARGET_RATIO = 1.3;
/** Three platforms from one render may take at most this many times one export (issue 4). */
const TARGET_BATCH_RATIO = 1.6;
const BATCH_SECONDS = 15;
const TARGET_PEAK_BYTES = 400 * 1024 * 1024;
const TARGET_GROWTH = 0.1;
const RSS_SAMPLE_MS = 25;

/**
 * `kindness bench`: each export runs in a fresh process (peak RSS only ever grows within a
 * process, so the 60 s peak must be measured apart from the 15 s one), then ffmpeg alone
 * encodes as many frames of its own test picture with the same output settings.
 */
export async function benchCommand(args: { keep: boolean }, io: CliIo): Promise<ExitCode> {
  const ffmpeg = await discoverFfmpeg({ env: io.env });
  const dir = await mkdtemp(path.join(tmpdir(), 'kindness-bench-'));
  io.err(`ffmpeg ${ffmpeg.version} (${ffmpeg.source}): ${ffmpeg.path}\nWorking in ${dir}\n`);
  const rows: BenchRow[] = [];
  let batch: BenchRun | null = null;
  try {
    for (const seconds of DURATIONS) {
      io.err(`Exporting ${seconds} s...\n`);
      const run = await runChildExport(seconds, dir, ffmpeg.path);
      io.err(`Encoding ${run.frames} frames with ffmpeg alone...\n`);
      const cpuBefore = childrenCpuSeconds();
      const encodeOnlySeconds = await encodeOnly(ffmpeg, run.frames, dir);
      const cpuAfter = childrenCpuSeconds();
      const encodeOnlyCpuSeconds = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
      rows.push({ run, encodeOnlySeconds, encodeOnlyCpuSeconds });
    }
    io.err(`Exporting ${BATCH_SECONDS} s for TikTok, Reels and Shorts in one batch...\n`);
    batch = await runChildExport(BATCH_SECONDS, dir, ffmpeg.path, true);
  } finally {
    if (!args.keep) await rm(dir, { recursive: true, force: true });
  }
  const single = rows.find((r) => r.run.seconds === BATCH_SECONDS)?.run;
  io.out(benchReport(rows) + (batch !== null && single !== undefined ? batchReport(single, batch) : ''));
  io.err('Timing the voice corpus (espeak-ng, 40 English and 40 Spanish sentences)...\n');
  io.out(await alignBench());
  return EXIT.ok;
}

/**
 * "Time to voice" (issue 14) on the espeak-ng corpus: word-start and caption-boundary errors
 * per language and background, and how long the alignment takes against the length of the
 * sound (a ratio, so the machine's load matters less).
 */
export async function alignBench(): Promise<string> {
  let corpus;
  try {
    corpus = await buildAlignCorpus({ seed: 14, count: 40 });
  } catch (err) {
    if (err instanceof EspeakMissingError) return `\nalign: skipped. ${err.message}\n`;
    throw err;
  }
  const started = performance.now();
  const errors = corpus.map((s) => sentenceErrors(s, alignSentence(s)));
  const seconds = (performance.now() - started) / 1000;
  const sound = corpus.reduce((sum, s) => sum + s.samples.length / s.sampleRate, 0);
  return [
    '',
    alignReport(errors),
    `  aligned ${sound.toFixed(0)} s of voice in ${seconds.toFixed(1)} s: ${(seconds / sound).toFixed(3)} x the length of the sound`,
    '',
  ].join('\n');
}

export function benchReport(rows: readonly BenchRow[]): string {
  const mb = (b: number): string => `${Math.round(b / (1024 * 1024))} MB`;
  const pass = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
  const cpu = (c: number | null): string => (c === null ? '-' : `${c.toFixed(1)} s`);
  const lines = [
    'length  frames     wall    fps  encode-only  ratio  peak RSS  reused  cpu (export / ffmpeg alone)',
    ...rows.map(({ run, encodeOnlySeconds, encodeOnlyCpuSeconds }) =>
      [
        `${run.seconds} s`.padEnd(7),
        String(run.frames).padStart(6),
        `${run.wallSeconds.toFixed(1)} s`.padStart(8),
        run.fps.toFixed(1).padStart(6),
        `${encodeOnlySeconds.toFixed(1)} s`.padStart(12),
        (run.wallSeconds / encodeOnlySeconds).toFixed(2).padStart(6),
        mb(run.peakRssBytes).padStart(9),
        String(run.reusedFrames).padStart(7),
        `  ${cpu(run.cpuSeconds)} / ${cpu(encodeOnlyCpuSeconds)}`,
      ].join(' '),
    ),
    '',
    'targets:',
  ];
  for (const { run, encodeOnlySeconds } of rows) {
    const ratio = run.wallSeconds / encodeOnlySeconds;
    lines.push(
      `  ${run.seconds} s: time <= ${TARGET_RATIO} x ffmpeg alone: ${ratio.toFixed(2)}  ${pass(ratio <= TARGET_RATIO)}`,
    );
    lines.push(
      `  ${run.seconds} s: peak RSS <= ${mb(TARGET_PEAK_BYTES)}: ${mb(run.peakRssBytes)}  ${pass(run.peakRssBytes <= TARGET_PEAK_BYTES)}`,
    );
  }
  const short = rows[0]?.run;
  const long = rows[rows.length - 1]?.run;
  if (short !== undefined && long !== undefined && short !== long) {
    const growth = long.peakRssBytes / short.peakRssBytes - 1;
    lines.push(
      `  ${long.seconds} s peak within ${TARGET_GROWTH * 100}% of ${short.seconds} s peak: ${(growth * 100).toFixed(1)}%  ${pass(growth <= TARGET_GROWTH)}`,
    );
  }
  lines.push(
    '',
    'Wall times depend on what else the machine runs; the CPU seconds (Linux only) do much less.',
  );
  return `${lines.join('\n')}\n`;
}

/** Three platforms in one batch against one export of the same project, in the same run. */
export function batchReport(single: BenchRun, batch: BenchRun): string {
  const ratio = batch.wallSeconds / single.wallSeconds;
  const cpuRatio =
    batch.cpuSeconds !== null && single.cpuSeconds !== null ? batch.cpuSeconds / single.cpuSeconds : null;
  return [
    '',
    `batch: TikTok + Reels + Shorts from one render, ${batch.seconds} s (${batch.frames} frames drawn once)`,
    `  one export ${single.wallSeconds.toFixed(1)} s, batch ${batch.wallSeconds.toFixed(1)} s, peak RSS ${Math.round(batch.peakRssBytes / (1024 * 1024))} MB` +
      (cpuRatio !== null ? `, cpu ratio ${cpuRatio.toFixed(2)}` : ''),
    `  batch <= ${TARGET_BATCH_RATIO} x one export: ${ratio.toFixed(2)}  ${ratio <= TARGET_BATCH_RATIO ? 'PASS' : 'MISS'}`,
    '',
  ].join('\n');
}

/**
 * CPU seconds used by this process's finished (waited-for) children, from /proc/self/stat
 * (cutime + cstime). Node has no API for a child's resource usage. Null off Linux.
 */
function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, cutime 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    // USER_HZ is 100 on every Linux Node supports.
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

/** Runs `kindness bench-run` in a new Node process and reads its JSON line. */
function runChildExport(seconds: number, dir: string, ffmpegPath: string, batch = false): Promise<BenchRun> {
  const script = process.argv[1];
  if (script === undefined) return Promise.reject(new Error('cannot tell which script to run'));
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      script,
      'bench-run',
      '--seconds',
      String(seconds),
      '--dir',
      dir,
      '--ffmpeg',
      ffmpegPath,
      ...(batch ? ['--batch'] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (out += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0)
        reject(new Error(`the ${seconds} s benchmark export failed (exit code ${String(code)})`));
      else resolve(JSON.parse(line) as BenchRun);
    });
  });
}

/** `kindness bench-run`: one export, measured from the inside, reported as one JSON line. */
export async function benchRunCommand(
  args: { seconds: number; dir: string; ffmpeg: string | null; batch?: boolean },
  io: CliIo,
): Promise<ExitCode> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, RSS_SAMPLE_MS);
  // As `kindness export` does: for ffmpeg only (this process has started already).
  useFrameFriendlyMalloc();
  try {
    const project = benchProject(args.seconds);
    const started = performance.now();
    if (args.batch === true) {
      const result = await exportBatch({
        project,
        assets: new Map(),
        outputs: (['tiktok', 'reels', 'shorts'] as const).map((id) => ({
          id,
          preset: id,
          outputPath: path.join(args.dir, `bench-batch-${args.seconds}s-${id}.mp4`),
        })),
        ffmpeg: args.ffmpeg,
        ffmpegDiscovery: { env: io.env },
        sidecars: false,
        check: false,
      });
      const failed = result.outputs.find((o) => o.state !== 'done');
      if (failed !== undefined) throw new Error(failed.error?.message ?? 'the batch export failed');
      const wallSeconds = (performance.now() - started) / 1000;
      const own = process.resourceUsage();
      const ffmpegCpu = childrenCpuSeconds();
      peak = Math.max(peak, own.maxRSS * 1024, process.memoryUsage().rss);
      const run: BenchRun = {
        seconds: args.seconds,
        frames: result.renderedFrames,
        wallSeconds,
        fps: result.renderedFrames / wallSeconds,
        peakRssBytes: peak,
        reusedFrames: 0,
        cpuSeconds: ffmpegCpu !== null ? (own.userCPUTime + own.systemCPUTime) / 1e6 + ffmpegCpu : null,
      };
      io.out(`${JSON.stringify(run)}\n`);
      return EXIT.ok;
    }
    const result = await exportVideo({
      project,
      assets: new Map(),
      outputPath: path.join(args.dir, `bench-${args.seconds}s.mp4`),
      preset: 'tiktok',
      ffmpeg: args.ffmpeg,
      ffmpegDiscovery: { env: io.env },
      sidecars: false,
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const own = process.resourceUsage();
    const ffmpegCpu = childrenCpuSeconds();
    // maxRSS is in kilobytes: the true peak, samples can miss a short spike.
    peak = Math.max(peak, process.resourceUsage().maxRSS * 1024, process.memoryUsage().rss);
    const run: BenchRun = {
      seconds: args.seconds,
      frames: result.frames,
      wallSeconds,
      fps: result.frames / wallSeconds,
      peakRssBytes: peak,
      reusedFrames: result.reusedFrames,
      // Includes this process's start-up (module loading, fonts): a fair share of an export.
      cpuSeconds: ffmpegCpu !== null ? (own.userCPUTime + own.systemCPUTime) / 1e6 + ffmpegCpu : null,
    };
    io.out(`${JSON.stringify(run)}\n`);
    return EXIT.ok;
  } finally {
    clearInterval(sampler);
  }
}

/**
 * ffmpeg alone: its own test picture (RGBA, like our frames, so it pays for the same colour
 * conversion) through the same output settings, for as many frames.
 */
async function encodeOnly(ffmpeg: FoundFfmpeg, frames: number, dir: string): Promise<number> {
  const preset = PRESETS.tiktok;
  const settings: EncodeSettings = {
    width: preset.width,
    height: preset.height,
    fps: 30,
    frameCount: frames,
    video: preset.video,
    audio: preset.audio,
    faststart: preset.faststart,
    audioClips: [],
    metadata: { title: 'encode only', comment: '', description: '' },
    outputPath: path.join(dir, 'encode-only.mp4'),
    features: ffmpegFeaturesFor(ffmpeg.version),
  };
  const inv = buildFfmpegInvocation(settings);
  const testSource = {
    options: ['-f', 'lavfi'],
    source: `testsrc2=s=${preset.width}x${preset.height}:r=30,format=rgba`,
  };
  const args = toArgList({ ...inv, inputs: [testSource, ...inv.inputs.slice(1)] });
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const env = {
      ...process.env,
      GLIBC_TUNABLES: process.env.GLIBC_TUNABLES ?? FRAME_FRIENDLY_GLIBC_TUNABLES,
    };
    const child = spawn(ffmpeg.path, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let tail = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (tail = (tail + d).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg alone failed: ${tail}`))));
  });
  return (performance.now() - started) / 1000;
}
