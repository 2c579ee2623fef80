import { constants as fsConstants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runTool, ToolTimeoutError } from './runTool';

/**
 * Finds a working ffmpeg: a configured path, then FFMPEG_PATH, then PATH, then the binary
 * bundled through npm (@ffmpeg-installer/ffmpeg, a 2018 build: a fallback only). Every
 * candidate is run (`-version`, `-encoders`, no shell, with a timeout) and must have the
 * libx264 and aac encoders. When none works, the error names each place tried and why.
 */
export type FfmpegSource = 'configured' | 'FFMPEG_PATH' | 'PATH' | 'bundled';

export interface FoundFfmpeg {
  readonly path: string;
  readonly version: string;
  readonly source: FfmpegSource;
  /** Candidates tried before this one and why they were passed over (worth a warning). */
  readonly skipped: readonly DiscoveryAttempt[];
}

export interface DiscoveryAttempt {
  readonly source: FfmpegSource | 'FFPROBE_PATH' | 'beside ffmpeg';
  /** The file tried, or null when the source gave none (variable not set, ...). */
  readonly path: string | null;
  readonly problem: string;
}

export interface DiscoverOptions {
  /** A path the user chose (settings, `--ffmpeg`). */
  readonly configuredPath?: string | null | undefined;
  /** Defaults to process.env: FFMPEG_PATH, FFPROBE_PATH, PATH, KINDNESS_NO_BUNDLED_FFMPEG. */
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** false: skip the bundled binary; a string: use this file as the bundled one (tests). */
  readonly bundled?: boolean | string | undefined;
  /** Per probe run; default 10 s (a cold disk can be slow to start a 70 MB binary). */
  readonly timeoutMs?: number | undefined;
  /** Called each time a candidate's probe has started (its start-up takes 0.1-0.2 s). */
  readonly onProbeStarted?: (() => void) | undefined;
}

export const INSTALL_HINT =
  'Install ffmpeg (Debian/Ubuntu: sudo apt-get install ffmpeg) or set FFMPEG_PATH to an ffmpeg binary.';

const DEFAULT_TIMEOUT_MS = 10_000;

export class FfmpegNotFoundError extends Error {
  override readonly name = 'FfmpegNotFoundError';
  readonly kind = 'ffmpeg-not-found' as const;
  constructor(
    readonly tool: 'ffmpeg' | 'ffprobe',
    readonly attempts: readonly DiscoveryAttempt[],
  ) {
    super(notFoundMessage(tool, attempts));
  }
}

function notFoundMessage(tool: 'ffmpeg' | 'ffprobe', attempts: readonly DiscoveryAttempt[]): string {
  const lines = attempts.map((a) => `  - ${describeSource(a)}: ${a.problem}`);
  const hint =
    tool === 'ffmpeg'
      ? INSTALL_HINT
      : 'Install ffmpeg, which includes ffprobe (Debian/Ubuntu: sudo apt-get install ffmpeg), or set FFPROBE_PATH.';
  return [`No working ${tool} was found, so the video cannot be made. Tried:`, ...lines, hint].join('\n');
}

function describeSource(a: DiscoveryAttempt): string {
  const where = a.path !== null ? ` (${a.path})` : '';
  switch (a.source) {
    case 'configured':
      return `the ffmpeg you chose${where}`;
    case 'bundled':
      return `the ffmpeg bundled with Kindness Studio${where}`;
    case 'beside ffmpeg':
      return `next to ffmpeg${where}`;
    default:
      return `${a.source}${where}`;
  }
}

export async function discoverFfmpeg(options: DiscoverOptions = {}): Promise<FoundFfmpeg> {
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const attempts: DiscoveryAttempt[] = [];
  const bin = executableName('ffmpeg');

  const candidates: { source: FfmpegSource; find: () => Promise<string | DiscoveryProblem> }[] = [
    { source: 'configured', find: async () => nonEmpty(options.configuredPath) ?? problem('none chosen') },
    { source: 'FFMPEG_PATH', find: async () => nonEmpty(env.FFMPEG_PATH) ?? problem('not set') },
    { source: 'PATH', find: () => searchPath(bin, env.PATH) },
    { source: 'bundled', find: async () => bundledPath(options.bundled, env) },
  ];

  for (const { source, find } of candidates) {
    const found = await find();
    if (typeof found !== 'string') {
      // Sources that were simply not set are listed only when nothing works.
      attempts.push({ source, path: null, problem: found.problem });
      continue;
    }
    const probe = await probeFfmpeg(found, timeoutMs, options.onProbeStarted);
    if (probe.ok) {
      return {
        path: found,
        version: probe.version,
        source,
        skipped: attempts.filter((a) => a.path !== null),
      };
    }
    attempts.push({ source, path: found, problem: probe.problem });
  }
  throw new FfmpegNotFoundError('ffmpeg', attempts);
}

export interface FoundFfprobe {
  readonly path: string;
  readonly version: string;
}

/** ffprobe (for tests and checks): configured, FFPROBE_PATH, next to an ffmpeg, then PATH. */
export async function discoverFfprobe(
  options: {
    configuredPath?: string | null;
    besideFfmpeg?: string | null;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
  } = {},
): Promise<FoundFfprobe> {
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const bin = executableName('ffprobe');
  const attempts: DiscoveryAttempt[] = [];
  const beside = nonEmpty(options.besideFfmpeg);
  const candidates: { source: DiscoveryAttempt['source']; find: () => Promise<string | DiscoveryProblem> }[] =
    [
      { source: 'configured', find: async () => nonEmpty(options.configuredPath) ?? problem('none chosen') },
      { source: 'FFPROBE_PATH', find: async () => nonEmpty(env.FFPROBE_PATH) ?? problem('not set') },
      {
        source: 'beside ffmpeg',
        find: async () =>
          beside !== null ? path.join(path.dirname(beside), bin) : problem('no ffmpeg given'),
      },
      { source: 'PATH', find: () => searchPath(bin, env.PATH) },
    ];
  for (const { source, find } of candidates) {
    const found = await find();
    if (typeof found !== 'string') {
      attempts.push({ source, path: null, problem: found.problem });
      continue;
    }
    const result = await probeVersion(found, 'ffprobe', timeoutMs);
    if (result.ok) return { path: found, version: result.version };
    attempts.push({ source, path: found, problem: result.problem });
  }
  throw new FfmpegNotFoundError('ffprobe', attempts);
}

interface DiscoveryProblem {
  readonly problem: string;
}

function problem(text: string): DiscoveryProblem {
  return { problem: text };
}

function nonEmpty(value: string | null | undefined): string | null {
  return value !== undefined && value !== null && value.trim() !== '' ? value : null;
}

function executableName(tool: string): string {
  return process.platform === 'win32' ? `${tool}.exe` : tool;
}

async function searchPath(bin: string, pathVar: string | undefined): Promise<string | DiscoveryProblem> {
  const dirs = (pathVar ?? '').split(path.delimiter).filter((d) => d !== '');
  if (dirs.length === 0) return problem('PATH is empty');
  for (const dir of dirs) {
    const file = path.join(dir, bin);
    if (await isFile(file)) return file;
  }
  return problem(`no ${bin} in any of its ${dirs.length} folder${dirs.length === 1 ? '' : 's'}`);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function bundledPath(
  setting: boolean | string | undefined,
  env: NodeJS.ProcessEnv,
): string | DiscoveryProblem {
  if (typeof setting === 'string') return setting;
  if (setting === false) return problem('turned off');
  if (env.KINDNESS_NO_BUNDLED_FFMPEG === '1') return problem('turned off (KINDNESS_NO_BUNDLED_FFMPEG=1)');
  try {
    // The installer package throws a plain string when its platform binary is missing.
    const require = createRequire(import.meta.url);
    const installer = require('@ffmpeg-installer/ffmpeg') as { path?: unknown };
    return typeof installer.path === 'string' ? installer.path : problem('the package gave no path');
  } catch (err) {
    return problem(`not installed (${err instanceof Error ? err.message : String(err)})`);
  }
}

type ProbeResult = { ok: true; version: string } | { ok: false; problem: string };

/**
 * One run answers both questions: `ffmpeg -encoders` prints its banner (with the version) on
 * stderr and the encoder list on stdout. Every start of ffmpeg costs a few hundred ms on a
 * busy machine, which a short export notices.
 */
async function probeFfmpeg(file: string, timeoutMs: number, onStarted?: () => void): Promise<ProbeResult> {
  const unusable = await checkExecutable(file);
  if (unusable !== null) return { ok: false, problem: unusable };
  let r;
  try {
    r = await runTool(file, ['-encoders'], timeoutMs, { onStarted });
  } catch (err) {
    return { ok: false, problem: runProblem(err) };
  }
  const m = /^ffmpeg version (\S+)/m.exec(r.stderr);
  if (r.code !== 0 || !m) {
    return { ok: false, problem: `is not a working ffmpeg (\`ffmpeg -encoders\` ${describeExit(r.code)})` };
  }
  const version = m[1] as string;
  const missing = [
    hasEncoder(r.stdout, 'V', 'libx264') ? null : 'the H.264 encoder (libx264)',
    hasEncoder(r.stdout, 'A', 'aac') ? null : 'the AAC audio encoder (aac)',
  ].filter((x): x is string => x !== null);
  if (missing.length > 0) return { ok: false, problem: `version ${version} lacks ${missing.join(' and ')}` };
  return { ok: true, version };
}

/** `-encoders` lines look like ` V....D libx264   libx264 H.264 / AVC ...`. */
function hasEncoder(list: string, type: 'V' | 'A', name: string): boolean {
  return new RegExp(`^\\s*${type}\\S*\\s+${name}\\s`, 'm').test(list);
}

async function probeVersion(
  file: string,
  tool: 'ffmpeg' | 'ffprobe',
  timeoutMs: number,
): Promise<ProbeResult> {
  const unusable = await checkExecutable(file);
  if (unusable !== null) return { ok: false, problem: unusable };
  try {
    const r = await runTool(file, ['-hide_banner', '-version'], timeoutMs);
    const m = new RegExp(`^${tool} version (\\S+)`).exec(r.stdout);
    if (r.code !== 0 || !m) {
      return {
        ok: false,
        problem: `is not a working ${tool} (\`${tool} -version\` ${describeExit(r.code)})`,
      };
    }
    return { ok: true, version: m[1] as string };
  } catch (err) {
    return { ok: false, problem: runProblem(err) };
  }
}

function describeExit(code: number | null): string {
  return code === 0 ? 'printed something else' : `failed with exit code ${String(code)}`;
}

async function checkExecutable(file: string): Promise<string | null> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return 'no such file';
  }
  if (!info.isFile()) return 'is a folder, not a program';
  try {
    await access(file, fsConstants.X_OK);
  } catch {
    return `is not executable (make it so with: chmod +x "${file}")`;
  }
  return null;
}

function runProblem(err: unknown): string {
  if (err instanceof ToolTimeoutError) return err.message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied when starting it';
  return `could not be started (${err instanceof Error ? err.message : String(err)})`;
}
