import { describe, expect, it } from 'vitest';
import { addHashtag, blankProject, removeHashtag, setPostCaption } from '../../../src/core/edit';
import { PLATFORMS } from '../../../src/core/platform/platforms';
import {
  checkPostText,
  composePostText,
  countHashtags,
  hasHashtag,
  parseHashtag,
  postLength,
  SUGGESTED_HASHTAGS,
} from '../../../src/core/post';
import { ProjectSchema } from '../../../src/core/schema';

const post = (caption: string, hashtags: string[] = []) => ({ caption, hashtags });

describe('post text', () => {
  it('is the caption, a blank line, then the hashtags', () => {
    expect(composePostText(post('  Be kind.  ', ['CreateKindness', 'kindness']))).toBe(
      'Be kind.\n\n#CreateKindness #kindness',
    );
    expect(composePostText(post('', ['kindness']))).toBe('#kindness');
    expect(composePostText(post('   '))).toBe('');
  });

  it('counts characters as platforms do (an emoji is one) and hashtags once in any case', () => {
    expect(postLength('💛💛')).toBe(2);
    expect(countHashtags(post('So #Kind and #kind and #new', ['kind', 'Other']))).toBe(3);
    expect(hasHashtag(post('Be #CreateKindness'), 'createkindness')).toBe(true);
    expect(hasHashtag(post('Be kind'), 'kindness')).toBe(false);
  });

  it('suggests #CreateKindness and #kindness', () => {
    expect(SUGGESTED_HASHTAGS).toEqual(['CreateKindness', 'kindness']);
  });

  it('checks each platform against the limits kept in PLATFORMS, with plain warnings', () => {
    const six = post('Be the reason someone smiles.', ['a', 'b', 'c', 'd', 'e', 'f']);
    const reels = checkPostText(six, 'reels');
    expect(reels).toMatchObject({
      hashtags: 6,
      maxHashtags: PLATFORMS.reels.maxHashtags?.value,
      maxChars: 2200,
    });
    expect(reels.warnings).toEqual([
      'The post has 6 hashtags; Instagram Reels allows at most 5 (from third-party guides).',
    ]);
    expect(checkPostText(six, 'tiktok').warnings).toEqual([]);
    expect(checkPostText(six, 'tiktok').maxHashtags).toBeNull();

    const long = post('x'.repeat(120));
    const shorts = checkPostText(long, 'shorts');
    expect(shorts.warnings[0]).toBe(
      'The post text is 120 characters; YouTube Shorts shows at most 100 (from third-party guides). Shorten the caption or drop some hashtags.',
    );
    expect(shorts.note).toMatch(/first 3 hashtags show above the title/);
    // Exactly at the limit is fine.
    expect(checkPostText(post('x'.repeat(100)), 'shorts').warnings).toEqual([]);
    expect(checkPostText(post('x'.repeat(2199), ['a']), 'tiktok').warnings).toHaveLength(1);
  });

  it('reads a typed hashtag, or says why it cannot be one', () => {
    expect(parseHashtag('#BeKind')).toEqual({ tag: 'BeKind' });
    expect(parseHashtag('  ##Amabilidad_2 ')).toEqual({ tag: 'Amabilidad_2' });
    expect(parseHashtag('親切')).toEqual({ tag: '親切' });
    expect(parseHashtag('be kind!')).toEqual({
      problem: '“be kind!” cannot be a hashtag: use letters, digits or _ without spaces.',
    });
    expect(parseHashtag('#')).toEqual({ problem: 'Type a hashtag first.' });
  });
});

describe('post-text commands', () => {
  it('edit the project’s post, stay valid for the file format, and skip no-ops', () => {
    let p = blankProject();
    p = setPostCaption(p, 'Be kind 💛');
    p = addHashtag(p, '#CreateKindness');
    p = addHashtag(p, 'kindness');
    expect(addHashtag(p, 'KINDNESS')).toBe(p); // already there
    expect(addHashtag(p, 'not one')).toBe(p);
    expect(p.post).toEqual({ caption: 'Be kind 💛', hashtags: ['CreateKindness', 'kindness'] });
    p = removeHashtag(p, 'CreateKindness');
    expect(p.post.hashtags).toEqual(['kindness']);
    expect(setPostCaption(p, 'y'.repeat(3000)).post.caption).toHaveLength(2200);
    let many = p;
    for (let i = 0; i < 40; i++) many = addHashtag(many, `tag${i}`);
    expect(many.post.hashtags).toHaveLength(30);
    expect(ProjectSchema.safeParse(setPostCaption(many, 'z'.repeat(3000))).success).toBe(true);
  });
});
