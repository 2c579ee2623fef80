import type { ReviewComment } from '../../core/schema/review';

/** One of the creator's comments as the page shows it: the reviewer can reply, resolve, reopen. */
export type PageComment = Pick<
  ReviewComment,
  'id' | 'time' | 'author' | 'text' | 'status' | 'point' | 'mark' | 'replies' | 'resolvedBy'
>;

/** What the studio embeds in a review page beside the video (a JSON script element). */
export interface ReviewPageData {
  projectId: string;
  projectTitle: string;
  shareId: string;
  draftVersion: number;
  /** ISO 8601: when the draft was shared. */
  sharedAt: string;
  /** Hex HMAC key of this share (see src/review/integrity.ts for what it does and does not prove). */
  secret: string;
  /** The project's frame size: points and marks are stored in these pixels. */
  frame: { width: number; height: number; fps: number };
  /** Seconds. */
  duration: number;
  /** The project's comments when it was shared (absent in pages shared before replies existed). */
  comments?: PageComment[];
}

export const REVIEW_DATA_ELEMENT_ID = 'kindness-review-data';
