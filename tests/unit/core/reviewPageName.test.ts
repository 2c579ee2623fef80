import { describe, expect, it } from 'vitest';
import { chosenPageName, draftWatermark, reviewPageName } from '../../../src/core/review';

describe('review page names', () => {
  it('marks a shared draft with its number and the day it was shared', () => {
    expect(draftWatermark(3, '2026-11-25T10:00:00.000Z')).toBe('DRAFT v3\n2026-11-25');
  });

  it('makes a name from the title and the draft number', () => {
    expect(reviewPageName('Kind <words> & more', 2)).toBe('Kind words more - review draft v2.html');
    expect(reviewPageName('***', 1)).toBe('Untitled - review draft v1.html');
  });

  it('takes a typed name, adding .html when missing', () => {
    expect(chosenPageName(' For Maya ')).toEqual({ ok: true, name: 'For Maya.html' });
    expect(chosenPageName('Draft.HTML')).toEqual({ ok: true, name: 'Draft.HTML' });
    expect(chosenPageName('Été – brouillon')).toEqual({ ok: true, name: 'Été – brouillon.html' });
  });

  it('refuses names that leave the folder or that systems refuse, saying why', () => {
    expect(chosenPageName('')).toEqual({ ok: false, message: 'Give the review page a file name.' });
    expect(chosenPageName('../x')).toMatchObject({
      ok: false,
      message: 'A file name cannot contain / or \\.',
    });
    expect(chosenPageName('a\\b').ok).toBe(false);
    for (const bad of ['.hidden', 'name.', 'a:b', 'a?b', 'tab\there'])
      expect(chosenPageName(bad).ok).toBe(false);
  });
});
