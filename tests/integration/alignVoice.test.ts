import { beforeAll, describe, expect, it } from 'vitest';
import { buildAlignCorpus, type CorpusSentence } from '../../src/cli/bench/alignCorpus';
import {
  ALIGN_TARGETS,
  alignReport,
  alignSentence,
  figures,
  sentenceErrors,
  type SentenceErrors,
} from '../../src/cli/bench/alignMeasure';

/**
 * "Time to voice" measured on voices whose word times are known exactly (issue 14): 40 English
 * and 40 Spanish sentences synthesised word by word with espeak-ng (a test tool, never shipped),
 * a third with noise and a third with music under them. Needs espeak-ng and sox
 * (`sudo apt-get install espeak-ng sox`; bash .ci/run installs them).
 */
let corpus: CorpusSentence[] = [];
let errors: SentenceErrors[] = [];

beforeAll(async () => {
  corpus = await buildAlignCorpus({ seed: 14, count: 40 });
  errors = corpus.map((s) => sentenceErrors(s, alignSentence(s)));
  console.log(alignReport(errors));
});

describe('captions timed to the voice, per language', () => {
  for (const language of ['en', 'es'] as const) {
    it(`${language}: word starts within the targets, caption boundaries inside the true pauses`, () => {
      const mine = errors.filter((e) => e.language === language);
      expect(mine.length).toBeGreaterThanOrEqual(40);
      expect(mine.some((e) => e.background === 'music')).toBe(true);
      expect(mine.some((e) => e.background === 'noise')).toBe(true);
      const f = figures(mine);
      expect(f.medianWordStart).toBeLessThanOrEqual(ALIGN_TARGETS.medianWordStart);
      expect(f.p90WordStart).toBeLessThanOrEqual(ALIGN_TARGETS.p90WordStart);
      expect(f.worstBoundary).toBeLessThanOrEqual(ALIGN_TARGETS.captionBoundary);
    });
  }

  it('gives every caption of the script its words, in order, each inside its caption', () => {
    for (const sentence of corpus.slice(0, 10)) {
      const result = alignSentence(sentence);
      expect(result.captions.map((c) => c.text)).toEqual(sentence.lines);
      let last = 0;
      for (const caption of result.captions) {
        expect(caption.start).toBeGreaterThanOrEqual(last);
        expect(caption.end).toBeGreaterThan(caption.start);
        for (const w of caption.words) {
          expect(w.start).toBeGreaterThanOrEqual(caption.start);
          expect(w.end).toBeLessThanOrEqual(caption.end);
        }
        last = caption.end;
      }
    }
  });
});
