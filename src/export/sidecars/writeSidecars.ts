import path from 'node:path';
import type { PlatformId } from '../../core/platform/platforms';
import { toSrt, toVtt } from '../../core/captions/subtitles';
import type { Project } from '../../core/schema';
import type { ReplacePolicy } from '../../node/files';
import { writeFileAtomic } from '../../node/files';
import { coverTime } from './cover';
import { postText } from './postText';

export interface SidecarRequest {
  readonly project: Project;
  /** The video's path; sidecars go beside it with the same base name. */
  readonly videoPath: string;
  /** Exported part of the project timeline, in seconds. */
  readonly rangeStart: number;
  readonly rangeEnd: number;
  readonly platform: PlatformId | null;
  /** Draws the project at a time (project seconds) and returns a PNG; absent: no cover. */
  readonly renderCoverPng?: ((time: number) => Uint8Array | Promise<Uint8Array>) | undefined;
  /** Whether a file already at a sidecar's name may be replaced; by default it is kept. */
  readonly replace?: ReplacePolicy | undefined;
}

export interface SidecarResult {
  readonly files: readonly string[];
  readonly warnings: readonly string[];
}

/** `out/clip.mp4` -> `out/clip` (the other files add their own extension). */
export function sidecarBase(videoPath: string): string {
  const ext = path.extname(videoPath);
  return ext === '' ? videoPath : videoPath.slice(0, -ext.length);
}

/** Every file writeSidecars may write for `videoPath`, whether or not it did (a crash cleans these). */
export function sidecarPaths(videoPath: string): string[] {
  const base = sidecarBase(videoPath);
  return ['.srt', '.vtt', '.txt', '.cover.png'].map((extension) => `${base}${extension}`);
}

/**
 * Writes `NAME.srt` and `NAME.vtt` (when there are captions in the range), `NAME.txt` (the
 * post text, when there is any) and `NAME.cover.png`, each atomically; a file already at one of
 * these names is kept (with a warning) unless `replace` is `always`.
 */
export async function writeSidecars(req: SidecarRequest): Promise<SidecarResult> {
  const base = sidecarBase(req.videoPath);
  const files: string[] = [];
  const warnings: string[] = [];
  // A file already there (hand-edited captions, say) is never replaced unless the user said so.
  const write = async (file: string, data: string | Uint8Array): Promise<void> => {
    try {
      await writeFileAtomic(file, data, { replace: req.replace ?? 'never' });
      files.push(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      warnings.push(`"${path.basename(file)}" already exists, so it was kept and not written again.`);
    }
  };
  const range = { start: req.rangeStart, end: req.rangeEnd };
  const inRange = req.project.captions.some((c) => c.end > range.start && c.start < range.end);
  if (inRange) {
    await write(`${base}.srt`, toSrt(req.project.captions, range));
    await write(`${base}.vtt`, toVtt(req.project.captions, range));
  }
  const post = postText(req.project.post, req.platform);
  if (post.text !== '') await write(`${base}.txt`, `${post.text}\n`);
  if (req.renderCoverPng !== undefined) {
    const t = coverTime(req.project.captions, req.project.scenes, range.start, range.end);
    await write(`${base}.cover.png`, await req.renderCoverPng(t));
  }
  return { files, warnings: [...post.warnings, ...warnings] };
}
