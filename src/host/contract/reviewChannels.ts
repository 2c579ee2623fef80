import { z } from 'zod';
import { IdSchema, ProjectSchema } from '../../core/schema';
import { resultSchema } from './result';

const PathSchema = z.string().min(1).max(4096);
const DocIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'expected a document id');
const JobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'expected a job id');

export const ShareStateSchema = z.enum(['rendering', 'writing', 'done', 'failed', 'cancelled']);
export type ShareState = z.infer<typeof ShareStateSchema>;

/**
 * Review mode's host channels: "Share for review" renders the draft and writes one
 * self-contained HTML review page. Progress is polled (the web host cannot push to the page).
 */
export const REVIEW_CHANNELS = {
  /** Starts rendering the draft of `project` for its share `shareId`; the page goes into `folder`. */
  shareForReview: {
    request: z.object({
      docId: DocIdSchema,
      project: ProjectSchema,
      shareId: IdSchema,
      /** A folder the user chose; null: beside the project file, or the first projects folder. */
      folder: PathSchema.nullable(),
      /** The page's file name the user typed (".html" added when missing); absent: from the title. */
      fileName: z.string().min(1).max(200).optional(),
    }),
    response: resultSchema({ jobId: JobIdSchema }),
  },
  shareStatus: {
    request: z.object({ jobId: JobIdSchema }),
    response: resultSchema({
      state: ShareStateSchema,
      /** 0..100. */
      percent: z.number().min(0).max(100),
      /** The review page, once written. */
      path: PathSchema.nullable(),
      /** Why it failed, for the creator. */
      message: z.string().nullable(),
    }),
  },
  cancelShare: {
    request: z.object({ jobId: JobIdSchema }),
    response: resultSchema({}),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
