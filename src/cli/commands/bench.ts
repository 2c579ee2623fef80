import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { exportProcessEnvironment, withExportProcessFlags } from '../../export/pipeline/exportProcessFlags';
import type { Project } from '../../core/schema';
import { exportBatch } from '../../export/batch/exportBatch';
import { ffmpegFeaturesFor, type EncodeSettings } from '../../export/encodeSettings';
import { jobsFor } from '../../export/chunks/chunkPlan';
import { exportVideo } from '../../export/exportVideo';
import { buildFfmpegInvocation, gopFrames, toArgList } from '../../export/ffmpeg/args';
import { onChildProcessesChanged } from '../../export/ffmpeg/childProcesses';
import { discoverFfmpeg, type FoundFfmpeg } from '../../export/ffmpeg/discover';
import { useFrameFriendlyMalloc } from '../../export/ffmpeg/mallocTunables';
import {
  enableStageMeter,
  SAMPLE_EVERY,
  STAGES,
  stageSeconds,
  type Stage,
} from '../../export/pipeline/stageMeter';
import { PRESETS } from '../../export/presets';
import { buildAlignCorpus, EspeakMissingError } from '../bench/alignCorpus';
import { alignReport, alignSentence, sentenceErrors } from '../bench/alignMeasure';
import { benchProject } from '../bench/benchProject';
import { watchProcessPeaks, type ProcessPeak } from '../bench/processPeaks';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIo } from '../io';
import { openProjectForCli } from '../openProject';
import type { AssetMap } from '../../node/assets';

/** What one benchmark export reports (printed as JSON by the child process). */
export interface BenchRun {
  readonly label: string;
  readonly frames: number;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly wallSeconds: number;
  /** CPU seconds of the export's own process (all threads, start-up included). */
  readonly ownCpuSeconds: number;
  /** CPU seconds of the ffmpeg processes it ran (Linux only; null elsewhere). */
  readonly ffmpegCpuSeconds: number | null;
  /** CPU seconds per stage of the export's own process. */
  readonly stages: Record<Stage, number>;
  /** Peak memory of the export process and of every process it started. */
  readonly peaks: readonly ProcessPeak[];
  /** The video files made (the same-content baseline re-encodes the first). */
  readonly outputs: readonly string[];
}

/** ffmpeg alone encoding the export's very frames (decoded to raw yuv420p) with its settings. */
export interface EncodeOnly {
  readonly wallSeconds: number;
  readonly cpuSeconds: number | null;
  readonly peakBytes: number;
}

export interface BenchRow {
  /** The round whose wall ratio is the median: every figure of a row comes from one round. */
  readonly run: BenchRun;
  readonly baseline: EncodeOnly | null;
  /** Every round's wall ratio, in the order they ran (one round for a case without a baseline). */
  readonly ratios: readonly number[];
  /** The largest peak of any process in any round. */
  readonly peakBytes: number;
}

/** One export and its baseline, run one right after the other. */
export interface BenchRound {
  readonly run: BenchRun;
  readonly baseline: EncodeOnly | null;
}

const SAMPLE_PROJECT = 'resources/samples/be-the-reason.kindness.json';
const DURATIONS = [15, 60] as const;
const LONG_SECONDS = 600;
/** Export time against encoding the same frames alone, on 2 cores (issue 13). */
const TARGET_RATIO = 1.6;
const TARGET_PEAK_BYTES = 400 * 1024 * 1024;
/** "Flat": a long video's peak within this share of a short one's, for every process. */
const TARGET_GROWTH = 0.1;
const BATCH_SECONDS = 15;
/** The same-content baseline decodes the export to a raw file first: up to 60 s of 1080x1920. */
const MAX_RAW_BYTES = 60 * 30 * 1080 * 1920 * 1.5;
/**
 * Each timed case runs its export and its baseline this many times, alternating which goes
 * first, and reports the round with the median ratio. The cores are shared with other work,
 * which comes and goes within seconds: one export and one baseline a few seconds apart gave the
 * sample anything from 1.57 to 1.70 on the same build within ten minutes.
 */
export const ROUNDS = 3;

/**
 * `kindness bench`: each export runs in a fresh process (peak memory only ever grows within a
 * process). Its baseline is measured in the same run: the export's video is decoded to raw
 * yuv420p and ffmpeg alone encodes exactly those frames with the same x264 arguments, so the
 * ratio says how far the export is from the encoder's own limit on this machine.
 */
export async function benchCommand(
  args: { keep: boolean; long: boolean; quick?: boolean; project: string | null },
  io: CliIo,
): Promise<ExitCode> {
  const ffmpeg = await discoverFfmpeg({ env: io.env });
  const dir = await mkdtemp(path.join(tmpdir(), 'kindness-bench-'));
  const loadBefore = loadavg();
  io.err(`ffmpeg ${ffmpeg.version} (${ffmpeg.source}): ${ffmpeg.path}\nWorking in ${dir}\n`);
  const rows: BenchRow[] = [];
  const jobRows: JobsRow[] = [];
  let batch: BenchRun | null = null;
  try {
    const sample = path.resolve(io.cwd, args.project ?? SAMPLE_PROJECT);
    const cases: { label: string; childArgs: string[] }[] = [];
    if (existsSync(sample)) cases.push({ label: path.basename(sample), childArgs: ['--project', sample] });
    else io.err(`No sample project at ${sample}: measuring the generated projects only.\n`);
    const durations =
      args.quick === true ? [DURATIONS[0]] : args.long ? [...DURATIONS, LONG_SECONDS] : DURATIONS;
    for (const seconds of durations)
      cases.push({ label: `${seconds} s`, childArgs: ['--seconds', String(seconds)] });
    for (const c of cases) {
      const rounds = await measureCase(c, dir, ffmpeg, args.keep, io);
      const row = benchRow(rounds);
      rows.push(row);
      // Each figure as soon as it is known: a long bench on a busy machine may be stopped.
      io.err(benchReport([row]).split('\n').slice(2, 3).join('\n') + '\n');
    }
    const jobsBase = rows.find((r) => r.run.label === `${JOBS_SECONDS} s`);
    for (const jobs of jobsChoices(availableParallelism(), autoJobsFor(JOBS_SECONDS * 30))) {
      io.err(`Exporting ${JOBS_SECONDS} s with --jobs ${jobs}...\n`);
      const run = await runChildExport(
        `${JOBS_SECONDS} s --jobs ${jobs}`,
        ['--seconds', String(JOBS_SECONDS), '--jobs', String(jobs)],
        dir,
        ffmpeg.path,
      );
      jobRows.push({ jobs, run, baseline: jobsBase?.baseline ?? null });
      if (!args.keep) for (const f of run.outputs) await rm(f, { force: true });
    }
    if (args.quick !== true) {
      io.err(`Exporting ${BATCH_SECONDS} s for TikTok, Reels and Shorts in one batch...\n`);
      batch = await runChildExport(
        'batch',
        ['--seconds', String(BATCH_SECONDS), '--batch'],
        dir,
        ffmpeg.path,
      );
    }
  } finally {
    if (!args.keep) await rm(dir, { recursive: true, force: true });
  }
  const single = rows.find((r) => r.run.label === `${BATCH_SECONDS} s`)?.run;
  io.out(
    benchReport(rows) +
      jobsReport(jobRows) +
      (batch !== null && single !== undefined ? batchReport(single, batch) : '') +
      loadReport(loadBefore, loadavg()),
  );
  io.err('Timing the voice corpus (espeak-ng, 40 English and 40 Spanish sentences)...\n');
  io.out(await alignBench());
  return EXIT.ok;
}

/** The generated video measured once per --jobs value, against its own baseline. */
const JOBS_SECONDS = 15;

interface JobsRow {
  readonly jobs: number | 'auto';
  readonly run: BenchRun;
  readonly baseline: EncodeOnly | null;
}

/**
 * 1, 2 and auto; 4 too where there are 4 cores or more (the 1.2x target of issue 13 is for
 * those). Auto is run on its own only when it picks a number not run already.
 */
export function jobsChoices(cores: number, auto: number): (number | 'auto')[] {
  const fixed = cores >= 4 ? [1, 2, 4] : [1, 2];
  return fixed.includes(auto) ? fixed : [...fixed, 'auto'];
}

/** What --jobs auto picks for the bench's 30 fps TikTok video of `frames`. */
function autoJobsFor(frames: number): number {
  return jobsFor('auto', frames, gopFrames(30, PRESETS.tiktok.video.gopSeconds), availableParallelism());
}

/**
 * The same video exported with each --jobs value, as ratios to ffmpeg alone encoding its frames
 * in the same run. Per-stage CPU is left out: the stage meter reads the process's CPU clock, which
 * chunk processes running at once would muddle.
 */
export function jobsReport(rows: readonly JobsRow[]): string {
  if (rows.length === 0) return '';
  const cores = availableParallelism();
  const frames = rows[0]?.run.frames ?? 0;
  const auto = autoJobsFor(frames);
  const lines = [
    '',
    `Chunked export (--jobs) on ${JOBS_SECONDS} s, ${cores} cores (auto = ${auto} here), against ffmpeg alone on the same frames:`,
    'jobs    wall (export / ratio)   cpu (export / ratio)   largest process',
  ];
  for (const { jobs, run, baseline } of rows) {
    const cpu = totalCpu(run);
    const wallRatio = baseline === null ? null : run.wallSeconds / baseline.wallSeconds;
    const cpuRatio =
      baseline === null || baseline.cpuSeconds === null || cpu === null ? null : cpu / baseline.cpuSeconds;
    const peak = peakOf(run);
    lines.push(
      [
        String(jobs).padEnd(7),
        `${secs(run.wallSeconds)} / ${wallRatio?.toFixed(2) ?? '-'}`.padEnd(23),
        `${secs(cpu)} / ${cpuRatio?.toFixed(2) ?? '-'}`.padEnd(22),
        `${mb(peak)} ${pass(peak <= TARGET_PEAK_BYTES)}`,
      ].join(' '),
    );
  }
  const one = rows.find((r) => r.jobs === 1)?.run;
  const chosen = rows.find((r) => r.jobs === 'auto' || r.jobs === auto)?.run;
  if (one !== undefined && chosen !== undefined) {
    const ratio = chosen.wallSeconds / one.wallSeconds;
    lines.push(
      `  auto never slower than one pass (10% for noise): ${ratio.toFixed(2)} x  ${pass(ratio <= 1.1)}`,
    );
  }
  if (cores >= 4) {
    const best = Math.min(
      ...rows.map((r) => (r.baseline === null ? Infinity : r.run.wallSeconds / r.baseline.wallSeconds)),
    );
    lines.push(`  4+ cores: best time <= 1.2 x ffmpeg alone: ${best.toFixed(2)}  ${pass(best <= 1.2)}`);
  }
  return `${lines.join('\n')}\n`;
}

const mb = (b: number): string => `${Math.round(b / (1024 * 1024))} MB`;
const pass = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
const secs = (s: number | null): string => (s === null ? '-' : `${s.toFixed(1)} s`);

function totalCpu(run: BenchRun): number | null {
  return run.ffmpegCpuSeconds === null ? null : run.ownCpuSeconds + run.ffmpegCpuSeconds;
}

/** Largest peak of the export's own process and of the processes it started. */
function peakOf(run: BenchRun): number {
  return Math.max(0, ...run.peaks.map((p) => p.peakBytes));
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
  const lines = [
    `Export against ffmpeg alone encoding the same frames (raw yuv420p, same x264 arguments), the median of ${ROUNDS} rounds:`,
    'case                          frames   wall (export / alone / ratio)   cpu (export / alone / ratio)   every round',
  ];
  for (const { run, baseline, ratios } of rows) {
    const cpu = totalCpu(run);
    const wallRatio = baseline === null ? null : run.wallSeconds / baseline.wallSeconds;
    const cpuRatio =
      baseline === null || baseline.cpuSeconds === null || cpu === null ? null : cpu / baseline.cpuSeconds;
    lines.push(
      [
        run.label.padEnd(29),
        String(run.frames).padStart(6),
        `   ${secs(run.wallSeconds)} / ${secs(baseline?.wallSeconds ?? null)} / ${wallRatio?.toFixed(2) ?? '-'}`.padEnd(
          34,
        ),
        `${secs(cpu)} / ${secs(baseline?.cpuSeconds ?? null)} / ${cpuRatio?.toFixed(2) ?? '-'}`.padEnd(30),
        ratios.map((r) => r.toFixed(2)).join(' '),
      ].join(' '),
    );
  }
  lines.push(
    '',
    'CPU ms per frame by stage (export process: render, readback, convert, pipe, other; then ffmpeg)',
    `(stages timed on one call in ${SAMPLE_EVERY}, so the meter barely slows the export it measures):`,
  );
  for (const { run, baseline } of rows) {
    const per = (s: number): string => ((s / run.frames) * 1000).toFixed(2).padStart(7);
    const measured = STAGES.reduce((sum, s) => sum + run.stages[s], 0);
    const cells = STAGES.map((s) => `${s} ${per(run.stages[s])}`);
    cells.push(`other ${per(run.ownCpuSeconds - measured)}`);
    cells.push(`ffmpeg ${run.ffmpegCpuSeconds === null ? '-' : per(run.ffmpegCpuSeconds)}`);
    if (baseline?.cpuSeconds != null) cells.push(`ffmpeg alone ${per(baseline.cpuSeconds)}`);
    lines.push(`  ${run.label.padEnd(29)} ${cells.join('  ')}`);
  }
  lines.push(
    '',
    'Peak memory of every process (the median round; the targets take the largest of every round):',
  );
  for (const { run, baseline } of rows) {
    const cells = run.peaks.map((p) => `${p.name} ${mb(p.peakBytes)}`);
    if (baseline !== null) cells.push(`(ffmpeg alone ${mb(baseline.peakBytes)})`);
    lines.push(`  ${run.label.padEnd(29)} ${cells.join(', ')}`);
  }
  lines.push('', 'targets:');
  for (const { run, baseline, peakBytes } of rows) {
    if (baseline !== null) {
      const ratio = run.wallSeconds / baseline.wallSeconds;
      lines.push(
        `  ${run.label}: time <= ${TARGET_RATIO} x ffmpeg alone on the same frames: ${ratio.toFixed(2)}  ${pass(ratio <= TARGET_RATIO)}`,
      );
    }
    lines.push(
      `  ${run.label}: every process peaks <= ${mb(TARGET_PEAK_BYTES)}: ${mb(peakBytes)}  ${pass(peakBytes <= TARGET_PEAK_BYTES)}`,
    );
  }
  const generated = rows.filter((r) => r.run.label.endsWith(' s'));
  const short = generated[0];
  for (const long of generated.slice(1)) {
    if (short === undefined) break;
    const growth = long.peakBytes / short.peakBytes - 1;
    lines.push(
      `  ${long.run.label} peak within ${TARGET_GROWTH * 100}% of ${short.run.label} peak: ${(growth * 100).toFixed(1)}%  ${pass(growth <= TARGET_GROWTH)}`,
    );
  }
  lines.push('', 'Wall times depend on what else the machine runs; CPU seconds (Linux only) much less.');
  return `${lines.join('\n')}\n`;
}

/** Three platforms in one batch against one export of the same project, in the same run. */
export function batchReport(single: BenchRun, batch: BenchRun): string {
  const ratio = batch.wallSeconds / single.wallSeconds;
  const batchCpu = totalCpu(batch);
  const singleCpu = totalCpu(single);
  const cpuRatio = batchCpu !== null && singleCpu !== null ? batchCpu / singleCpu : null;
  return [
    '',
    `batch: TikTok + Reels + Shorts from one render, ${BATCH_SECONDS} s (${batch.frames} frames drawn once)`,
    `  one export ${secs(single.wallSeconds)}, batch ${secs(batch.wallSeconds)}, peak ${mb(peakOf(batch))}` +
      (cpuRatio !== null ? `, cpu ratio ${cpuRatio.toFixed(2)}` : ''),
    `  batch <= 1.6 x one export: ${ratio.toFixed(2)}  ${pass(ratio <= 1.6)}`,
    '',
  ].join('\n');
}

function loadReport(before: number[], after: number[]): string {
  const f = (l: number[]): string => l.map((n) => n.toFixed(2)).join(', ');
  return `Load average (1, 5, 15 min) before: ${f(before)}; after: ${f(after)} (${PRESETS.tiktok.width}x${PRESETS.tiktok.height}, this machine's cores are shared).\n`;
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

/**
 * One case's rounds: its export, then ffmpeg alone on the same frames, `ROUNDS` times, the
 * baseline first in every other round so neither always runs on the busier seconds. The long
 * video is there for memory only: one round, no baseline (its raw frames would fill 56 GB).
 */
async function measureCase(
  c: { label: string; childArgs: string[] },
  dir: string,
  ffmpeg: FoundFfmpeg,
  keep: boolean,
  io: CliIo,
): Promise<BenchRound[]> {
  const rounds: BenchRound[] = [];
  let raw: string | null = null;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const roundDir = path.join(dir, `${c.label.replace(/\W+/g, '-')}-${round + 1}`);
      await mkdir(roundDir, { recursive: true });
      const exportCase = async (): Promise<BenchRun> => {
        io.err(`Exporting ${c.label} (round ${round + 1} of ${ROUNDS})...\n`);
        return runChildExport(c.label, c.childArgs, roundDir, ffmpeg.path);
      };
      const alone = (of: BenchRun, frames: string): Promise<EncodeOnly> => {
        io.err(`Encoding the same ${of.frames} frames with ffmpeg alone...\n`);
        return encodeOnly(ffmpeg, of, frames, dir);
      };
      // From the second round on the raw frames exist: every other round times the baseline first.
      const first = rounds[0]?.run;
      const before = raw !== null && first !== undefined && round % 2 === 1 ? await alone(first, raw) : null;
      const run = await exportCase();
      if (raw === null) {
        const video = run.outputs[0];
        if (video === undefined || run.frames * run.width * run.height * 1.5 > MAX_RAW_BYTES) {
          rounds.push({ run, baseline: null });
          if (!keep) await rm(roundDir, { recursive: true, force: true });
          return rounds;
        }
        raw = await decodeToRaw(ffmpeg, video, dir);
      }
      const baseline = before ?? (await alone(run, raw));
      rounds.push({ run, baseline });
      // The next export should not find this one's files filling the page cache.
      if (!keep) await rm(roundDir, { recursive: true, force: true });
    }
    return rounds;
  } finally {
    if (raw !== null) await rm(raw, { force: true });
  }
}

/** A case's row: the round with the median wall ratio, every ratio, and the largest peak. */
export function benchRow(rounds: readonly BenchRound[]): BenchRow {
  const first = rounds[0];
  if (first === undefined) throw new Error('a case needs at least one round');
  const ratioOf = (r: BenchRound): number =>
    r.baseline === null ? NaN : r.run.wallSeconds / r.baseline.wallSeconds;
  const ratios = rounds.map(ratioOf);
  const timed = rounds.filter((r) => r.baseline !== null);
  const byRatio = [...timed].sort((a, b) => ratioOf(a) - ratioOf(b));
  const median = byRatio[Math.floor((byRatio.length - 1) / 2)] ?? first;
  return {
    run: median.run,
    baseline: median.baseline,
    ratios: timed.length === 0 ? [] : ratios,
    peakBytes: Math.max(...rounds.map((r) => peakOf(r.run))),
  };
}

/** Runs `kindness bench-run` in a new Node process and reads its JSON line. */
function runChildExport(
  label: string,
  childArgs: string[],
  dir: string,
  ffmpegPath: string,
): Promise<BenchRun> {
  const script = process.argv[1];
  if (script === undefined) return Promise.reject(new Error('cannot tell which script to run'));
  const child = spawn(
    process.execPath,
    [
      ...withExportProcessFlags(process.execArgv),
      script,
      'bench-run',
      ...childArgs,
      '--dir',
      dir,
      '--ffmpeg',
      ffmpegPath,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: exportProcessEnvironment() },
  );
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (out += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`the ${label} benchmark export failed (exit code ${String(code)})`));
      else resolve({ ...(JSON.parse(line) as BenchRun), label });
    });
  });
}

/** `kindness bench-run`: one export, measured from the inside, reported as one JSON line. */
export async function benchRunCommand(
  args: {
    seconds: number;
    project: string | null;
    dir: string;
    ffmpeg: string | null;
    batch?: boolean;
    jobs: number | 'auto';
  },
  io: CliIo,
): Promise<ExitCode> {
  const children = watchProcessPeaks(process.pid, false, onChildProcessesChanged);
  // As `kindness export` does: for ffmpeg only (this process has started already).
  useFrameFriendlyMalloc();
  enableStageMeter();
  try {
    let project: Project;
    let assets: AssetMap = new Map();
    let name = `bench-${args.seconds}s`;
    if (args.project !== null) {
      const opened = await openProjectForCli(args.project, io);
      if (opened === null) return EXIT.projectInvalid;
      ({ project, assets } = opened);
      name = 'bench-sample';
    } else {
      project = benchProject(args.seconds);
    }
    const started = performance.now();
    let frames: number;
    let size: { width: number; height: number; fps: number };
    let outputs: string[];
    if (args.batch === true) {
      const result = await exportBatch({
        project,
        assets,
        outputs: (['tiktok', 'reels', 'shorts'] as const).map((id) => ({
          id,
          preset: id,
          outputPath: path.join(args.dir, `${name}-batch-${id}.mp4`),
        })),
        ffmpeg: args.ffmpeg,
        ffmpegDiscovery: { env: io.env },
        sidecars: false,
        check: false,
      });
      const failed = result.outputs.find((o) => o.state !== 'done');
      if (failed !== undefined) throw new Error(failed.error?.message ?? 'the batch export failed');
      const first = result.outputs[0];
      frames = result.renderedFrames;
      size = { width: first?.width ?? 0, height: first?.height ?? 0, fps: first?.fps ?? 0 };
      outputs = result.outputs.map((o) => o.outputPath);
    } else {
      const result = await exportVideo({
        project,
        assets,
        outputPath: path.join(args.dir, `${name}.mp4`),
        preset: 'tiktok',
        ffmpeg: args.ffmpeg,
        ffmpegDiscovery: { env: io.env },
        sidecars: false,
        jobs: args.jobs,
      });
      frames = result.frames;
      size = { width: result.width, height: result.height, fps: result.fps };
      outputs = [result.outputPath];
    }
    const wallSeconds = (performance.now() - started) / 1000;
    const own = process.resourceUsage();
    // maxRSS (kilobytes) is the kernel's high-water mark: the true peak, with nothing sampled
    // while the export runs (process.memoryUsage() every 25 ms cost the sample about 0.1 s).
    const peak = own.maxRSS * 1024;
    const run: BenchRun = {
      label: name,
      frames,
      ...size,
      wallSeconds,
      // Includes this process's start-up (module loading, fonts): a fair share of an export.
      ownCpuSeconds: (own.userCPUTime + own.systemCPUTime) / 1e6,
      ffmpegCpuSeconds: childrenCpuSeconds(),
      stages: stageSeconds(),
      peaks: [{ pid: process.pid, name: 'node (export)', peakBytes: peak }, ...children.stop()],
      outputs,
    };
    io.out(`${JSON.stringify(run)}\n`);
    return EXIT.ok;
  } finally {
    children.stop();
  }
}

/** The export's video decoded to raw yuv420p, for the baseline (not timed). */
async function decodeToRaw(ffmpeg: FoundFfmpeg, video: string, dir: string): Promise<string> {
  const raw = path.join(dir, 'same-frames.yuv');
  await runFfmpeg(ffmpeg.path, [
    '-v',
    'error',
    '-i',
    video,
    '-map',
    '0:v:0',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'yuv420p',
    '-y',
    raw,
  ]);
  return raw;
}

/**
 * The baseline: ffmpeg alone encoding the export's frames from that raw file with the export's
 * x264 arguments (timed, CPU and peak memory).
 */
async function encodeOnly(ffmpeg: FoundFfmpeg, run: BenchRun, raw: string, dir: string): Promise<EncodeOnly> {
  const output = path.join(dir, 'encode-only.mp4');
  try {
    const preset = PRESETS.tiktok;
    const settings: EncodeSettings = {
      width: run.width,
      height: run.height,
      inputPixFmt: 'yuv420p',
      fps: run.fps,
      frameCount: run.frames,
      video: preset.video,
      audio: preset.audio,
      faststart: preset.faststart,
      audioClips: [],
      metadata: { title: 'encode only', comment: '', description: '' },
      outputPath: output,
      features: ffmpegFeaturesFor(ffmpeg.version),
    };
    const inv = buildFfmpegInvocation(settings);
    const [videoInput, ...audioInputs] = inv.inputs;
    if (videoInput === undefined) throw new Error('no video input');
    const args = toArgList({ ...inv, inputs: [{ ...videoInput, source: raw }, ...audioInputs] });
    const cpuBefore = childrenCpuSeconds();
    const started = performance.now();
    const peakBytes = await runFfmpeg(ffmpeg.path, args);
    const wallSeconds = (performance.now() - started) / 1000;
    const cpuAfter = childrenCpuSeconds();
    return {
      wallSeconds,
      cpuSeconds: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
      peakBytes,
    };
  } finally {
    await rm(output, { force: true });
  }
}

/** Runs ffmpeg to the end; resolves with its peak memory (0 where unknown). */
function runFfmpeg(ffmpegPath: string, args: string[]): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    // The malloc setting the export's encoder and process get (useFrameFriendlyMalloc).
    const env = exportProcessEnvironment();
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    const peaks = child.pid === undefined ? null : watchProcessPeaks(child.pid, true);
    let tail = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (tail = (tail + d).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const peak = peaks?.stop()[0]?.peakBytes ?? 0;
      if (code === 0) resolve(peak);
      else reject(new Error(`ffmpeg alone failed: ${tail}`));
    });
  });
}
