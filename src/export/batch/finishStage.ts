import type { Project } from '../../core/schema';
import type { ReplacePolicy } from '../../node/files';
import type { FrameSource } from '../frameSource';
import { writeOutputSidecars } from '../pipeline/finishing';
import { postText } from '../sidecars/postText';
import type { OutputRun } from './outputRun';

export interface FinishStageInput {
  readonly project: Project;
  /** Draws the cover; null when no sidecars are wanted. */
  readonly source: FrameSource | null;
  /** The range in project seconds, and its frame rate. */
  readonly rangeStart: number;
  readonly rangeEnd: number;
  readonly fps: number;
  readonly renderedCount: number;
  readonly sidecars: boolean;
  readonly check: boolean;
  readonly replace: ReplacePolicy | undefined;
  readonly probe: () => Promise<string | null>;
}

/**
 * The finishing stage of every output still wanted: its file saved under its name, then its
 * sidecars (captions, post text, cover), then the file read back and checked.
 */
export async function finishOutputs(runs: readonly OutputRun[], input: FinishStageInput): Promise<void> {
  const { project, source } = input;
  await Promise.all(
    runs
      .filter((r) => r.live)
      .map(async (run) => {
        if (!(await run.save())) return;
        if (run.planned.preset.id !== 'gif' && input.sidecars) {
          const sidecars = await writeOutputSidecars({
            project,
            videoPath: run.finalPath,
            rangeStart: input.rangeStart,
            rangeEnd: input.rangeEnd,
            fps: input.fps,
            platform: run.planned.preset.platform,
            renderPng: source?.renderPng?.bind(source),
            replace: input.replace,
          });
          run.sidecars.push(...sidecars.files);
          run.warnings.push(...sidecars.warnings);
        } else if (run.planned.preset.platform !== null) {
          run.warnings.push(...postText(project.post, run.planned.preset.platform).warnings);
        }
        if (input.check) await run.check(await input.probe(), input.renderedCount);
        run.finish();
      }),
  );
}
