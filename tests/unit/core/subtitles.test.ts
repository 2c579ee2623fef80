import { describe, expect, it } from 'vitest';
import {
  cueLines,
  parseSrt,
  parseSubtitles,
  parseVtt,
  toSrt,
  toVtt,
  type SubtitleParseResult,
} from '../../../src/core/captions';
import { CaptionSchema, type Caption } from '../../../src/core/schema';

function caption(id: string, start: number, end: number, text: string): Caption {
  return { id, start, end, text, style: 'outline' };
}

/** The captions of a successful parse; fails the test with the error otherwise. */
function captionsOf(result: SubtitleParseResult): Caption[] {
  if (!result.ok) throw new Error(`expected captions, got: ${result.error.message}`);
  for (const c of result.captions) CaptionSchema.parse(c);
  return result.captions;
}

function warningsOf(result: SubtitleParseResult): { line: number; message: string }[] {
  if (!result.ok) throw new Error(`expected captions, got: ${result.error.message}`);
  return result.warnings;
}

function errorOf(result: SubtitleParseResult): { message: string; line?: number } {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

const ms = (seconds: number) => Math.round(seconds * 1000);
/** What a viewer would notice: timing to the millisecond and the text. */
const seen = (captions: readonly Caption[]) => captions.map((c) => [ms(c.start), ms(c.end), c.text]);
const texts = (result: SubtitleParseResult) => captionsOf(result).map((c) => c.text);

const SAMPLE = [
  caption('a', 0.5, 3, 'Words can hurt.\nWords can heal.'),
  caption('b', 4.2, 7.25, 'Say something kind 💛'),
  caption('c', 7.25, 9.999, 'كن لطيفًا مع الآخرين'),
  caption('d', 10.001, 12, 'やさしい言葉をかけよう 🌸'),
  caption('e', 3661.001, 3662.5, 'Tom & Jerry <3 friends > enemies'),
  caption('f', 3662.5, 3663, '👨‍👩‍👧 family\n👍🏽 thumbs'),
];

describe('round trips', () => {
  it('SRT keeps timing to the millisecond and every kind of text', () => {
    const back = captionsOf(parseSrt(toSrt(SAMPLE)));
    expect(seen(back)).toEqual(seen(SAMPLE));
    expect(warningsOf(parseSrt(toSrt(SAMPLE)))).toEqual([]);
  });

  it('WebVTT keeps timing to the millisecond and every kind of text, escapes included', () => {
    const back = captionsOf(parseVtt(toVtt(SAMPLE)));
    expect(seen(back)).toEqual(seen(SAMPLE));
    expect(warningsOf(parseVtt(toVtt(SAMPLE)))).toEqual([]);
  });

  it('gives imported captions ids in time order and the outline style', () => {
    const back = captionsOf(parseSrt(toSrt([SAMPLE[1] as Caption, SAMPLE[0] as Caption])));
    expect(back.map((c) => [c.id, c.style])).toEqual([
      ['cap-1', 'outline'],
      ['cap-2', 'outline'],
    ]);
    expect(captionsOf(parseVtt(toVtt(SAMPLE), { idPrefix: 'import-' }))[2]?.id).toBe('import-3');
  });

  it('holds for a few hundred generated caption lists', () => {
    const random = seeded(20261125);
    const pieces = [
      'kind',
      'words',
      '💛',
      'كن',
      'やさしい',
      '&',
      '<3',
      'a > b',
      '👍🏽',
      'Ünïcödé',
      '123',
      '“hi”',
    ];
    for (let round = 0; round < 300; round++) {
      const captions: Caption[] = [];
      let t = random() * 5;
      const count = 1 + Math.floor(random() * 8);
      for (let n = 0; n < count; n++) {
        const start = Math.round(t * 1000) / 1000;
        const end = Math.round((t + 0.001 + random() * 4) * 1000) / 1000;
        const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
          Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(pieces, random)).join(' '),
        );
        captions.push(caption(`g${n}`, start, end, lines.join('\n')));
        t = end + random() * 2;
      }
      const expected = seen(captions).map(([s, e, text]) => [s, e, cueLines(String(text)).join('\n')]);
      expect(seen(captionsOf(parseSrt(toSrt(captions))))).toEqual(expected);
      expect(seen(captionsOf(parseVtt(toVtt(captions))))).toEqual(expected);
    }
  });
});

describe('reading real-world SRT', () => {
  it('accepts a byte order mark and Windows or old Mac line endings', () => {
    const file = '1\n00:00:01,000 --> 00:00:02,000\nHello\nthere\n\n2\n00:00:03,000 --> 00:00:04,000\nBye\n';
    for (const text of [`\uFEFF${file}`, file.replaceAll('\n', '\r\n'), file.replaceAll('\n', '\r')]) {
      expect(texts(parseSrt(text))).toEqual(['Hello\nthere', 'Bye']);
    }
  });

  it('ignores missing and wrong cue numbers, extra blank lines and a missing blank line', () => {
    const text = [
      '',
      '',
      '00:00:01,000 --> 00:00:02,000',
      'No number',
      '',
      '',
      '',
      '7',
      '00:00:03,000 --> 00:00:04,000',
      'Wrong number',
      '3',
      '00:00:05,000 --> 00:00:06,000',
      'No blank line before me',
    ].join('\n');
    expect(texts(parseSrt(text))).toEqual(['No number', 'Wrong number', 'No blank line before me']);
  });

  it('reads dot milliseconds, short fractions and timings without hours', () => {
    const text = '00:00:01.250 --> 00:00:02,5\nA\n\n01:02,003 --> 01:03,000\nB\n';
    expect(seen(captionsOf(parseSrt(text)))).toEqual([
      [1250, 2500, 'A'],
      [62003, 63000, 'B'],
    ]);
  });

  it('strips formatting tags and positioning codes but keeps a literal <3', () => {
    const text =
      '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Be</i> <b>kind</b> <font color="#ff0">now</font> <3\n';
    expect(texts(parseSrt(text))).toEqual(['Be kind now <3']);
  });

  it('decodes HTML entities', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nTom &amp; Jerry &lt;3 &gt; x&nbsp;y &#128155;\n';
    expect(texts(parseSrt(text))).toEqual(['Tom & Jerry <3 > x\u00a0y 💛']);
  });

  it('sorts cues by start time', () => {
    const text = '1\n00:00:05,000 --> 00:00:06,000\nSecond\n\n2\n00:00:01,000 --> 00:00:02,000\nFirst\n';
    expect(texts(parseSrt(text))).toEqual(['First', 'Second']);
  });
});

describe('reading real-world WebVTT', () => {
  it('skips the header, NOTE, STYLE and REGION blocks and reads cue identifiers and settings', () => {
    const text = [
      'WEBVTT - Kindness',
      'Kind: captions',
      '',
      'NOTE written by hand',
      'over two lines',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'REGION',
      'id:fred width:40%',
      '',
      'intro',
      '00:01.000 --> 00:02.500 align:start line:0',
      '<v Mia>Hello</v> <c.yellow>friend</c>',
      'second line',
      '',
      '00:00:03.000 --> 00:00:04.000',
      'Bye',
    ].join('\n');
    expect(seen(captionsOf(parseVtt(text)))).toEqual([
      [1000, 2500, 'Hello friend\nsecond line'],
      [3000, 4000, 'Bye'],
    ]);
  });

  it('turns inline word timestamps into word timings', () => {
    const text =
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nBe <00:00:01.500><c>kind</c> <00:00:02.250>online\n';
    const [cue] = captionsOf(parseVtt(text));
    expect(cue?.text).toBe('Be kind online');
    expect(cue?.words?.map((w) => [ms(w.start), ms(w.end), w.text])).toEqual([
      [1000, 1500, 'Be'],
      [1500, 2250, 'kind'],
      [2250, 3000, 'online'],
    ]);
  });

  it('writes word timings as inline timestamps and reads them back the same', () => {
    const timed: Caption = {
      ...caption('w', 1, 3, 'Be kind\n<online> & off'),
      words: [
        { start: 1, end: 1.4, text: 'Be' },
        { start: 1.4, end: 2, text: 'kind' },
        { start: 2, end: 2.6, text: '<online>' },
        { start: 2.6, end: 2.8, text: '&' },
        { start: 2.8, end: 3, text: 'off' },
      ],
    };
    const vtt = toVtt([timed]);
    expect(vtt).toContain(
      'Be <00:00:01.400>kind\n<00:00:02.000>&lt;online&gt; <00:00:02.600>&amp; <00:00:02.800>off',
    );
    const [back] = captionsOf(parseVtt(vtt));
    expect(back?.words?.map((w) => [ms(w.start), ms(w.end), w.text])).toEqual(
      timed.words?.map((w) => [ms(w.start), ms(w.end), w.text]),
    );
    // Shifted with the exported range, like the cue.
    expect(toVtt([timed], { start: 1, end: 10 })).toContain('Be <00:00:00.400>kind');
    // Timings that no longer match the words (text edited by hand) are left out.
    expect(toVtt([{ ...timed, text: 'Be kind' }])).not.toContain('<00:');
  });

  it('has no word timings when the cue has no inline timestamps', () => {
    expect(captionsOf(parseVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n'))[0]?.words).toBeUndefined();
  });

  it('still reads a file without the WEBVTT header, with a warning', () => {
    const result = parseVtt('00:01.000 --> 00:02.000\nHi\n');
    expect(texts(result)).toEqual(['Hi']);
    expect(warningsOf(result)).toEqual([
      { line: 1, message: 'Line 1: the file does not start with “WEBVTT”; it was read as WebVTT anyway.' },
    ]);
  });
});

describe('warnings', () => {
  it('skips cues whose timing cannot be read or that end before they start, naming the line', () => {
    const text = [
      '1',
      '00:00:01,000 --> 00:00:02,000',
      'Good',
      '',
      '2',
      '00:00:0x,000 --> 00:00:04,000',
      'Bad timing',
      '',
      '3',
      '00:00:06,000 --> 00:00:05,000',
      'Backwards',
      '',
      '4',
      '00:00:07,000 --> 00:00:07,000',
      'No time at all',
      '',
      '5',
      '00:00:08,000 --> 00:00:09,000',
      '',
      'stray text',
    ].join('\n');
    const result = parseSrt(text);
    expect(texts(result)).toEqual(['Good']);
    expect(warningsOf(result)).toEqual([
      {
        line: 6,
        message:
          'Line 6: the timing “00:00:0x,000 --> 00:00:04,000” could not be read, so this cue was skipped.',
      },
      {
        line: 10,
        message:
          'Line 10: this cue ends (00:00:05.000) before it starts (00:00:06.000) or at the same time, so it was skipped.',
      },
      {
        line: 14,
        message:
          'Line 14: this cue ends (00:00:07.000) before it starts (00:00:07.000) or at the same time, so it was skipped.',
      },
      { line: 18, message: 'Line 18: this cue has no text, so it was skipped.' },
      {
        line: 20,
        message:
          'Line 20: this text is not part of a cue (a cue starts with a timing line), so it was skipped.',
      },
    ]);
  });

  it('cuts over-long text to the schema limit without splitting an emoji', () => {
    const long = `${'a'.repeat(499)}💛 and more`;
    const result = parseSrt(`1\n00:00:01,000 --> 00:00:02,000\n${long}\n`);
    expect(texts(result)).toEqual(['a'.repeat(499)]);
    expect(warningsOf(result)).toEqual([
      { line: 2, message: 'Line 2: this caption is longer than 500 characters, so its end was cut off.' },
    ]);
  });

  it('keeps timing for at most the 200 words the schema allows of a cue', () => {
    const words = Array.from(
      { length: 210 },
      (_, n) => `<00:00:${String(10 + Math.floor(n / 10)).padStart(2, '0')}.${n % 10}00>x`,
    );
    const result = parseVtt(`WEBVTT\r\n\r\n00:00:10.000 --> 00:00:40.000\r\n${words.join(' ')}\r\n`);
    const [cue] = captionsOf(result);
    expect(cue?.words).toHaveLength(200);
    expect(cue?.words?.[199]).toEqual({ start: 29.9, end: 30, text: 'x' });
    expect(warningsOf(result)).toEqual([
      {
        line: 3,
        message: 'Line 3: this cue times more than 200 words; only the first 200 keep their timing.',
      },
    ]);
  });

  it('lists at most fifty problems and says how many more there were', () => {
    const bad = Array.from({ length: 60 }, () => 'xx --> yy\nText\n').join('\n');
    const result = parseSrt(`${bad}\n00:00:01,000 --> 00:00:02,000\nOk\n`);
    const warnings = warningsOf(result);
    expect(warnings).toHaveLength(51);
    expect(warnings[50]?.message).toBe('10 more problems from line 151 on were not listed.');
  });
});

describe('failures', () => {
  it('says an empty file is empty', () => {
    expect(errorOf(parseSrt(''))).toEqual({ message: 'This subtitle file is empty.' });
    expect(errorOf(parseVtt('\uFEFF \r\n\r\n'))).toEqual({ message: 'This subtitle file is empty.' });
  });

  it('explains a file without any cue', () => {
    expect(errorOf(parseSubtitles('WEBVTT\n\nNOTE nothing here\n', 'talk.vtt'))).toEqual({
      message:
        'No captions were found in this file: it has no timed cues (lines like “00:00:01,000 --> 00:00:03,000”). Kindness Studio reads SRT (.srt) and WebVTT (.vtt) subtitle files.',
    });
  });

  it('points at the first problem when every cue was skipped', () => {
    expect(errorOf(parseSrt('1\n00:00:02,000 --> 00:00:01,000\nBackwards\n'))).toEqual({
      message:
        'No captions were found in this file: nothing in it could be used. Line 2: this cue ends (00:00:01.000) before it starts (00:00:02.000) or at the same time, so it was skipped.',
      line: 2,
    });
  });

  it('refuses binary data', () => {
    expect(errorOf(parseSubtitles('PK\u0003\u0004\u0000\u0000', 'captions.zip')).message).toBe(
      'This file is not a subtitle file (it holds binary data). Kindness Studio reads SRT (.srt) and WebVTT (.vtt) subtitle files.',
    );
  });
});

describe('format detection', () => {
  const vttOnly = 'WEBVTT\n\nNOTE a <b>tag</b>\n\n00:01.000 --> 00:02.000\n<b>x</b> &lt;3 <hello>\n';

  it('reads a WEBVTT header as WebVTT whatever the file is called', () => {
    // As WebVTT every <...> is markup; as SRT the NOTE block would be text outside a cue.
    expect(texts(parseSubtitles(vttOnly, 'subs.srt'))).toEqual(['x <3']);
    expect(warningsOf(parseSubtitles(vttOnly))).toEqual([]);
  });

  it('uses the extension without a header, and SRT otherwise', () => {
    // An unknown tag is markup in WebVTT but may be meant literally in SRT.
    const text = '00:01.000 --> 00:02.000\n<b>x</b> <hello>\n';
    expect(texts(parseSubtitles(text, 'clip.VTT'))).toEqual(['x']);
    expect(warningsOf(parseSubtitles(text, 'clip.VTT'))).toHaveLength(1);
    expect(texts(parseSubtitles(text, 'clip.srt'))).toEqual(['x <hello>']);
    expect(texts(parseSubtitles(text))).toEqual(['x <hello>']);
  });
});

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run tests the same lists. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}
