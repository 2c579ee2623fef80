import { constants as fsConstants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../../core/schema';
import { projectDuration } from '../../core/timeline/timeline';
import { analyzeAudio } from '../audio/analyzeAudio';
import { ExportRangeError, frameRange, planAudio, type AudioClipPlan } from '../encodeSettings';
import { ExportError, fileErrorMessage, isDiskFull } from '../errors';
import {
  discoverFfmpeg,
  FfmpegNotFoundError,
  type DiscoverOptions,
  type FoundFfmpeg,
} from '../ffmpeg/discover';
import { throwIfCancelled } from './failures';
import { placeAsset, type AssetMap } from '../../node/assets';

/**
 * The plan stage's checks and preparations, made before any frame is drawn: the range, the
 * ffmpeg to use (and what the creator should know about it), the output folder, the audio.
 */

/** The part of the timeline to export, in seconds; the whole video by default. */
export type RangeRequest =
  { readonly from?: number | undefined; readonly to?: number | undefined } | undefined;

export interface FfmpegChoice {
  /** An ffmpeg path the user chose, or one already found (skips the search). */
  readonly ffmpeg?: string | FoundFfmpeg | null | undefined;
  /** Where else to look for ffmpeg (environment, bundled binary); tests narrow it. */
  readonly ffmpegDiscovery?: Omit<DiscoverOptions, 'configuredPath'> | undefined;
}

export function resolveRange(
  project: Project,
  fps: number,
  range: RangeRequest,
): ReturnType<typeof frameRange> {
  try {
    return frameRange(project, fps, range);
  } catch (err) {
    if (err instanceof ExportRangeError) throw new ExportError('invalid-range', err.message);
    throw err;
  }
}

/** `onProbeStarted`: while a found ffmpeg answers its probe, the caller may prepare other work. */
export async function findFfmpeg(options: FfmpegChoice, onProbeStarted?: () => void): Promise<FoundFfmpeg> {
  if (typeof options.ffmpeg === 'object' && options.ffmpeg !== null) return options.ffmpeg;
  try {
    return await discoverFfmpeg({
      ...options.ffmpegDiscovery,
      configuredPath: options.ffmpeg ?? null,
      onProbeStarted,
    });
  } catch (err) {
    if (err instanceof FfmpegNotFoundError) throw new ExportError('ffmpeg-not-found', err.message);
    throw err;
  }
}

/** What the creator should know about the ffmpeg found (ones passed over, the old bundled one). */
export function ffmpegWarnings(ffmpeg: FoundFfmpeg): string[] {
  const warnings = ffmpeg.skipped.map(
    (s) => `The ffmpeg at ${String(s.path)} (${s.source}) was not used: ${s.problem}.`,
  );
  if (ffmpeg.source === 'bundled') {
    warnings.push(
      'Using the ffmpeg bundled with Kindness Studio (a 2018 build). Installing a current ffmpeg is better.',
    );
  }
  return warnings;
}

/** Fails early, before any rendering, when the video could not be saved where asked. */
export async function checkOutputFolder(outputPath: string): Promise<void> {
  const dir = path.dirname(outputPath);
  try {
    if (!(await stat(dir)).isDirectory()) {
      throw new ExportError('write-failed', `The video cannot be saved: ${dir} is not a folder.`);
    }
    await access(dir, fsConstants.W_OK);
  } catch (err) {
    if (err instanceof ExportError) throw err;
    throw new ExportError('write-failed', fileErrorMessage(err, 'The video cannot be saved', outputPath));
  }
  try {
    if ((await stat(outputPath)).isDirectory()) {
      throw new ExportError('write-failed', `The video cannot be saved: ${outputPath} is a folder.`);
    }
  } catch (err) {
    if (err instanceof ExportError) throw err;
    // Not there yet: the usual case.
  }
}

/**
 * Writes the audio files the export hears into `dir` (ffmpeg reads them as inputs). Files are
 * named by asset id and a cleaned extension: no user text reaches ffmpeg's arguments.
 */
export async function prepareAudio(
  options: {
    readonly project: Project;
    readonly assets: AssetMap;
    readonly signal?: AbortSignal | undefined;
  },
  ffmpegPath: string,
  dir: string,
  rangeStart: number,
  rangeEnd: number,
  log: (line: string) => void,
  warnings: string[],
): Promise<AudioClipPlan[]> {
  const { project, assets } = options;
  const fileFor = (assetId: string): string | undefined =>
    assets.has(assetId) ? path.join(dir, `${assetId}${audioExtension(project, assetId)}`) : undefined;
  // Every file a heard track uses is written first, so the ones of unknown length can be measured.
  const durations = new Map<string, number>();
  for (const track of project.audio) {
    const file = fileFor(track.assetId);
    const data = assets.get(track.assetId);
    if (track.muted || file === undefined || data === undefined || durations.has(track.assetId)) continue;
    try {
      // A large sound is a spooled file: linked, never read into memory.
      await placeAsset(data, file);
    } catch (err) {
      throw new ExportError(
        isDiskFull(err) ? 'disk-full' : 'write-failed',
        fileErrorMessage(err, 'The audio could not be prepared', file),
      );
    }
    const known = project.assets[track.assetId]?.duration;
    durations.set(track.assetId, known ?? (await measureAudio(ffmpegPath, file, options.signal, log)));
  }
  const { clips, skipped } = planAudio(
    project.audio,
    projectDuration(project),
    rangeStart,
    rangeEnd,
    fileFor,
    (assetId) => {
      const d = durations.get(assetId);
      return d !== undefined && d > 0 ? d : undefined;
    },
  );
  for (const { track, reason } of skipped) {
    const name = track.name !== '' ? `"${track.name}"` : `track ${track.id}`;
    log(`Audio ${name} left out: ${reason}.`);
    if (!track.muted && fileFor(track.assetId) === undefined) {
      warnings.push(`The audio ${name} was left out: ${reason}.`);
    }
  }
  return clips;
}

/**
 * The length of a sound file (projects from before lengths were stored at import); 0 when it
 * cannot be measured, and the clip then runs to its set length or the video's end as before.
 */
async function measureAudio(
  ffmpegPath: string,
  file: string,
  signal: AbortSignal | undefined,
  log: (line: string) => void,
): Promise<number> {
  try {
    const { duration } = await analyzeAudio(ffmpegPath, file, signal ? { signal } : {});
    log(`Measured ${path.basename(file)}: ${duration.toFixed(3)} s.`);
    return duration;
  } catch (err) {
    throwIfCancelled(signal);
    log(`Could not measure ${path.basename(file)}: ${err instanceof Error ? err.message : String(err)}.`);
    return 0;
  }
}

function audioExtension(project: Project, assetId: string): string {
  const name = project.assets[assetId]?.name ?? '';
  const ext = path.extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : '.audio';
}
