import { describe, expect, it } from 'vitest';
import {
  buildEndCardElements,
  checkEndCard,
  END_CARD_READABILITY,
  END_CARD_THEMES,
  endCardContrasts,
  entranceEnd,
} from '../../../src/core/endCard';
import { blankProject, setEndCardRegion, toggleEndCardResource, updateEndCard } from '../../../src/core/edit';
import { evaluate } from '../../../src/core/frame';
import { END_CARD_TEMPLATES, EndCardSchema, type EndCard, type Project } from '../../../src/core/schema';
import { timelineOf } from '../../../src/core/timeline';

const US = [
  { name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988 · 988lifeline.org' },
  { name: 'Crisis Text Line', contact: 'Text HOME to 741741' },
  { name: 'StopBullying.gov', contact: 'stopbullying.gov' },
];
const typical = (template: EndCard['template']): EndCard =>
  EndCardSchema.parse({
    template,
    message: 'Behind every account is a real person. Choose kindness.',
    resources: US,
    handle: 'kindnessstudio',
    avatar: 'a'.repeat(64),
  });

function withCard(card: EndCard): Project {
  return { ...blankProject(), endCard: card };
}

describe('end-card templates', () => {
  it('offers at least four designed templates, each with its own name and look', () => {
    expect(END_CARD_TEMPLATES.length).toBeGreaterThanOrEqual(4);
    const looks = END_CARD_TEMPLATES.map((t) => JSON.stringify(END_CARD_THEMES[t].background));
    expect(new Set(looks).size).toBe(END_CARD_TEMPLATES.length);
    expect(new Set(END_CARD_TEMPLATES.map((t) => END_CARD_THEMES[t].label)).size).toBe(
      END_CARD_TEMPLATES.length,
    );
  });

  it.each(END_CARD_TEMPLATES)(
    '%s: every text passes the readability checks (size and 4.5:1 contrast)',
    (t) => {
      const card = typical(t);
      expect(checkEndCard(card, { width: 1080, height: 1920 })).toEqual([]);
      const contrasts = endCardContrasts(card, { width: 1080, height: 1920 });
      expect(contrasts.map((c) => c.part)).toEqual([
        'message',
        'resource-0',
        'resource-1',
        'resource-2',
        'emergency',
        'handle',
      ]);
      for (const c of contrasts) {
        expect(c.contrast, c.part).toBeGreaterThanOrEqual(END_CARD_READABILITY.minContrast);
        expect(c.fontSize, c.part).toBeGreaterThanOrEqual(END_CARD_READABILITY.minFontPx);
      }
    },
  );

  it('warns in plain words when too much text makes the card shrink below a readable size', () => {
    const card = EndCardSchema.parse({
      message: 'Kindness matters. '.repeat(16).trim(),
      resources: [...US, ...US],
      handle: 'someone',
      avatar: 'a'.repeat(64),
    });
    const issues = checkEndCard(card, { width: 1080, height: 1920 });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('too-small');
    expect(issues[0]?.message).toMatch(/Shorten the message or list fewer resources/);
  });

  it('flags low contrast', () => {
    // A dark text colour on the dark calm card is what the check exists for.
    const calm = END_CARD_THEMES.calm;
    const saved = calm.muted;
    (calm as { muted: string }).muted = '#3a3f5a';
    try {
      const issues = checkEndCard(typical('calm'), { width: 1080, height: 1920 });
      expect(issues.map((i) => [i.code, i.part])).toEqual([['low-contrast', 'emergency']]);
      expect(issues[0]?.message).toMatch(/^The emergency line has a contrast of \d\.\d:1/);
    } finally {
      (calm as { muted: string }).muted = saved;
    }
  });

  it('puts the avatar above the handle, centred in the safe box', () => {
    const { elements } = buildEndCardElements(typical('paper'), { width: 1080, height: 1920 });
    const avatar = elements.find((e) => e.id === 'endcard-avatar');
    const handle = elements.find((e) => e.id === 'endcard-handle');
    expect(avatar?.kind).toBe('image');
    if (avatar?.kind !== 'image' || handle?.kind !== 'text') throw new Error('missing');
    expect(avatar.assetId).toBe('a'.repeat(64));
    expect(avatar.x + avatar.width / 2).toBeCloseTo(120 + 768 / 2, 5); // the safe box's centre
    expect(avatar.y + avatar.height).toBeLessThanOrEqual(handle.y);
  });
});

describe('end-card entrance', () => {
  const project = withCard(typical('night'));
  const start = timelineOf(project).endCardStart as number;
  const texts = (t: number) =>
    (evaluate(project, t).layers[0]?.elements ?? []).filter(
      (e) => e.kind === 'text' || e.id === 'endcard-accent',
    );

  it('starts with the text hidden and lower, and settles into the layout', () => {
    const first = texts(start);
    expect(first.length).toBe(7);
    for (const el of first) expect(el.opacity, el.id).toBe(0);

    const settled = texts(start + entranceEnd(3) + 0.01);
    const layout = buildEndCardElements(project.endCard as EndCard, project.video).elements;
    for (const el of settled) {
      const final = layout.find((e) => e.id === el.id);
      expect(el.opacity, el.id).toBe(1);
      expect(el.y, el.id).toBeCloseTo(final?.y ?? NaN, 6);
    }
  });

  it('brings the parts in one after another, the message before the resources', () => {
    const at = (t: number, id: string) => texts(start + t).find((e) => e.id === id)?.opacity ?? -1;
    expect(at(0.3, 'endcard-message')).toBeGreaterThan(0);
    expect(at(0.3, 'endcard-resource-0')).toBe(0);
    expect(at(0.9, 'endcard-resource-0')).toBeGreaterThan(0);
    expect(at(0.9, 'endcard-handle')).toBeLessThan(1);
  });

  it('is a pure function of time: the preview and the export see the same frame', () => {
    const a = evaluate(project, start + 0.42);
    const b = evaluate(project, start + 0.42);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('end-card commands', () => {
  it('turn the card on with the defaults, change it, and keep values in range', () => {
    let p = blankProject();
    p = updateEndCard(p, { enabled: true });
    expect(p.endCard).toMatchObject({ enabled: true, template: 'calm', duration: 4 });
    p = updateEndCard(p, {
      template: 'paper',
      handle: ' @my handle ',
      duration: 99,
      message: 'x'.repeat(400),
    });
    expect(p.endCard).toMatchObject({ template: 'paper', handle: '@myhandle', duration: 30 });
    expect(p.endCard?.message).toHaveLength(300);
    expect(updateEndCard(p, { duration: 0 }).endCard?.duration).toBe(1);
    expect(updateEndCard(p, { template: 'paper' })).toBe(p); // no change, no undo step
  });

  it('pick a region with its resources, at most six, and toggle one', () => {
    let p = setEndCardRegion(blankProject(), 'UK', [
      { name: 'Childline', contact: '0800 1111 · childline.org.uk' },
    ]);
    expect(p.endCard).toMatchObject({ region: 'UK', resources: [{ name: 'Childline' }] });
    p = toggleEndCardResource(p, { name: 'TikTok Safety Center', contact: 'tiktok.com/safety' });
    expect(p.endCard?.resources.map((r) => r.name)).toEqual(['Childline', 'TikTok Safety Center']);
    p = toggleEndCardResource(p, { name: 'Childline', contact: '0800 1111 · childline.org.uk' });
    expect(p.endCard?.resources.map((r) => r.name)).toEqual(['TikTok Safety Center']);
    const many = setEndCardRegion(p, 'US', [...US, ...US, ...US]);
    expect(many.endCard?.resources).toHaveLength(6);
    expect(toggleEndCardResource(many, { name: 'New', contact: '1' })).toBe(many);
  });

  it('the avatar is saved with the project and reported when its file is missing', async () => {
    const { referencedAssetIds } = await import('../../../src/core/load');
    const p = updateEndCard(blankProject(), { enabled: true, avatar: 'c'.repeat(64) });
    expect([...referencedAssetIds(p)]).toContain('c'.repeat(64));
  });
});

describe('a corrected directory entry on the card', () => {
  it('is updated in its place, and nothing changes when it is not on the card', async () => {
    const { replaceEndCardResource } = await import('../../../src/core/edit');
    const p = setEndCardRegion(blankProject(), 'US', US);
    const next = replaceEndCardResource(p, US[1] as (typeof US)[number], {
      name: 'Crisis Text Line',
      contact: 'Text HOME to 741741 · 24/7',
    });
    expect(next.endCard?.resources.map((r) => r.contact)).toEqual([
      US[0]?.contact,
      'Text HOME to 741741 · 24/7',
      US[2]?.contact,
    ]);
    expect(replaceEndCardResource(p, { name: 'Other', contact: '1' }, { name: 'X', contact: '2' })).toBe(p);
  });
});
