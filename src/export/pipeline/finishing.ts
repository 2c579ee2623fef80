import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { PlatformId } from '../../core/platform/platforms';
import type { Project } from '../../core/schema';
import {
  claimWriterTemp,
  commitTemp,
  copyIntoTemp,
  createExclusive,
  errorCode,
  releaseWriterTemp,
  reserveTempFile,
  removeStaleLeftovers,
  type ReplacePolicy,
} from '../../node/files';
import { ExportError, fileErrorMessage, isDiskFull } from '../errors';
import { writeSidecars } from '../sidecars/writeSidecars';

/**
 * The finishing stage: every place where the export puts a file on disk, and nothing else, all
 * through the one atomic writer (src/node/files): temp files created exclusively under unique
 * hidden names (a link planted there is never followed), flushed, renamed, folder synced; a file
 * the job did not make is never replaced unless the user said so.
 */

/** Where an output is written while it is being made, and where it goes when complete. */
export interface OutputNames {
  readonly finalPath: string;
  readonly partPath: string;
}

/**
 * The names an output will use: its resolved path, and a hidden temp name of the one writer
 * beside it (claimed now so a cleanup never takes it for a leftover; created in createPart).
 */
export function reserveOutputNames(outputPath: string): OutputNames {
  const finalPath = path.resolve(outputPath);
  return { finalPath, partPath: claimWriterTemp(finalPath) };
}

/**
 * Creates the temp file ffmpeg will write, exclusively, so what ffmpeg opens is our own plain
 * file and never a planted link; first clears what killed exports left in that folder.
 */
export async function createPart(names: OutputNames): Promise<OutputNames> {
  await removeStaleLeftovers(path.dirname(names.finalPath));
  try {
    await (await createExclusive(names.partPath)).close();
    return names;
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    // Something (a planted link) took the claimed name: never used, another fresh name instead.
    releaseWriterTemp(names.partPath);
    const fresh = await reserveTempFile(names.finalPath);
    return { finalPath: names.finalPath, partPath: fresh.path };
  }
}

/**
 * Checks a finished temp file (null: fine, else why it is not) before it takes its real name:
 * the export's decode check, so "done" never names a video that does not play.
 */
export type FinishedFileCheck = (partPath: string) => Promise<string | null>;

/**
 * Gives the finished `.part` file its real name, once `check` (when given) passed. A failure
 * (a full disk, a file that does not decode) is an ExportError naming the file; the `.part` is
 * then removed, so nothing half-made is ever left under the final name.
 */
export async function moveIntoPlace(
  names: OutputNames,
  what: 'video' | 'GIF',
  replace: ReplacePolicy,
  check?: FinishedFileCheck,
): Promise<void> {
  const problem = check === undefined ? null : await check(names.partPath);
  if (problem !== null) {
    await discardPartial(names);
    throw new ExportError(
      'ffmpeg-failed',
      `The ${what} was not saved: ffmpeg finished, but the file it made does not play to the end (${problem}). Nothing was kept; try again.`,
      problem,
    );
  }
  try {
    await commitTemp(names.partPath, names.finalPath, { replace });
    releaseWriterTemp(names.partPath);
  } catch (err) {
    await discardPartial(names);
    throw new ExportError(
      isDiskFull(err) ? 'disk-full' : 'write-failed',
      fileErrorMessage(err, `The ${what} could not be saved`, names.finalPath),
    );
  }
}

/**
 * Puts a copy of a finished file (made once for several identical outputs) under an output's
 * name, through its `.part` like any other output (checked the same way).
 */
export async function placeCopy(
  file: string,
  names: OutputNames,
  what: 'video' | 'GIF',
  replace: ReplacePolicy,
  check?: FinishedFileCheck,
): Promise<void> {
  try {
    await copyIntoTemp(file, names.partPath);
  } catch (err) {
    await discardPartial(names);
    throw new ExportError(
      isDiskFull(err) ? 'disk-full' : 'write-failed',
      fileErrorMessage(err, `The ${what} could not be saved`, names.finalPath),
    );
  }
  await moveIntoPlace(names, what, replace, check);
}

/** Removes what an output that did not finish left (its `.part` file); never throws. */
export async function discardPartial(names: OutputNames): Promise<void> {
  await rm(names.partPath, { force: true }).catch(() => undefined);
  releaseWriterTemp(names.partPath);
}

export interface SidecarJob {
  readonly project: Project;
  readonly videoPath: string;
  readonly rangeStart: number;
  readonly rangeEnd: number;
  readonly fps: number;
  readonly platform: PlatformId | null;
  /** Draws the project at a time (project seconds) as a PNG, for the cover; absent: no cover. */
  readonly renderPng?: ((time: number) => Uint8Array) | undefined;
  /** Whether a file already at a sidecar's name may be replaced; by default it is kept. */
  readonly replace?: ReplacePolicy | undefined;
}

/**
 * Captions (SRT, VTT), post text and cover beside a saved video (through writeFileAtomic).
 * The video is saved already: a file that cannot be written becomes a warning, not a failure.
 */
export async function writeOutputSidecars(job: SidecarJob): Promise<{ files: string[]; warnings: string[] }> {
  const { renderPng, rangeEnd, fps } = job;
  try {
    const result = await writeSidecars({
      project: job.project,
      videoPath: job.videoPath,
      rangeStart: job.rangeStart,
      rangeEnd,
      platform: job.platform,
      replace: job.replace,
      // The cover's moment, kept inside the exported range.
      renderCoverPng: renderPng ? (t) => renderPng(Math.min(t, rangeEnd - 0.5 / fps)) : undefined,
    });
    return { files: [...result.files], warnings: [...result.warnings] };
  } catch (err) {
    return {
      files: [],
      warnings: [
        fileErrorMessage(err, 'The caption, post-text or cover files could not be written', job.videoPath),
      ],
    };
  }
}
