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

/**
 * Paths for the outputs that replace nothing: when a name is taken (on disk, as a `.part`
 * being written, or by another running export) every output gets the next free number, so
 * the files of one export keep one name: `clip-tiktok (2).mp4`, `clip (2).gif`.
 */
export async function freeOutputPaths(
  folder: string,
  base: string,
  ids: readonly ExportOutputId[],
  reserved: ReadonlySet<string>,
): Promise<Map<ExportOutputId, string>> {
  for (let copy = 1; copy < 1000; copy++) {
    const paths = new Map(ids.map((id) => [id, join(folder, outputFileName(base, id, copy))] as const));
    let free = true;
    for (const path of paths.values()) {
      if (reserved.has(path) || (await exists(path)) || (await exists(`${path}.part`))) {
        free = false;
        break;
      }
    }
    if (free) return paths;
  }
  throw new Error('no free file name');
}

/** Every file an output may write: the video and, for a video, its sidecars (SRT, VTT, text, cover). */
function filesOf(id: ExportOutputId, path: string): string[] {
  return id === 'gif' ? [path] : [path, ...sidecarPaths(path)];
}

/**
 * Reserves the paths of an export's outputs, and of the files beside them, so that nothing is
 * replaced and no other export (another click, another window, another process) takes them:
 * when any of them is taken every output gets the next free number, so the files of one export
 * keep one name. Release the reservation when the export is over.
 */
export async function reserveOutputPaths(
  folder: string,
  base: string,
  ids: readonly ExportOutputId[],
): Promise<{ paths: Map<ExportOutputId, string>; reservation: Reservation }> {
  for (let copy = 1; copy < 1000; copy++) {
    const paths = new Map(ids.map((id) => [id, join(folder, outputFileName(base, id, copy))] as const));
    const files = [...paths].flatMap(([id, path]) => filesOf(id, path));
    // A `.part` of an older version of the studio, still being written or left behind.
    let legacyPart = false;
    for (const file of files) if (await exists(`${file}.part`)) legacyPart = true;
    if (legacyPart) continue;
    const reserved = await reserveNames(files, { replace: 'never' });
    if (reserved.ok) return { paths, reservation: reserved.reservation };
  }
  throw new Error('no free file name');
}
