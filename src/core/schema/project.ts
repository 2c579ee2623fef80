import { z } from 'zod';
import { AssetIdSchema } from './primitives';
import { SceneSchema } from './scene';
import { CaptionSchema, CaptionSettingsSchema } from './captions';
import { EndCardSchema } from './endCard';
import { AudioTrackSchema } from './audio';
import { PostTextSchema } from './postText';
import { ReviewSchema } from './review';
import { AssetInfoSchema } from './assets';

/** The envelope's `format` value: tells our files apart from any other JSON. */
export const PROJECT_FORMAT = 'kindness-studio';
/** The schema version this build writes. Bump it together with a new migration. */
export const CURRENT_VERSION = 1;

export const VideoFormatSchema = z.object({
  width: z.number().int().min(64).max(4096).multipleOf(2).default(1080),
  height: z.number().int().min(64).max(4096).multipleOf(2).default(1920),
  fps: z.number().int().min(1).max(120).default(30),
});
export type VideoFormat = z.infer<typeof VideoFormatSchema>;

/** A whole project document, version 1. Session state (selection, zoom, playhead) never goes here. */
export const ProjectSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(CURRENT_VERSION),
  /** Stable id, so review files can be matched to their project; given on first share when missing. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
  title: z.string().max(200).default('Untitled'),
  video: VideoFormatSchema.default({ width: 1080, height: 1920, fps: 30 }),
  scenes: z.array(SceneSchema).min(1).max(500),
  captions: z.array(CaptionSchema).max(5000).default([]),
  captionSettings: CaptionSettingsSchema.default({ fontFamily: 'Fredoka', fontSize: 64, position: 'bottom' }),
  endCard: EndCardSchema.optional(),
  audio: z.array(AudioTrackSchema).max(32).default([]),
  post: PostTextSchema.default({ caption: '', hashtags: [] }),
  review: ReviewSchema.default({ status: 'draft', comments: [], shares: [] }),
  assets: z.record(AssetIdSchema, AssetInfoSchema).default({}),
});
export type Project = z.infer<typeof ProjectSchema>;
/** A project as written by hand or an older tool: defaults not yet filled in. */
export type ProjectInput = z.input<typeof ProjectSchema>;
