import { describe, expect, it } from 'vitest';
import { captionWords, joinCaptionWords, parseVtt, toVtt } from '../../../src/core/captions';
import { mergeCaptionWithNext, splitCaption, timeWordsEvenly } from '../../../src/core/edit';
import { evaluate } from '../../../src/core/frame';
import { ProjectSchema } from '../../../src/core/schema';

function project(captions: unknown[]) {
  return ProjectSchema.parse({
    format: 'kindness-studio',
    version: 1,
    scenes: [{ id: 's', duration: 10 }],
    captions,
  });
}

describe('the words of a caption, for word-by-word timing', () => {
  it('splits text with spaces at the spaces, punctuation staying with its word', () => {
    expect(captionWords('Be kind,  today! 💛')).toEqual(['Be', 'kind,', 'today!', '💛']);
    expect(captionWords('كن لطيفًا دائمًا')).toEqual(['كن', 'لطيفًا', 'دائمًا']);
  });

  it('splits Japanese into words, punctuation kept with the word before it', () => {
    expect(captionWords('やさしさは、すぐに届く。')).toEqual(['やさしさ', 'は、', 'すぐ', 'に', '届く。']);
    // An opening bracket goes with the word after it, the closing one with the word before.
    expect(captionWords('「ありがとう」と言おう')).toEqual(['「ありがとう」', 'と', '言', 'おう']);
  });

  it('splits Chinese into words', () => {
    expect(captionWords('善良是一种选择。')).toEqual(['善良', '是', '一种', '选择。']);
  });

  it('keeps a mix: Latin words at spaces, the Japanese run split into its words', () => {
    expect(captionWords('Be kind 友達を大切に')).toEqual(['Be', 'kind', '友達', 'を', '大切', 'に']);
  });

  it('joins words back without spaces inside Japanese or Chinese, with them elsewhere', () => {
    for (const text of [
      'やさしさは、すぐに届く。',
      '善良是一种选择。',
      'Be kind 友達を大切に',
      'Be kind today',
    ]) {
      expect(joinCaptionWords(captionWords(text))).toBe(text);
    }
  });
});

describe('word timing of Japanese and Chinese captions', () => {
  it('times each word, not the whole line, and highlights the word being said', () => {
    const p = timeWordsEvenly(
      project([{ id: 'jp', start: 0, end: 3, text: 'やさしさは、すぐに届く。' }]),
      'jp',
    );
    const words = p.captions[0]?.words ?? [];
    expect(words.map((w) => w.text)).toEqual(['やさしさ', 'は、', 'すぐ', 'に', '届く。']);
    expect(words[0]?.start).toBe(0);
    expect(words.at(-1)?.end).toBe(3);
    for (let i = 1; i < words.length; i++) expect(words[i]?.start).toBe(words[i - 1]?.end);
    // Halfway through the third word, the third word is the one spoken.
    const third = words[2];
    if (third === undefined) throw new Error('no third word');
    expect(evaluate(p, (third.start + third.end) / 2).caption?.activeWord).toBe(2);
  });

  it('splits a word-timed Chinese caption at the word being spoken, without adding spaces', () => {
    const p = timeWordsEvenly(project([{ id: 'zh', start: 0, end: 4, text: '善良是一种选择。' }]), 'zh');
    const third = p.captions[0]?.words?.[2];
    if (third === undefined) throw new Error('no third word');
    const { project: split } = splitCaption(p, 'zh', third.start + 0.01);
    // The word after the one being spoken starts the second caption.
    expect(split.captions.map((c) => c.text)).toEqual(['善良是一种', '选择。']);
    // Merging them back gives the original text, not one with a space in it.
    expect(mergeCaptionWithNext(split, 'zh').captions[0]?.text).toBe('善良是一种选择。');
  });

  it('writes Japanese word timing into WebVTT without spaces, and reads it back', () => {
    const p = timeWordsEvenly(
      project([{ id: 'jp', start: 0, end: 3, text: 'やさしさは、すぐに届く。' }]),
      'jp',
    );
    const vtt = toVtt(p.captions);
    expect(vtt).toMatch(/\nやさしさ<00:00:0\d\.\d{3}>は、<00:00:0\d\.\d{3}>すぐ</);
    const back = parseVtt(vtt);
    const cue = back.ok ? back.captions[0] : undefined;
    expect(cue?.text).toBe('やさしさは、すぐに届く。');
    expect(cue?.words?.map((w) => w.text)).toEqual(['やさしさ', 'は、', 'すぐ', 'に', '届く。']);
    expect(cue?.words?.map((w) => w.start)).toEqual(p.captions[0]?.words?.map((w) => w.start));
  });
});
