import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { projectDuration } from '../../core/timeline/timeline';
import { writeFileAtomic } from '../../node/files';
import { fileErrorMessage } from '../../export/errors';
import { createProjectFrameSource } from '../../export/projectFrameSource';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIo } from '../io';
import { openProjectForCli, printWarnings, projectBaseName } from '../openProject';
import { guardOutputs } from '../outputGuard';
import { UsageError } from '../usageError';

export async function renderFrameCommand(
  args: { project: string; time: number; output: string | null; force: boolean },
  io: CliIo,
): Promise<ExitCode> {
  const output = path.resolve(io.cwd, args.output ?? `${projectBaseName(args.project)}-${args.time}s.png`);
  // Before any work: never over the project, never over an existing file without --force.
  await guardOutputs('render-frame', path.resolve(io.cwd, args.project), [output], args.force);
  const opened = await openProjectForCli(args.project, io);
  if (opened === null) return EXIT.projectInvalid;
  printWarnings(io, opened.warnings);
  const { project, assets } = opened;
  const duration = projectDuration(project);
  if (args.time >= duration) {
    throw new UsageError(`--time ${args.time} is past the end of the video (${duration} s).`, 'render-frame');
  }
  const source = await createProjectFrameSource(project, assets, {
    width: project.video.width,
    height: project.video.height,
    fps: project.video.fps,
    firstFrame: 0,
    watermark: null,
    log: (line) => io.err(`${line}\n`),
  });
  try {
    const png = source.renderPng?.(args.time);
    if (png === undefined) throw new Error('this renderer cannot make pictures');
    await mkdir(path.dirname(output), { recursive: true });
    await writeFileAtomic(output, png, { replace: args.force ? 'always' : 'never' });
  } catch (err) {
    io.err(`${fileErrorMessage(err, 'The picture could not be saved', output)}\n`);
    return EXIT.exportFailed;
  } finally {
    source.destroy();
  }
  io.out(`${output}\n`);
  return EXIT.ok;
}
