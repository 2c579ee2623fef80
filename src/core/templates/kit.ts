import type { Background, Easing, Element, EndCardTemplate, Expression, Viseme } from '../schema';
import { buildCharacter, type CharacterDesign, type Point } from '../library/characters';
import { HEART_PATH } from '../library/props';
import { idsAvoiding } from '../library/ids';
import { shapes, type Shapes } from '../library/shapes';
import { buildSticker, TWEMOJI_STICKERS } from '../library/stickers';
import { CHARACTER_DESIGNS } from '../library/characters';

/**
 * The template kit: what the six story templates are built from. Pure functions from a few
 * numbers to elements, so each template file reads like a storyboard. Times are seconds from
 * the start of the scene; coordinates are 1080 x 1920 frame pixels.
 */

/** [time, value, easing?]: easing shapes the motion from this keyframe to the next. */
export type Key = readonly [number, number | string, Easing?];

/** Adds keyframe tracks to an element (replacing tracks of the same property). */
export function animate(el: Element, tracks: Readonly<Record<string, readonly Key[]>>): Element {
  const out: Record<string, { time: number; value: number | string; easing: Easing }[]> = {
    ...(el.keyframes as
      Record<string, { time: number; value: number | string; easing: Easing }[]> | undefined),
  };
  for (const [prop, keys] of Object.entries(tracks)) {
    const discrete = prop === 'expression' || prop === 'mouth';
    const colour = prop === 'fill' || prop === 'stroke';
    out[prop] = [...keys]
      .sort((a, b) => a[0] - b[0])
      .map(([time, value, easing]) => ({
        time: Math.round(time * 1000) / 1000,
        value,
        easing: easing ?? (discrete ? 'hold' : colour ? 'linear' : 'easeInOutCubic'),
      }));
  }
  return { ...el, keyframes: out } as Element;
}

/** Pops in at `t`: scales up from nothing with a small overshoot. */
export function popIn(el: Element, t: number, duration = 0.45): Element {
  const sx = el.scaleX;
  const sy = el.scaleY;
  return animate(el, {
    scaleX: [
      [t, sx * 0.01, 'easeOutBack'],
      [t + duration, sx],
    ],
    scaleY: [
      [t, sy * 0.01, 'easeOutBack'],
      [t + duration, sy],
    ],
    opacity: [
      [t, 0, 'easeOutQuad'],
      [t + duration * 0.5, el.opacity],
    ],
  });
}

/** Fades and rises in at `t` from `dy` pixels below. */
export function riseIn(el: Element, t: number, dy = 60, duration = 0.6): Element {
  return animate(el, {
    y: [
      [t, el.y + dy, 'easeOutCubic'],
      [t + duration, el.y],
    ],
    opacity: [
      [t, 0, 'easeOutQuad'],
      [t + duration, el.opacity],
    ],
  });
}

/** Slides in from `dx` pixels to the side at `t`. */
export function slideIn(el: Element, t: number, dx: number, duration = 0.6): Element {
  return animate(el, {
    x: [
      [t, el.x + dx, 'easeOutCubic'],
      [t + duration, el.x],
    ],
    opacity: [
      [t, 0, 'easeOutQuad'],
      [t + duration * 0.6, el.opacity],
    ],
  });
}

/** Fades out from `t` over `duration`. */
export function fadeOut(el: Element, t: number, duration = 0.5): Element {
  const existing = el.keyframes?.opacity ?? [];
  const keys: Key[] = existing.map((k) => [k.time, k.value, k.easing] as Key);
  const start = keys.length > 0 ? (keys[keys.length - 1]?.[1] as number) : el.opacity;
  return animate(el, { opacity: [...keys, [t, start, 'easeInQuad'], [t + duration, 0]] });
}

/** Bobs gently up and down for `until` seconds (a living, breathing figure). */
export function bob(el: Element, until: number, amount = 10, period = 1.6): Element {
  const keys: Key[] = [];
  for (let t = 0, i = 0; t <= until + 0.001; t += period / 2, i++) {
    keys.push([t, el.y + (i % 2 === 0 ? 0 : -amount), 'easeInOutSine']);
  }
  return animate(el, { y: keys });
}

/** Floats upwards and fades, from `t` for `duration` (hearts and bubbles rising). */
export function floatUp(el: Element, t: number, rise = 220, duration = 2.4): Element {
  return animate(el, {
    y: [
      [t, el.y, 'easeOutSine'],
      [t + duration, el.y - rise],
    ],
    opacity: [
      [t, 0, 'easeOutQuad'],
      [t + 0.3, el.opacity, 'linear'],
      [t + duration * 0.7, el.opacity, 'easeInQuad'],
      [t + duration, 0],
    ],
  });
}

/** A talking mouth from `start` to `end`: shapes that read like speech, closing between words. */
export function talk(start: number, end: number, seed = 1): Key[] {
  const cycle: Viseme[] = ['B', 'D', 'C', 'A', 'E', 'B', 'C', 'F', 'D', 'A'];
  const keys: Key[] = [[0, 'rest']];
  let i = seed % cycle.length;
  for (let t = start; t < end - 0.05; t += 0.13) keys.push([t, cycle[i++ % cycle.length] as Viseme]);
  keys.push([end, 'rest']);
  return keys;
}

/** A character design recoloured for a template's own look. */
export function restyle(id: string, changes: Partial<CharacterDesign>): CharacterDesign {
  const base = CHARACTER_DESIGNS.find((d) => d.id === id);
  if (base === undefined) throw new Error(`No character ${id}`);
  return { ...base, ...changes };
}

/** Shared builder state for one template: its id source. */
export interface Kit {
  s: Shapes;
  character(design: CharacterDesign, at: Point, scale: number, expression?: Expression): Element;
  sticker(id: string, at: Point, size: number): Element;
  heart(at: Point, fill: string, scale: number, rotation?: number): Element;
}

export function kit(): Kit {
  const taken = new Set<string>();
  const ids = idsAvoiding(taken);
  const s = shapes(ids);
  return {
    s,
    character: (design, at, scale, expression = 'happy') =>
      buildCharacter(design, ids, at, { scale, expression }),
    sticker: (id, at, size) => {
      const art = TWEMOJI_STICKERS.find((a) => a.id === id);
      if (art === undefined) throw new Error(`No sticker ${id}`);
      return buildSticker(art, s, at, size);
    },
    heart: (at, fill, scale, rotation = 0) =>
      s.path('heart', {
        name: 'Heart',
        x: at.x,
        y: at.y,
        scaleX: scale,
        scaleY: scale,
        rotation,
        data: HEART_PATH,
        fill,
      }),
  };
}

/** One comment card as on a phone or floating: avatar, handle, text. `width` px wide. */
export function commentCard(
  k: Kit,
  at: Point,
  handle: string,
  text: string,
  look: { card: string; ink: string; muted: string; avatar: string; font: string },
  width = 560,
): Element {
  const { s } = k;
  return k.s.group('comment', { name: `Comment: ${text}`, x: at.x, y: at.y }, [
    s.rect('comment-card', {
      name: 'Card',
      x: -width / 2,
      y: -62,
      width,
      height: 124,
      cornerRadius: 30,
      fill: look.card,
    }),
    s.ellipse('comment-avatar', {
      name: 'Avatar',
      x: -width / 2 + 56,
      radiusX: 32,
      radiusY: 32,
      fill: look.avatar,
    }),
    s.text('comment-handle', {
      name: 'Handle',
      x: -width / 2 + 104,
      y: -42,
      width: width - 130,
      text: handle,
      fontFamily: 'Inter',
      fontSize: 24,
      fontWeight: 'bold',
      align: 'left',
      fill: look.muted,
    }),
    s.text('comment-text', {
      name: 'Comment text',
      x: -width / 2 + 104,
      y: -8,
      width: width - 130,
      text,
      fontFamily: look.font,
      fontSize: 34,
      fontWeight: 'bold',
      align: 'left',
      fill: look.ink,
    }),
  ]);
}

/** A phone frame (no comments), `scale` 1 = 440 x 860 px, centred on `at`. */
export function phoneFrame(k: Kit, at: Point, screen: string, body = '#1d1b2e'): Element {
  const { s } = k;
  return s.group('phone', { name: 'Phone', x: at.x, y: at.y }, [
    s.rect('phone-case', {
      name: 'Case',
      x: -220,
      y: -430,
      width: 440,
      height: 860,
      cornerRadius: 64,
      fill: body,
    }),
    s.rect('phone-screen', {
      name: 'Screen',
      x: -200,
      y: -408,
      width: 400,
      height: 816,
      cornerRadius: 48,
      fill: screen,
    }),
    s.rect('phone-notch', {
      name: 'Notch',
      x: -56,
      y: -396,
      width: 112,
      height: 26,
      cornerRadius: 13,
      fill: body,
    }),
  ]);
}

export interface RevealLook {
  background: Background;
  ring: string;
  title: string;
  handle: string;
  font: string;
  accent: string;
  /** Behind the texts, so they stay readable (a soft card). */
  card: string;
}

/**
 * The campaign's closing beat: the creator revealed. A round photo placeholder (select it and
 * replace it with your own picture), "this is me" and the creator's handle, with sparkles.
 */
export function revealElements(k: Kit, look: RevealLook, line: string, companion: Element | null): Element[] {
  const { s } = k;
  const photo = s.group('your-photo', { name: 'Your photo (replace with your picture)', x: 540, y: 700 }, [
    s.ellipse('photo-ring', { name: 'Ring', radiusX: 220, radiusY: 220, fill: look.ring }),
    s.ellipse('photo-backdrop', { name: 'Photo area', radiusX: 198, radiusY: 198, fill: '#e9e4f5' }),
    s.ellipse('photo-head', { name: 'Placeholder head', y: -40, radiusX: 70, radiusY: 74, fill: '#b9b1d0' }),
    s.path('photo-shoulders', {
      name: 'Placeholder shoulders',
      data: 'M -130 150 Q -126 50 0 48 Q 126 50 130 150 Q 70 196 0 198 Q -70 196 -130 150 Z',
      fill: '#b9b1d0',
    }),
    s.text('photo-hint', {
      name: 'Photo hint',
      x: -150,
      y: 118,
      width: 300,
      text: 'your photo',
      fontFamily: 'Inter',
      fontSize: 30,
      fontWeight: 'bold',
      fill: '#4b4463',
    }),
  ]);
  const card = s.rect('reveal-card', {
    name: 'Text card',
    x: 170,
    y: 950,
    width: 740,
    height: 236,
    cornerRadius: 48,
    fill: look.card,
  });
  const title = s.text('reveal-title', {
    name: 'This is me',
    x: 200,
    y: 972,
    width: 680,
    text: line,
    fontFamily: look.font,
    fontSize: 84,
    fontWeight: 'bold',
    fill: look.title,
  });
  const handle = s.text('reveal-handle', {
    name: 'Your handle',
    x: 200,
    y: 1090,
    width: 680,
    text: '@yourhandle',
    fontFamily: 'Inter',
    fontSize: 56,
    fontWeight: 'bold',
    fill: look.handle,
  });
  const sparkles = [
    [250, 520, 0.3],
    [840, 570, 0.6],
    [820, 860, 0.9],
    [250, 860, 1.2],
  ].map(([x, y, t]) =>
    animate(
      s.star('reveal-sparkle', {
        name: 'Sparkle',
        x: x as number,
        y: y as number,
        points: 4,
        innerRadius: 9,
        outerRadius: 30,
        fill: look.accent,
      }),
      {
        scaleX: [
          [t as number, 0.01, 'easeOutBack'],
          [(t as number) + 0.5, 1, 'easeInOutSine'],
          [(t as number) + 1.4, 0.6, 'easeInOutSine'],
          [(t as number) + 2.3, 1],
        ],
        scaleY: [
          [t as number, 0.01, 'easeOutBack'],
          [(t as number) + 0.5, 1, 'easeInOutSine'],
          [(t as number) + 1.4, 0.6, 'easeInOutSine'],
          [(t as number) + 2.3, 1],
        ],
      },
    ),
  );
  const out: Element[] = [
    popIn(photo, 0.15, 0.6),
    riseIn(card, 0.6),
    riseIn(title, 0.7),
    riseIn(handle, 1.0),
    ...sparkles,
  ];
  if (companion !== null) out.push(companion);
  return out;
}

export interface TemplateEndCard {
  template: EndCardTemplate;
  message: string;
  region: 'US' | 'UK' | 'CA' | 'global';
  /** Directory ids (resources/safety/directory.json); the builder copies name and contact. */
  resources: readonly string[];
}

/** The ground a scene's characters stand on, from `y` to the bottom of the frame. */
export function ground(k: Kit, y: number, fill: string, edge?: string): Element[] {
  const out = [k.s.rect('ground', { name: 'Ground', x: -20, y, width: 1120, height: 1940 - y, fill })];
  if (edge !== undefined)
    out.push(
      k.s.rect('ground-edge', { name: 'Ground edge', x: -20, y, width: 1120, height: 14, fill: edge }),
    );
  return out;
}

/** A soft shadow under a character's feet. */
export function shadow(
  k: Kit,
  x: number,
  y: number,
  width: number,
  fill = '#000000',
  opacity = 0.18,
): Element {
  return k.s.ellipse('shadow', {
    name: 'Shadow',
    x,
    y,
    radiusX: width / 2,
    radiusY: width / 10,
    fill,
    opacity,
  });
}

/** Small twinkling stars at fixed places (decoration outside the text areas). */
export function twinkles(
  k: Kit,
  fill: string,
  places: readonly (readonly [number, number, number])[],
): Element[] {
  return places.map(([x, y, r], i) =>
    animate(
      k.s.star('twinkle', {
        name: 'Twinkle',
        x,
        y,
        points: 4,
        innerRadius: r * 0.35,
        outerRadius: r,
        fill,
        opacity: 0.6,
      }),
      {
        opacity: [
          [0.3 * (i % 5), 0.2, 'easeInOutSine'],
          [0.3 * (i % 5) + 1.2, 0.9, 'easeInOutSine'],
          [0.3 * (i % 5) + 2.4, 0.25, 'easeInOutSine'],
          [0.3 * (i % 5) + 3.6, 0.8],
        ],
      },
    ),
  );
}

/** A thought bubble (cloud with trailing dots towards `tail`), text inside, centred on `at`. */
export function thought(
  k: Kit,
  at: Point,
  text: string,
  font: string,
  width = 560,
  tail: 'left' | 'right' = 'left',
): Element {
  const { s } = k;
  const side = tail === 'left' ? -1 : 1;
  const line = { fill: '#ffffff', stroke: '#1d1b2e', strokeWidth: 5 };
  return s.group('thought', { name: `Thought: ${text}`, x: at.x, y: at.y }, [
    s.ellipse('thought-dot', {
      name: 'Dot',
      x: side * width * 0.3,
      y: 170,
      radiusX: 16,
      radiusY: 16,
      ...line,
    }),
    s.ellipse('thought-dot', {
      name: 'Dot',
      x: side * width * 0.22,
      y: 122,
      radiusX: 26,
      radiusY: 24,
      ...line,
    }),
    s.ellipse('thought-cloud', { name: 'Cloud', radiusX: width / 2, radiusY: 112, ...line }),
    s.text('thought-text', {
      name: 'Thought text',
      x: -width / 2 + 50,
      y: -32,
      width: width - 100,
      text,
      fontFamily: font,
      fontSize: 50,
      fontWeight: 'bold',
      fill: '#1d1b2e',
    }),
  ]);
}

/** A speech bubble whose tail points at `tail` (frame pixels), centred on `at`. */
export function speech(
  k: Kit,
  at: Point,
  tail: Point,
  text: string,
  look: { fill: string; ink: string; font: string; stroke?: string },
  width = 600,
  height = 170,
): Element {
  return k.s.bubble('speech', {
    name: `Speech: ${text}`,
    x: at.x,
    y: at.y,
    anchorX: width / 2,
    anchorY: height / 2,
    width,
    height,
    cornerRadius: 48,
    tailX: tail.x - at.x + width / 2,
    tailY: tail.y - at.y + height / 2,
    text,
    textColor: look.ink,
    fontFamily: look.font,
    fontSize: 48,
    fill: look.fill,
    stroke: look.stroke ?? null,
    strokeWidth: look.stroke === undefined ? 0 : 5,
  });
}

/** A word on a block (Power of Words), centred on `at`. */
export function wordBlock(
  k: Kit,
  at: Point,
  word: string,
  fill: string,
  ink: string,
  width: number,
  rotation = 0,
): Element {
  const { s } = k;
  return s.group('word', { name: `Word: ${word}`, x: at.x, y: at.y, rotation }, [
    s.rect('word-block', { name: 'Block', x: -width / 2, y: -48, width, height: 96, cornerRadius: 18, fill }),
    s.text('word-text', {
      name: 'Word',
      x: -width / 2,
      y: -24,
      width,
      text: word,
      fontFamily: 'Inter',
      fontSize: 40,
      fontWeight: 'bold',
      fill: ink,
    }),
  ]);
}

/** Drops in from above at `t`, bouncing where it lands. */
export function dropIn(el: Element, t: number, height = 700, duration = 0.8): Element {
  return animate(el, {
    y: [
      [t, el.y - height, 'easeOutBounce'],
      [t + duration, el.y],
    ],
    opacity: [
      [t, 0, 'linear'],
      [t + 0.1, el.opacity],
    ],
  });
}

/** How a typed reply looks: its box and words. */
export interface PillLook {
  fill: string;
  ink: string;
  font: string;
  fontSize: number;
  stroke?: { colour: string; width: number };
}

/**
 * A reply being typed, in a 660 x 112 pill centred on `at` (the draft someone is about to send,
 * or its kinder rewrite). `id` prefixes its parts' ids; `name` is what the layer list shows.
 */
export function draftPill(
  k: Kit,
  id: string,
  name: string,
  at: Point,
  text: string,
  look: PillLook,
): Element {
  const { s } = k;
  return s.group(id, { name, x: at.x, y: at.y }, [
    s.rect(`${id}-box`, {
      name: 'Box',
      x: -330,
      y: -56,
      width: 660,
      height: 112,
      cornerRadius: 56,
      fill: look.fill,
      ...(look.stroke === undefined ? {} : { stroke: look.stroke.colour, strokeWidth: look.stroke.width }),
    }),
    s.text(`${id}-text`, {
      name: 'Draft',
      x: -300,
      y: -24,
      width: 600,
      text,
      fontFamily: look.font,
      fontSize: look.fontSize,
      fontWeight: 'bold',
      align: 'left',
      fill: look.ink,
    }),
  ]);
}

/** One sticker floating up from each [x, y, start time], `size` px, rising `rise` px over `duration` s. */
export function floatingStickers(
  k: Kit,
  sticker: string,
  starts: readonly (readonly [number, number, number])[],
  size: number,
  rise: number,
  duration: number,
): Element[] {
  return starts.map(([x, y, t]) => floatUp(k.sticker(sticker, { x, y }, size), t, rise, duration));
}
