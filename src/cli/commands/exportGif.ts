import { exportBatch } from '../../export/batch/exportBatch';
import { reserveNames } from '../../node/files';
import type { Project } from '../../core/schema';
import { EXIT, exitCodeFor, type ExitCode } from '../exitCodes';
import type { CliIo } from '../io';
import { printWarnings } from '../openProject';
import { createProgressDisplay } from '../progress';
import type { ExportArgs } from './export';
import type { AssetMap } from '../../node/assets';

export interface GifExportRequest {
  readonly args: ExportArgs;
  readonly project: Project;
  readonly assets: AssetMap;
  /** The GIF to write (absolute); `NAME.part` first, renamed when complete. */
  readonly output: string;
  readonly io: CliIo;
  readonly debug: boolean;
}

/**
 * `kindness export --preset gif`: the studio's GIF output (one palette for the clip, every
 * n-th frame of the render), through the batch exporter the export dialog uses, so the CLI
 * and the dialog make the same file.
 */
export async function exportGif(request: GifExportRequest, signal: AbortSignal): Promise<ExitCode> {
  const { args, io, output } = request;
  const progress = createProgressDisplay(io.err, io.isTTY);
  const started = performance.now();
  // Reserved, so a second run writing the same GIF at the same time is refused, not mixed in.
  const reserved = await reserveNames([output], { replace: args.force ? 'always' : 'never' });
  if (!reserved.ok) {
    io.err(
      reserved.reason === 'busy'
        ? `The GIF was not made: another export is writing ${output} right now. Choose another -o, or wait until it is done.\n`
        : `The GIF was not made: ${output} already exists. Choose another -o, or add --force to replace it.\n`,
    );
    return EXIT.exportFailed;
  }
  io.err(`Exporting ${args.project} (gif) to ${output}\n`);
  const result = await exportBatch({
    replace: args.force ? 'always' : 'never',
    project: request.project,
    assets: request.assets,
    outputs: [{ id: 'gif', preset: 'gif', outputPath: output }],
    range: { from: args.from, to: args.to },
    ffmpeg: args.ffmpeg,
    ffmpegDiscovery: { env: io.env },
    signal,
    onProgress: (p) => {
      const seconds = (performance.now() - started) / 1000;
      progress.update({ ...p, fps: seconds > 0 ? p.frame / seconds : 0 });
    },
    log: (line) => {
      if (request.debug || line.startsWith('Using ffmpeg')) {
        progress.finish();
        io.err(`${line}\n`);
      }
    },
  });
  progress.finish();
  await reserved.reservation.release();
  const gif = result.outputs[0];
  if (gif === undefined || gif.state !== 'done') {
    const failure = gif?.error ?? null;
    io.err(`${failure?.message ?? 'The GIF was not made.'}\n`);
    if (request.debug && failure !== null && failure.detail !== '') io.err(`${failure.detail}\n`);
    return gif?.state === 'cancelled' ? EXIT.cancelled : exitCodeFor(failure?.kind ?? 'ffmpeg-failed');
  }
  printWarnings(io, gif.warnings);
  for (const check of gif.report?.checks ?? []) {
    if (check.level !== 'pass') printWarnings(io, [`${check.label}: ${check.detail}`]);
  }
  io.err(
    `Done: ${gif.durationSeconds.toFixed(2)} s of ${gif.width}x${gif.height} GIF at ${gif.fps} fps in ${result.elapsedSeconds.toFixed(1)} s.\n`,
  );
  io.out(`${gif.outputPath}\n`);
  return EXIT.ok;
}
