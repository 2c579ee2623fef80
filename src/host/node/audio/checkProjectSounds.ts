import { referencedAssetIds } from '../../../core/load';
import type { Project } from '../../../core/schema';
import { displayName } from '../../../core/text';
import type { AudioService } from './audioService';
import type { AssetMap } from '../../../node/assets';

/** Where a sound problem points (the repairs list's `path`), so the page can tell it from a repair. */
export const SOUND_PROBLEM_PATH = 'sounds';

export interface SoundProblem {
  readonly assetId: string;
  readonly message: string;
}

/**
 * Reads every sound the project uses with ffmpeg, as the export will, and names each one that
 * cannot be read (damaged, a renamed text file, no sound in it), so a creator hears of it when
 * the project is opened or validated instead of when an export fails. Sounds with the same bytes
 * are read once (the service keeps its measurements per content hash).
 */
export async function checkProjectSounds(
  project: Project,
  assets: AssetMap,
  audio: AudioService,
): Promise<{ problems: SoundProblem[]; notChecked: string | null }> {
  const problems: SoundProblem[] = [];
  for (const assetId of [...referencedAssetIds(project)].sort()) {
    const info = project.assets[assetId];
    const bytes = assets.get(assetId);
    // A missing file was already reported when the project was read.
    if (info?.kind !== 'audio' || bytes === undefined) continue;
    // The name comes from the file: escaped (bidi and control characters) and shortened for messages.
    const name = displayName(info.name === '' ? assetId.slice(0, 12) : info.name);
    const checked = await audio.check(name, assetId, bytes);
    if (checked.ok) continue;
    if (checked.error.kind === 'ffmpeg-not-found') {
      return { problems, notChecked: `The sounds were not checked: ${checked.error.message}` };
    }
    problems.push({
      assetId,
      message: `${checked.error.message} The export would fail on it: replace it or remove it.`,
    });
  }
  return { problems, notChecked: null };
}
