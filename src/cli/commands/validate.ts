import { videoLengthWarning } from '../../core/platform/videoLength';
import { projectDuration } from '../../core/timeline/timeline';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIo } from '../io';
import { openProjectForCli, printWarnings } from '../openProject';
import { createAudioService } from '../../host/node/audio/audioService';
import { checkProjectSounds } from '../../host/node/audio/checkProjectSounds';

export async function validateCommand(project: string, io: CliIo): Promise<ExitCode> {
  const opened = await openProjectForCli(project, io);
  if (opened === null) return EXIT.projectInvalid;
  const p = opened.project;
  // Sounds are read as the export will read them: a damaged one is named now, not at export time.
  const sounds = await checkProjectSounds(p, opened.assets, createAudioService());
  if (sounds.notChecked !== null) opened.warnings.push(sounds.notChecked);
  if (sounds.problems.length > 0) {
    printWarnings(io, opened.warnings);
    io.err(`${project} cannot be exported as it is:
`);
    for (const problem of sounds.problems)
      io.err(`  - ${problem.message}
`);
    return EXIT.projectInvalid;
  }
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
