import { PLATFORMS, type PlatformId } from '../../core/platform/platforms';
import type { PostText } from '../../core/schema';

export interface PostTextResult {
  /** What the creator pastes into the platform's caption box. */
  readonly text: string;
  /** Creator-readable notes when the text breaks a platform limit. */
  readonly warnings: readonly string[];
}

const HASHTAG_IN_TEXT = /#[\p{L}\p{N}_]+/gu;

/**
 * The post caption, a blank line, then the hashtags (`#kindness #bethereason`). Checked against
 * the platform's caption length and hashtag count when a platform is given; limits from
 * third-party guides say so.
 */
export function postText(post: PostText, platform: PlatformId | null): PostTextResult {
  const caption = post.caption.trim();
  const tags = post.hashtags.map((t) => `#${t}`).join(' ');
  const text = [caption, tags].filter((part) => part !== '').join('\n\n');
  const warnings: string[] = [];
  if (platform === null) return { text, warnings };

  const spec = PLATFORMS[platform];
  const chars = [...text].length;
  const maxChars = spec.maxCaptionChars;
  if (chars > maxChars.value) {
    warnings.push(
      `The post text is ${formatCount(chars)} characters; ${spec.name} shows at most ${formatCount(maxChars.value)}` +
        `${maxChars.thirdParty ? ' (from third-party guides)' : ''}. Shorten the caption or drop some hashtags.`,
    );
  }
  const maxTags = spec.maxHashtags;
  if (maxTags !== null) {
    const count = countHashtags(caption, post.hashtags);
    if (count > maxTags.value) {
      warnings.push(
        `The post has ${count} hashtags; ${spec.name} allows at most ${maxTags.value}` +
          `${maxTags.thirdParty ? ' (from third-party guides)' : ''}.`,
      );
    }
  }
  return { text, warnings };
}

/** Hashtags in the list plus any typed into the caption, each counted once. */
function countHashtags(caption: string, hashtags: readonly string[]): number {
  const all = new Set(hashtags.map((t) => t.toLocaleLowerCase()));
  for (const m of caption.matchAll(HASHTAG_IN_TEXT)) all.add(m[0].slice(1).toLocaleLowerCase());
  return all.size;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
