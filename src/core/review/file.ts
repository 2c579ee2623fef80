import { z } from 'zod';
import { FramePointSchema, IdSchema, ReviewMarkSchema, SecondsSchema, TimestampSchema } from '../schema';

/** The `format` of a review file: what a review page exports and the studio imports. */
export const REVIEW_FILE_FORMAT = 'kindness-review';
export const REVIEW_FILE_VERSION = 1;
export const INTEGRITY_ALGORITHM = 'HMAC-SHA256';

export const ReviewFileCommentSchema = z
  .object({
    id: IdSchema,
    time: SecondsSchema,
    author: z.string().min(1).max(100),
    text: z.string().min(1).max(5000),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema.optional(),
    point: FramePointSchema.optional(),
    mark: ReviewMarkSchema.optional(),
  })
  .strict();
export type ReviewFileComment = z.infer<typeof ReviewFileCommentSchema>;

export const ReviewDecisionSchema = z
  .object({
    status: z.enum(['approved', 'changes-requested']),
    by: z.string().min(1).max(100),
    at: TimestampSchema,
  })
  .strict();
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

/** Everything a review file says, except its integrity field (what the signature covers). */
export const ReviewFileContentSchema = z
  .object({
    format: z.literal(REVIEW_FILE_FORMAT),
    version: z.literal(REVIEW_FILE_VERSION),
    projectId: z.string().min(1).max(64),
    projectTitle: z.string().max(200),
    shareId: IdSchema,
    draftVersion: z.number().int().min(1),
    reviewer: z.string().min(1).max(100),
    exportedAt: TimestampSchema,
    decision: ReviewDecisionSchema.nullable(),
    comments: z
      .array(ReviewFileCommentSchema)
      .max(2000)
      .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'two comments have the same id'),
  })
  .strict();
export type ReviewFileContent = z.infer<typeof ReviewFileContentSchema>;

export const IntegritySchema = z
  .object({
    algorithm: z.literal(INTEGRITY_ALGORITHM),
    /** Hex HMAC-SHA256 of `canonicalJson(content)`, keyed by the share's secret. */
    value: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export const ReviewFileSchema = ReviewFileContentSchema.extend({ integrity: IntegritySchema }).strict();
export type ReviewFile = z.infer<typeof ReviewFileSchema>;

/** The signed part of a review file. */
export function reviewFileContent(file: ReviewFile): ReviewFileContent {
  const { integrity: _integrity, ...content } = file;
  return content;
}
