import { videoLengthWarning } from '../../core/platform/videoLength';
import { projectDuration } from '../../core/timeline/timeline';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIo } from '../io';
import { openProjectForCli, printWarnings } from '../openProject';

export async function validateCommand(project: string, io: CliIo): Promise<ExitCode> {
  const opened = await openProjectForCli(project, io);
  if (opened === null) return EXIT.projectInvalid;
  const p = opened.project;
  const length = videoLengthWarning(projectDuration(p));
  if (length !== null) opened.warnings.push(length);
  printWarnings(io, opened.warnings);
  const repaired =
    opened.warnings.length > 0
      ? ` (${opened.warnings.length} warning${opened.warnings.length === 1 ? '' : 's'})`
      : '';
  io.out(
    `${project} is a valid project${repaired}: "${p.title}", ${p.scenes.length} scene${p.scenes.length === 1 ? '' : 's'}, ${p.video.width}x${p.video.height} at ${p.video.fps} fps.\n`,
  );
  return EXIT.ok;
}
