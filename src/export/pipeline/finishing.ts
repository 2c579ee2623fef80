import { copyFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { PlatformId } from '../../core/platform/platforms';
import type { Project } from '../../core/schema';
import { PART_SUFFIX } from '../atomicFile';
import { ExportError, fileErrorMessage, isDiskFull } from '../errors';
import { writeSidecars } from '../sidecars/writeSidecars';

/**
 * The finishing stage: every place where the export puts a file on disk, and nothing else.
 * Kept in one module so the one atomic writer (exclusive temporary names, no links followed,
 * fsync, name reservation; issue 10) replaces these calls in one place.
 */

/** Where an output is written while it is being made, and where it goes when complete. */
export interface OutputNames {
  readonly finalPath: string;
  readonly partPath: string;
}

/**
 * The names an output will use. Today: its resolved path and `NAME.part` beside it; this is
 * where a reservation (so that two jobs never write the same file) belongs.
 */
export function reserveOutputNames(outputPath: string): OutputNames {
  const finalPath = path.resolve(outputPath);
  return { finalPath, partPath: finalPath + PART_SUFFIX };
}

/**
 * Gives the finished `.part` file its real name. A failure (a full disk, say) is an
 * ExportError naming the file; the `.part` is then removed.
 */
export async function moveIntoPlace(names: OutputNames, what: 'video' | 'GIF'): Promise<void> {
  try {
    await rename(names.partPath, names.finalPath);
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
 * name, through its `.part` like any other output.
 */
export async function placeCopy(file: string, names: OutputNames, what: 'video' | 'GIF'): Promise<void> {
  try {
    await copyFile(file, names.partPath);
  } catch (err) {
    await discardPartial(names);
    throw new ExportError(
      isDiskFull(err) ? 'disk-full' : 'write-failed',
      fileErrorMessage(err, `The ${what} could not be saved`, names.finalPath),
    );
  }
  await moveIntoPlace(names, what);
}

/** Removes what an output that did not finish left (its `.part` file); never throws. */
export async function discardPartial(names: OutputNames): Promise<void> {
  await rm(names.partPath, { force: true }).catch(() => undefined);
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
