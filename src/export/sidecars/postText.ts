import { checkPostText, composePostText } from '../../core/post';
import type { PlatformId } from '../../core/platform/platforms';
import type { PostText } from '../../core/schema';

export interface PostTextResult {
  /** What the creator pastes into the platform's caption box. */
  readonly text: string;
  /** Creator-readable notes when the text breaks a platform limit. */
  readonly warnings: readonly string[];
}

/**
 * The post caption, a blank line, then the hashtags (`#kindness #bethereason`), checked against
 * the platform's limits when a platform is given: the same text and warnings as the studio's
 * post-text composer shows (src/core/post).
 */
export function postText(post: PostText, platform: PlatformId | null): PostTextResult {
  const text = composePostText(post);
  return { text, warnings: platform === null ? [] : checkPostText(post, platform).warnings };
}
