import { z } from 'zod';

/** A hashtag without the leading '#': letters, digits and underscores in any script. */
export const HashtagSchema = z
  .string()
  .regex(/^[\p{L}\p{N}_]{1,100}$/u, 'a hashtag is letters, digits or _ without spaces or #');

/** What the creator pastes into the platform's caption box. */
export const PostTextSchema = z.object({
  caption: z.string().max(2200).default(''),
  hashtags: z.array(HashtagSchema).max(30).default([]),
});
export type PostText = z.infer<typeof PostTextSchema>;
