import type { Project } from '../core/schema';
import { findShareFor } from '../core/review/merge';
import {
  REVIEW_FILE_FORMAT,
  ReviewFileSchema,
  reviewFileContent,
  type ReviewFile,
} from '../core/review/file';
import { verifyReview } from './integrity';

/** Biggest review file the studio reads (thousands of comments with marks fit easily). */
export const MAX_REVIEW_FILE_BYTES = 5 * 1024 * 1024;

export type ReadReviewResult = { ok: true; file: ReviewFile } | { ok: false; message: string };

/**
 * Checks a review file before anything is merged: it must be JSON, a review file of a version
 * we know, for this project and one of its shares, and signed by that share's page.
 */
export async function readReviewFile(text: string, project: Project): Promise<ReadReviewResult> {
  if (text.length > MAX_REVIEW_FILE_BYTES) {
    return { ok: false, message: 'This file is too large to be a review file, so it was not imported.' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'This file is not a review file (it is not valid JSON), so it was not imported.',
    };
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof raw !== 'object' || raw === null || format !== REVIEW_FILE_FORMAT) {
    return {
      ok: false,
      message:
        'This file is not a review file exported from a Kindness Studio review page, so it was not imported.',
    };
  }
  const parsed = ReviewFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
    return {
      ok: false,
      message: `This review file is damaged or incomplete${where}, so it was not imported.`,
    };
  }
  const file = parsed.data;
  const target = findShareFor(project, file);
  if (!target.ok) return target;
  const genuine = await verifyReview(reviewFileContent(file), file.integrity.value, target.share.secret);
  if (!genuine) {
    return {
      ok: false,
      message:
        'This review file was changed after the review page exported it, so it was not imported. Ask the reviewer to export it again.',
    };
  }
  return { ok: true, file };
}
