import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIo } from '../io';
import { openProjectForCli, printWarnings } from '../openProject';

export async function validateCommand(project: string, io: CliIo): Promise<ExitCode> {
  const opened = await openProjectForCli(project, io);
  if (opened === null) return EXIT.projectInvalid;
  printWarnings(io, opened.warnings);
  const p = opened.project;
  const repaired =
    opened.warnings.length > 0
      ? ` (${opened.warnings.length} warning${opened.warnings.length === 1 ? '' : 's'})`
      : '';
  io.out(
    `${project} is a valid project${repaired}: "${p.title}", ${p.scenes.length} scene${p.scenes.length === 1 ? '' : 's'}, ${p.video.width}x${p.video.height} at ${p.video.fps} fps.\n`,
  );
  return EXIT.ok;
}
