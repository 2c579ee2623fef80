import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { readabilityReport } from '../../export/readabilityReport';
import { ExportError } from '../../export/errors';
import { exportVideo } from '../../export/exportVideo';
import { useFrameFriendlyMalloc } from '../../export/ffmpeg/mallocTunables';
import { outputPreset, type OutputPresetId } from '../../export/presets';
import { EXIT, exitCodeFor, type ExitCode } from '../exitCodes';
import type { CliIo } from '../io';
import { openProjectForCli, printWarnings, projectBaseName } from '../openProject';
import { createProgressDisplay } from '../progress';
import { sidecarPaths } from '../../export/sidecars/writeSidecars';
import { guardOutputs } from '../outputGuard';
import { exportGif } from './exportGif';

export interface ExportArgs {
  readonly project: string;
  readonly output: string | null;
  /** A video preset, or `gif`. */
  readonly preset: OutputPresetId;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly ffmpeg: string | null;
  readonly sidecars: boolean;
  /** Replace files already at the output's names (never the project itself). */
  readonly force: boolean;
  /** Chunks rendered and encoded at once (a GIF is always one pass). */
  readonly jobs: number | 'auto';
}

export async function exportCommand(args: ExportArgs, io: CliIo): Promise<ExitCode> {
  const extension = args.preset === 'gif' ? '.gif' : '.mp4';
  const output = path.resolve(io.cwd, args.output ?? `${projectBaseName(args.project)}${extension}`);
  // Before any work: never over the project, never over an existing file without --force.
  const writes = args.preset !== 'gif' && args.sidecars ? [output, ...sidecarPaths(output)] : [output];
  await guardOutputs('export', path.resolve(io.cwd, args.project), writes, args.force);
  const opened = await openProjectForCli(args.project, io);
  if (opened === null) return EXIT.projectInvalid;
  printWarnings(io, opened.warnings);
  const platform = outputPreset(args.preset).platform;
  printWarnings(io, await readabilityReport(opened.project, opened.assets, platform ?? 'all'));

  try {
    await mkdir(path.dirname(output), { recursive: true });
  } catch {
    // exportVideo says precisely what is wrong with the folder.
  }
  const debug = io.env.KINDNESS_DEBUG === '1';
  useFrameFriendlyMalloc();
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => {
    io.err('\nStopping the export...\n');
    controller.abort();
  });
  if (args.preset === 'gif') {
    try {
      return await exportGif(
        { args, project: opened.project, assets: opened.assets, output, io, debug },
        controller.signal,
      );
    } finally {
      stopListening();
    }
  }
  const preset = args.preset;
  const progress = createProgressDisplay(io.err, io.isTTY);
  io.err(`Exporting ${args.project} (${preset}) to ${output}\n`);
  try {
    const result = await exportVideo({
      project: opened.project,
      assets: opened.assets,
      outputPath: output,
      preset,
      range: { from: args.from, to: args.to },
      ffmpeg: args.ffmpeg,
      ffmpegDiscovery: { env: io.env },
      signal: controller.signal,
      sidecars: args.sidecars,
      replace: args.force ? 'always' : 'never',
      jobs: args.jobs,
      onProgress: (p) => progress.update(p),
      log: (line) => {
        if (debug || line.startsWith('Using ffmpeg') || line.startsWith('Exporting in ')) {
          progress.finish();
          io.err(`${line}\n`);
        }
      },
    });
    progress.finish();
    printWarnings(io, result.warnings);
    const speed =
      result.elapsedSeconds > 0 ? ` (${(result.frames / result.elapsedSeconds).toFixed(1)} fps)` : '';
    io.err(
      `Done: ${result.durationSeconds.toFixed(2)} s of ${result.width}x${result.height} video in ${result.elapsedSeconds.toFixed(1)} s${speed}.\n`,
    );
    for (const file of [result.outputPath, ...result.sidecars]) io.out(`${file}\n`);
    return EXIT.ok;
  } catch (err) {
    progress.finish();
    if (!(err instanceof ExportError)) throw err;
    io.err(`${err.message}\n`);
    if (debug && err.detail !== '') io.err(`${err.detail}\n`);
    return exitCodeFor(err.kind);
  } finally {
    stopListening();
  }
}
