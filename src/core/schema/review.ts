import { z } from 'zod';
import { IdSchema, SecondsSchema } from './primitives';

/** A reviewer's time-coded comment on a draft. */
export const ReviewCommentSchema = z.object({
  id: IdSchema,
  time: SecondsSchema,
  author: z.string().min(1).max(100),
  text: z.string().min(1).max(5000),
  status: z.enum(['open', 'resolved']).default('open'),
  /** ISO 8601 timestamp. */
  createdAt: z.string().max(40),
});
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

export const ReviewSchema = z.object({
  status: z.enum(['draft', 'in-review', 'approved', 'changes-requested']).default('draft'),
  comments: z.array(ReviewCommentSchema).max(10000).default([]),
});
export type Review = z.infer<typeof ReviewSchema>;
