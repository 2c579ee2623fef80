import { rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { removeStaleLeftovers } from '../../../node/files';
import { sidecarPaths } from '../../../export/sidecars/writeSidecars';

/** Files written within this long before the job started count as the job's (coarse file times). */
const CLOCK_SLACK_MS = 2000;
/** Where older versions of the studio had ffmpeg write (`NAME.mp4.part`, in plain sight). */
const OLDER_PART_SUFFIX = '.part';

/** Ends a process; a pid that has exited already is fine. */
function killProcess(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

/**
 * After the export process died mid-way: ends the ffmpeg processes it still had running, then
 * removes what its unfinished outputs wrote, so nothing half-made is left: every temp file of
 * the video and its sidecars, and the video and sidecars themselves when they were already in
 * place (saved but not yet checked), if they were written since the job started. A file that
 * was there before the job is never touched.
 */
export async function cleanUpAfterCrash(
  videoPaths: readonly string[],
  pids: readonly number[],
  jobStartedAt: number,
  kill: (pid: number) => void = killProcess,
): Promise<void> {
  for (const pid of pids) kill(pid);
  // Retries: on Windows a file stays locked for a moment after its writer was ended.
  const remove = (file: string) =>
    rm(file, { force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
  for (const video of videoPaths) {
    // The hidden temp files of the one writer whose process is gone (the export process).
    await removeStaleLeftovers(dirname(video));
    for (const file of [video, ...sidecarPaths(video)]) {
      await remove(`${file}${OLDER_PART_SUFFIX}`);
      const info = await stat(file).catch(() => null);
      if (info?.isFile() === true && info.mtimeMs >= jobStartedAt - CLOCK_SLACK_MS) await remove(file);
    }
  }
}
