import { PLATFORMS, type PlatformId } from '../platform/platforms';
import type { PostText } from '../schema';

/**
 * The post text as it will be posted, and how it measures against each platform's limits.
 * The limits themselves are data in one place (`PLATFORMS`, from PLATFORM_SPECS.md, third-party
 * numbers marked); the composer shows them live and the export writes the same text into the
 * video's metadata and its `.txt` sidecar.
 */

/** Hashtags suggested for every #CreateKindness video, added with one click. */
export const SUGGESTED_HASHTAGS = ['CreateKindness', 'kindness'] as const;

const HASHTAG_IN_TEXT = /#[\p{L}\p{N}_]+/gu;
const HASHTAG = /^[\p{L}\p{N}_]{1,100}$/u;

/** The caption, a blank line, then the hashtags (`#kindness #bethereason`). */
export function composePostText(post: PostText): string {
  const caption = post.caption.trim();
  const tags = post.hashtags.map((t) => `#${t}`).join(' ');
  return [caption, tags].filter((part) => part !== '').join('\n\n');
}

/** Characters as platforms count them: by code point, so an emoji is not two. */
export function postLength(text: string): number {
  return [...text].length;
}

/** Hashtags in the list plus any typed into the caption, each counted once (any case). */
export function countHashtags(post: PostText): number {
  const all = new Set(post.hashtags.map((t) => t.toLocaleLowerCase()));
  for (const m of post.caption.matchAll(HASHTAG_IN_TEXT)) all.add(m[0].slice(1).toLocaleLowerCase());
  return all.size;
}

/** Whether the post already has this hashtag (in the list or the caption, any case). */
export function hasHashtag(post: PostText, tag: string): boolean {
  const wanted = tag.toLocaleLowerCase();
  if (post.hashtags.some((t) => t.toLocaleLowerCase() === wanted)) return true;
  for (const m of post.caption.matchAll(HASHTAG_IN_TEXT))
    if (m[0].slice(1).toLocaleLowerCase() === wanted) return true;
  return false;
}

/**
 * A hashtag as typed ('#Be Kind!' -> null, '#BeKind' -> 'BeKind'), or a plain reason it cannot
 * be one.
 */
export function parseHashtag(typed: string): { tag: string } | { problem: string } {
  const tag = typed.trim().replace(/^#+/, '');
  if (tag === '') return { problem: 'Type a hashtag first.' };
  if (!HASHTAG.test(tag)) {
    return { problem: `“${typed.trim()}” cannot be a hashtag: use letters, digits or _ without spaces.` };
  }
  return { tag };
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export interface PostCheck {
  readonly platform: PlatformId;
  readonly name: string;
  readonly chars: number;
  readonly maxChars: number;
  readonly hashtags: number;
  /** null: the platform publishes no hashtag limit. */
  readonly maxHashtags: number | null;
  /** Where the numbers come from, shown beside them. */
  readonly source: string;
  readonly thirdParty: boolean;
  /** Plain notes when the text breaks a limit (empty: it fits). */
  readonly warnings: readonly string[];
  /** What the creator should know about this platform's text even when it fits. */
  readonly note: string | null;
}

const NOTES: Partial<Record<PlatformId, string>> = {
  shorts:
    'On YouTube this is the title (up to 100 characters); the description can hold 5,000, and the first 3 hashtags show above the title.',
};

/** The post text against one platform's limits. */
export function checkPostText(post: PostText, platform: PlatformId): PostCheck {
  const spec = PLATFORMS[platform];
  const text = composePostText(post);
  const chars = postLength(text);
  const hashtags = countHashtags(post);
  const warnings: string[] = [];
  const maxChars = spec.maxCaptionChars;
  if (chars > maxChars.value) {
    warnings.push(
      `The post text is ${formatCount(chars)} characters; ${spec.name} shows at most ${formatCount(maxChars.value)}` +
        `${maxChars.thirdParty ? ' (from third-party guides)' : ''}. Shorten the caption or drop some hashtags.`,
    );
  }
  const maxTags = spec.maxHashtags;
  if (maxTags !== null && hashtags > maxTags.value) {
    warnings.push(
      `The post has ${hashtags} hashtags; ${spec.name} allows at most ${maxTags.value}` +
        `${maxTags.thirdParty ? ' (from third-party guides)' : ''}.`,
    );
  }
  return {
    platform,
    name: spec.name,
    chars,
    maxChars: maxChars.value,
    hashtags,
    maxHashtags: maxTags?.value ?? null,
    source: spec.source,
    thirdParty: maxChars.thirdParty || (maxTags?.thirdParty ?? false),
    warnings,
    note: NOTES[platform] ?? null,
  };
}
