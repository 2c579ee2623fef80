import { z } from 'zod';
import { FiniteSchema, IdSchema, SecondsSchema } from './primitives';

/** ISO 8601 timestamp. */
export const TimestampSchema = z.string().max(40);

/** A place on the frame, in frame pixels (the project's own width and height). */
export const FramePointSchema = z.object({ x: FiniteSchema, y: FiniteSchema });
export type FramePoint = z.infer<typeof FramePointSchema>;

/** A freehand stroke drawn over the frame: flat x, y pairs in frame pixels. */
export const ReviewMarkSchema = z.object({
  points: z
    .array(FiniteSchema)
    .max(4000)
    .refine((p) => p.length % 2 === 0, 'expected x, y pairs'),
});
export type ReviewMark = z.infer<typeof ReviewMarkSchema>;

/** The most review comments a project holds, and replies a comment holds (the merge keeps to them). */
export const MAX_REVIEW_COMMENTS = 10000;
export const MAX_COMMENT_REPLIES = 1000;

export const ReviewReplySchema = z.object({
  id: IdSchema,
  author: z.string().min(1).max(100),
  text: z.string().min(1).max(5000),
  createdAt: TimestampSchema,
});
export type ReviewReply = z.infer<typeof ReviewReplySchema>;

/** A reviewer's time-coded comment on a draft. */
export const ReviewCommentSchema = z.object({
  id: IdSchema,
  time: SecondsSchema,
  author: z.string().min(1).max(100),
  text: z.string().min(1).max(5000),
  status: z.enum(['open', 'resolved']).default('open'),
  /** ISO 8601 timestamp. */
  createdAt: TimestampSchema,
  /** When the author last changed the text, time, point or mark (merge keeps the newer). */
  updatedAt: TimestampSchema.optional(),
  point: FramePointSchema.optional(),
  mark: ReviewMarkSchema.optional(),
  replies: z.array(ReviewReplySchema).max(MAX_COMMENT_REPLIES).default([]),
  resolvedBy: z.string().max(100).optional(),
  resolvedAt: TimestampSchema.optional(),
  /** Who reopened a resolved comment, and when (merge compares it with a reviewer's resolve). */
  reopenedBy: z.string().max(100).optional(),
  reopenedAt: TimestampSchema.optional(),
});
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

export const REVIEW_STATUSES = ['draft', 'in-review', 'changes-requested', 'approved'] as const;
export const ReviewStatusSchema = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

/**
 * One "Share for review": the draft's number and the secret its page signs review files with,
 * so an imported file can be matched to the share and checked for tampering.
 */
export const ReviewShareSchema = z.object({
  id: IdSchema,
  /** 1, 2, 3, ...: shown on the draft's watermark and the review page. */
  version: z.number().int().min(1).max(100000),
  /** Hex, 32 bytes or more. */
  secret: z.string().regex(/^[0-9a-f]{64,128}$/, 'expected a hex secret'),
  createdAt: TimestampSchema,
});
export type ReviewShare = z.infer<typeof ReviewShareSchema>;

export const ReviewSchema = z.object({
  status: ReviewStatusSchema.default('draft'),
  comments: z.array(ReviewCommentSchema).max(MAX_REVIEW_COMMENTS).default([]),
  /** Who made the last status change, and when (ISO 8601). */
  statusBy: z.string().max(100).optional(),
  statusAt: TimestampSchema.optional(),
  shares: z.array(ReviewShareSchema).max(1000).default([]),
});
export type Review = z.infer<typeof ReviewSchema>;
