import { describe, expect, it } from 'vitest';
import { formatTimestamp, toSrt, toVtt } from '../../../src/core/captions/subtitles';
import type { Caption } from '../../../src/core/schema';
import { coverTime } from '../../../src/export/sidecars/cover';
import { postText } from '../../../src/export/sidecars/postText';
import { sidecarBase } from '../../../src/export/sidecars/writeSidecars';

function caption(id: string, start: number, end: number, text: string): Caption {
  return { id, start, end, text, style: 'outline' };
}

const CAPTIONS = [
  caption('c2', 4.2, 7.25, 'Say something kind 💛'),
  caption('c1', 0.5, 3, 'Words can hurt.\nWords can heal.'),
  caption('c3', 3661.001, 3662.5, 'Tom & Jerry <3 --> friends'),
];

describe('SRT', () => {
  it('numbers cues in time order with comma milliseconds', () => {
    expect(toSrt(CAPTIONS)).toBe(
      [
        '1',
        '00:00:00,500 --> 00:00:03,000',
        'Words can hurt.',
        'Words can heal.',
        '',
        '2',
        '00:00:04,200 --> 00:00:07,250',
        'Say something kind 💛',
        '',
        '3',
        '01:01:01,001 --> 01:01:02,500',
        'Tom & Jerry <3 -> friends',
        '',
      ].join('\n'),
    );
  });

  it('keeps a cue in one block even when its text has blank lines', () => {
    expect(toSrt([caption('a', 0, 1, 'one\r\n\r\n two ')])).toBe(
      '1\n00:00:00,000 --> 00:00:01,000\none\ntwo\n',
    );
  });

  it('shifts and clips cues to an exported range', () => {
    expect(toSrt(CAPTIONS, { start: 2, end: 5 })).toBe(
      [
        '1',
        '00:00:00,000 --> 00:00:01,000',
        'Words can hurt.',
        'Words can heal.',
        '',
        '2',
        '00:00:02,200 --> 00:00:03,000',
        'Say something kind 💛',
        '',
      ].join('\n'),
    );
  });

  it('is empty when no caption is in the range', () => {
    expect(toSrt(CAPTIONS, { start: 8, end: 9 })).toBe('');
  });
});

describe('WebVTT', () => {
  it('has the header, dot milliseconds and escaped text', () => {
    expect(toVtt(CAPTIONS)).toBe(
      [
        'WEBVTT',
        '',
        '00:00:00.500 --> 00:00:03.000',
        'Words can hurt.',
        'Words can heal.',
        '',
        '00:00:04.200 --> 00:00:07.250',
        'Say something kind 💛',
        '',
        '01:01:01.001 --> 01:01:02.500',
        'Tom &amp; Jerry &lt;3 --&gt; friends',
        '',
      ].join('\n'),
    );
  });

  it('is a valid empty file without captions', () => {
    expect(toVtt([])).toBe('WEBVTT\n');
  });

  it('uses the same timing as SRT for a range', () => {
    expect(toVtt(CAPTIONS, { start: 4, end: 6 })).toBe(
      'WEBVTT\n\n00:00:00.200 --> 00:00:02.000\nSay something kind 💛\n',
    );
  });
});

describe('timestamps', () => {
  it('rounds to the millisecond and carries into seconds', () => {
    expect(formatTimestamp(59.9996, ',')).toBe('00:01:00,000');
    expect(formatTimestamp(1 / 3, '.')).toBe('00:00:00.333');
    expect(formatTimestamp(-0.2, '.')).toBe('00:00:00.000');
  });
});

describe('post text', () => {
  it('is the caption, a blank line, then the hashtags', () => {
    expect(
      postText(
        { caption: '  Be the reason someone smiles. ', hashtags: ['kindness', 'BeTheReason'] },
        'tiktok',
      ),
    ).toEqual({
      text: 'Be the reason someone smiles.\n\n#kindness #BeTheReason',
      warnings: [],
    });
    expect(postText({ caption: '', hashtags: ['kind'] }, 'tiktok').text).toBe('#kind');
    expect(postText({ caption: 'Just words', hashtags: [] }, null).text).toBe('Just words');
  });

  it('warns when the text is longer than the platform shows', () => {
    const result = postText({ caption: 'x'.repeat(95), hashtags: ['kindness'] }, 'shorts');
    expect(result.warnings).toEqual([
      'The post text is 106 characters; YouTube Shorts shows at most 100 (from third-party guides). Shorten the caption or drop some hashtags.',
    ]);
  });

  it('counts emoji as one character each', () => {
    expect(postText({ caption: '💛'.repeat(100), hashtags: [] }, 'shorts').warnings).toEqual([]);
  });

  it('warns about too many hashtags on Reels, counting tags typed into the caption', () => {
    const result = postText(
      { caption: 'Be kind #kindness #Respect', hashtags: ['kindness', 'a', 'b', 'c', 'd'] },
      'reels',
    );
    expect(result.warnings).toEqual([
      'The post has 6 hashtags; Instagram Reels allows at most 5 (from third-party guides).',
    ]);
  });
});

describe('cover', () => {
  const scenes = [{ duration: 4 }, { duration: 6 }];
  it('shows the first caption fully on screen', () => {
    expect(coverTime(CAPTIONS, scenes, 0, 10)).toBe(1.75);
  });
  it('is one second in without captions, or the middle of a short first scene', () => {
    expect(coverTime([], scenes, 0, 10)).toBe(1);
    expect(coverTime([], [{ duration: 1 }], 0, 10)).toBe(0.5);
    expect(coverTime([], scenes, 5, 8)).toBe(6);
  });
  it('stays inside the range', () => {
    expect(coverTime(CAPTIONS, scenes, 2, 2.5)).toBe(2.25);
  });
});

describe('sidecar names', () => {
  it('replace the video extension', () => {
    expect(sidecarBase('/out/be-the-reason.mp4')).toBe('/out/be-the-reason');
    expect(sidecarBase('/out/clip')).toBe('/out/clip');
  });
});
