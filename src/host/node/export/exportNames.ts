import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { outputFileName, type ExportOutputId } from '../../contract';

// Named as the dialog shows them (host/contract/exportFileNames.ts).
export { cleanBaseName, outputFileName } from '../../contract';
import { sidecarPaths } from '../../../export/sidecars/writeSidecars';
import { reserveNames, type Reservation } from '../../../node/files';

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** Every file an output may write: the video and, for a video, its sidecars (SRT, VTT, text, cover). */
function filesOf(id: ExportOutputId, path: string): string[] {
  return id === 'gif' ? [path] : [path, ...sidecarPaths(path)];
}

/**
 * Reserves the paths of an export's outputs, and of the files beside them, so that nothing is
 * replaced and no other export (another click, another window, another process) takes them.
 * Each output is numbered on its own: a taken `kind-tiktok.mp4` makes `kind-tiktok (2).mp4`,
 * and leaves `kind-reels.mp4` and `kind.gif` their plain names (a creator read "(2)" on every
 * file as a failed export). A video and its sidecars always share one number. Release the
 * reservation when the export is over.
 */
export async function reserveOutputPaths(
  folder: string,
  base: string,
  ids: readonly ExportOutputId[],
): Promise<{ paths: Map<ExportOutputId, string>; reservation: Reservation }> {
  const paths = new Map<ExportOutputId, string>();
  const held: Reservation[] = [];
  try {
    for (const id of ids) {
      const { path, reservation } = await reserveOutput(folder, base, id);
      paths.set(id, path);
      held.push(reservation);
    }
  } catch (err) {
    await Promise.all(held.map((r) => r.release()));
    throw err;
  }
  return {
    paths,
    reservation: {
      paths: held.flatMap((r) => r.paths),
      release: async () => {
        await Promise.all(held.map((r) => r.release()));
      },
    },
  };
}

/** The first number at which an output's video and sidecars are all free, reserved. */
async function reserveOutput(
  folder: string,
  base: string,
  id: ExportOutputId,
): Promise<{ path: string; reservation: Reservation }> {
  for (let copy = 1; copy < 1000; copy++) {
    const path = join(folder, outputFileName(base, id, copy));
    const files = filesOf(id, path);
    // A `.part` of an older version of the studio, still being written or left behind.
    let legacyPart = false;
    for (const file of files) if (await exists(`${file}.part`)) legacyPart = true;
    if (legacyPart) continue;
    const reserved = await reserveNames(files, { replace: 'never' });
    if (reserved.ok) return { path, reservation: reserved.reservation };
  }
  throw new Error('no free file name');
}
