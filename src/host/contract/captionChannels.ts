import { z } from 'zod';
import { resultSchema } from './result';

const PathSchema = z.string().min(1).max(4096);

/**
 * Channels of the captions feature (declared apart so features merge without conflicts).
 * Subtitle files are read in the page (the file picker hands it the text); only writing needs
 * the host, inside the folders the user chose.
 */
export const CAPTION_CHANNELS = {
  /**
   * Writes an SRT or WebVTT file into `folder` (the project's folder, or the first chosen
   * folder when null). An existing file is never replaced: the name gets " (2)", " (3)", ...
   */
  saveSubtitles: {
    request: z.object({
      folder: PathSchema.nullable(),
      /** The file name wanted, without a folder, ending in .srt or .vtt. */
      name: z
        .string()
        .min(5)
        .max(200)
        .regex(/^[^/\\]+\.(?:srt|vtt)$/i, 'expected a file name ending in .srt or .vtt'),
      text: z.string().max(20_000_000),
    }),
    response: resultSchema({ path: PathSchema }),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
