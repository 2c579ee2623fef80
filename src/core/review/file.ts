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

/** A reviewer's reply to a comment: one of the creator's, or one of their own in the same file. */
export const ReviewFileReplySchema = z
  .object({
    id: IdSchema,
    commentId: IdSchema,
    author: z.string().min(1).max(100),
    text: z.string().min(1).max(5000),
    createdAt: TimestampSchema,
  })
  .strict();
export type ReviewFileReply = z.infer<typeof ReviewFileReplySchema>;

/** A reviewer resolving or reopening a comment: the state they left it in, with who and when. */
export const ReviewFileResolutionSchema = z
  .object({
    commentId: IdSchema,
    status: z.enum(['open', 'resolved']),
    by: z.string().min(1).max(100),
    at: TimestampSchema,
  })
  .strict();
export type ReviewFileResolution = z.infer<typeof ReviewFileResolutionSchema>;

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
    /** Optional: files from pages shared before replies and resolutions existed have neither. */
    replies: z
      .array(ReviewFileReplySchema)
      .max(5000)
      .refine((list) => new Set(list.map((r) => r.id)).size === list.length, 'two replies have the same id')
      .optional(),
    resolutions: z
      .array(ReviewFileResolutionSchema)
      .max(2000)
      .refine(
        (list) => new Set(list.map((r) => r.commentId)).size === list.length,
        'a comment is resolved twice',
      )
      .optional(),
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
