import {
  MAX_COMMENT_REPLIES,
  MAX_REVIEW_COMMENTS,
  ReviewCommentSchema,
  ReviewReplySchema,
  type Review,
  type ReviewComment,
  type ReviewReply,
} from '../schema';
import type { ReviewConflict } from './merge';

/**
 * The most text a project's review may take, as JSON: a quarter of what a project file may hold
 * (32 MB), so a project stays openable whatever reviews were imported into it.
 */
export const MAX_REVIEW_JSON_CHARS = 8_000_000;

function jsonLength(value: unknown): number {
  return JSON.stringify(value).length;
}

/**
 * What a review import may still add to a project without making it one the schema (or the
 * file reader) refuses: every record is checked against the project's own schema, and counts
 * and size are kept within its limits. What does not fit is counted, and reported once per
 * reason. The review file is signed by a secret that is in the page, so a reviewer can sign
 * anything: none of its numbers are trusted.
 */
export class ReviewRoom {
  private chars: number;
  private comments: number;
  private droppedComments = 0;
  private droppedReplies = 0;
  private droppedForSize = 0;
  private refused = 0;

  constructor(review: Review) {
    this.chars = jsonLength(review);
    this.comments = review.comments.length;
  }

  /** Whether a new comment fits; if it does, its room is taken. */
  takeComment(comment: ReviewComment): boolean {
    if (!ReviewCommentSchema.safeParse(comment).success) return this.refuse();
    if (this.comments >= MAX_REVIEW_COMMENTS) {
      this.droppedComments++;
      return false;
    }
    if (!this.takeChars(jsonLength(comment) + 1)) return false;
    this.comments++;
    return true;
  }

  /** Whether a reply fits under a comment that already has `count` replies. */
  takeReply(reply: ReviewReply, count: number): boolean {
    if (!ReviewReplySchema.safeParse(reply).success) return this.refuse();
    if (count >= MAX_COMMENT_REPLIES) {
      this.droppedReplies++;
      return false;
    }
    return this.takeChars(jsonLength(reply) + 1);
  }

  /** Whether a comment may become `next` (an edit, a resolve): valid and within the size. */
  takeChange(before: ReviewComment, next: ReviewComment): boolean {
    if (!ReviewCommentSchema.safeParse(next).success) return this.refuse();
    return this.takeChars(jsonLength(next) - jsonLength(before));
  }

  /** Room for the review's own fields (a new status with who and when). */
  takeFields(before: object, next: object): boolean {
    return this.takeChars(jsonLength(next) - jsonLength(before));
  }

  /** One plain sentence per reason something was left out. */
  report(): ReviewConflict[] {
    const lines: ReviewConflict[] = [];
    const say = (message: string) => lines.push({ kind: 'limit', message });
    if (this.droppedComments > 0)
      say(
        `${this.droppedComments} ${this.droppedComments === 1 ? 'comment was' : 'comments were'} not added: a project holds at most ${MAX_REVIEW_COMMENTS} review comments.`,
      );
    if (this.droppedReplies > 0)
      say(
        `${this.droppedReplies} ${this.droppedReplies === 1 ? 'reply was' : 'replies were'} not added: a comment holds at most ${MAX_COMMENT_REPLIES} replies.`,
      );
    if (this.droppedForSize > 0)
      say(
        `${this.droppedForSize} ${this.droppedForSize === 1 ? 'comment or reply was' : 'comments or replies were'} not added: the project's review notes would grow past ${MAX_REVIEW_JSON_CHARS / 1_000_000} MB, too large for the project file.`,
      );
    if (this.refused > 0)
      say(
        `${this.refused} ${this.refused === 1 ? 'comment or reply was' : 'comments or replies were'} not added: ${this.refused === 1 ? 'it is' : 'they are'} not something a review page writes.`,
      );
    return lines;
  }

  private takeChars(delta: number): boolean {
    if (delta > 0 && this.chars + delta > MAX_REVIEW_JSON_CHARS) {
      this.droppedForSize++;
      return false;
    }
    this.chars += delta;
    return true;
  }

  private refuse(): false {
    this.refused++;
    return false;
  }
}
