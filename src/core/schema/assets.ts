import { z } from 'zod';

export const ASSET_KINDS = ['image', 'audio', 'font'] as const;

/** What the document knows of a file stored under `assets/<id>` in the container. */
export const AssetInfoSchema = z.object({
  kind: z.enum(ASSET_KINDS),
  /** The original file name, for display only. */
  name: z.string().max(255),
  mime: z.string().max(100),
  size: z.number().int().min(0),
  /** Seconds of sound in an audio file, measured when it was imported; absent in older projects. */
  duration: z.number().finite().positive().optional(),
});
export type AssetInfo = z.infer<typeof AssetInfoSchema>;
