import { EMERGENCY_LINE } from '../schema';
import type {
  Background,
  Element,
  EndCard,
  ImageElement,
  KeyframeTracks,
  PathElement,
  RectElement,
  StarElement,
  TextElement,
  VideoFormat,
} from '../schema';
import { END_CARD_THEMES, type EndCardTheme } from './templates';
import { FONT_FAMILIES } from '../fonts';
import { safeBoxFor, COMMON_SAFE_BOX } from '../platform/platforms';
import type { Rect } from '../platform/platforms';
import { textWidthEm } from './metrics';
import type { FontFace } from './metrics';

export interface EndCardLayout {
  readonly background: Background;
  readonly elements: Element[];
}

type Theme = EndCardTheme;

/** A heart 100 wide and 92 tall, centred on (0, 0); top at y = -47. */
const HEART_PATH =
  'M 0 45 C -8 38 -50 12 -50 -18 C -50 -36 -37 -47 -24 -47 C -13 -47 -5 -41 0 -32 ' +
  'C 5 -41 13 -47 24 -47 C 37 -47 50 -36 50 -18 C 50 12 8 38 0 45 Z';
const HEART_TOP = 47;

/** Sizes at the reference safe box (768 px wide), scaled to the project and to fit. */
const SIZES = {
  accent: 120,
  messageFont: 76,
  messageLineHeight: 1.15,
  resourceFont: 34,
  resourceLineHeight: 1.3,
  emergencyFont: 28,
  emergencyLineHeight: 1.3,
  handleFont: 40,
  handleLineHeight: 1.2,
  avatar: 132,
  avatarGap: 18,
  avatarRing: 5,
  gap: 44,
  resourceGap: 16,
  panelPadding: 32,
  panelRadius: 28,
} as const;

/** Smallest scale the message shrinks to when a long message and many resources must fit. */
const MIN_FIT_SCALE = 0.3;
/** The message shrinks alone down to this scale before the other texts shrink with it. */
const MESSAGE_SHRINKS_FIRST = 0.65;
const FIT_STEP = 0.92;

/**
 * Estimated lines a word-wrapping text box of `width` px needs for `text` at `fontSize` in
 * `face`: a greedy wrap by the fonts' advance widths, the way the renderer wraps by measured
 * widths (explicit line breaks kept, a word wider than the box spread over several lines).
 */
export function estimateLines(text: string, fontSize: number, width: number, face: FontFace): number {
  const perLine = Math.max(width / fontSize, 1e-3); // in font sizes
  const space = textWidthEm(' ', face);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = -1; // width taken on the current line, -1 for none yet
    let paragraphLines = 1;
    for (const word of paragraph.split(/\s+/)) {
      if (word === '') continue;
      let w = textWidthEm(word, face);
      if (used >= 0 && used + space + w <= perLine) {
        used += space + w;
        continue;
      }
      if (used >= 0) paragraphLines++;
      while (w > perLine) {
        paragraphLines++;
        w -= perLine;
      }
      used = w;
    }
    lines += paragraphLines;
  }
  return lines;
}

function baseFields(id: string, x: number, y: number) {
  return {
    id: `endcard-${id}`,
    name: '',
    x,
    y,
    scaleX: 1,
    scaleY: 1,
    rotation: 0,
    anchorX: 0,
    anchorY: 0,
    opacity: 1,
    fill: null,
    stroke: null,
    strokeWidth: 0,
    visible: true,
    // The card is generated from its settings: it is edited there, not on the canvas.
    locked: true,
  };
}

interface TextBlock {
  readonly id: string;
  readonly text: string;
  readonly family: string;
  readonly weight: 'normal' | 'bold';
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly color: string;
  readonly face: FontFace;
  readonly inset: number;
}

function blockHeight(b: TextBlock, width: number): number {
  return estimateLines(b.text, b.fontSize, width - 2 * b.inset, b.face) * b.fontSize * b.lineHeight;
}

function textElement(b: TextBlock, box: Rect, y: number): TextElement {
  return {
    ...baseFields(b.id, box.x + b.inset, y),
    kind: 'text',
    fill: b.color,
    text: b.text,
    fontFamily: b.family,
    fontSize: b.fontSize,
    fontWeight: b.weight,
    align: 'center',
    width: box.width - 2 * b.inset,
    lineHeight: b.lineHeight,
  };
}

function accentElement(theme: Theme, centerX: number, top: number, size: number, scale: number): Element {
  if (theme.accent === 'heart') {
    const s = size / 100;
    const heart: PathElement = {
      ...baseFields('accent', centerX, top + HEART_TOP * s),
      kind: 'path',
      scaleX: s,
      scaleY: s,
      fill: theme.accentFill,
      data: HEART_PATH,
      reveal: 1,
    };
    return heart;
  }
  const strokeWidth = theme.accentStroke === null ? 0 : 6 * scale;
  // A mitred outline sticks out past a 36 degree star tip by about 1.62 stroke widths.
  const outerRadius = size / 2 - 1.7 * strokeWidth;
  const star: StarElement = {
    ...baseFields('accent', centerX, top + size / 2),
    kind: 'star',
    fill: theme.accentFill,
    stroke: theme.accentStroke,
    strokeWidth,
    points: 5,
    outerRadius,
    innerRadius: outerRadius * 0.46,
  };
  return star;
}

/** When each part of the card starts its entrance, in seconds from the card's start. */
export const ENTRANCE = {
  accent: 0,
  message: 0.15,
  panel: 0.4,
  /** Each resource line after the panel starts this much later than the one above. */
  stagger: 0.08,
  creator: 0.7,
  /** How long one part takes to arrive. */
  length: 0.6,
} as const;

/** Seconds until the whole card has arrived (for a card with `resources` lines). */
export function entranceEnd(resources: number): number {
  return Math.max(ENTRANCE.creator, ENTRANCE.panel + ENTRANCE.stagger * (resources + 1)) + ENTRANCE.length;
}

/**
 * Fades a part in while it rises `rise` px into place, starting at `delay` s. Keyframes are
 * plain data that `evaluate` samples, so the preview and the export show the same motion.
 */
function rise<E extends Element>(el: E, delay: number, distance: number): E {
  const end = delay + ENTRANCE.length;
  const keyframes: KeyframeTracks = {
    opacity: [
      { time: delay, value: 0, easing: 'easeOutCubic' },
      { time: delay + ENTRANCE.length * 0.7, value: el.opacity, easing: 'linear' },
    ],
    y: [
      { time: delay, value: el.y + distance, easing: 'easeOutCubic' },
      { time: end, value: el.y, easing: 'linear' },
    ],
  };
  return { ...el, keyframes };
}

/** The accent grows in with a small overshoot. */
function pop<E extends Element>(el: E, delay: number): E {
  const end = delay + ENTRANCE.length;
  const keyframes: KeyframeTracks = {
    opacity: [
      { time: delay, value: 0, easing: 'easeOutQuad' },
      { time: delay + ENTRANCE.length * 0.5, value: el.opacity, easing: 'linear' },
    ],
    scaleX: [
      { time: delay, value: el.scaleX * 0.4, easing: 'easeOutBack' },
      { time: end, value: el.scaleX, easing: 'linear' },
    ],
    scaleY: [
      { time: delay, value: el.scaleY * 0.4, easing: 'easeOutBack' },
      { time: end, value: el.scaleY, easing: 'linear' },
    ],
  };
  return { ...el, keyframes };
}

/** The creator's picture, centred, cropped to a circle (the middle of a picture that is not square), with a thin ring in the body colour. */
function avatarElement(
  assetId: string,
  theme: Theme,
  box: Rect,
  top: number,
  size: number,
  s: number,
): ImageElement {
  return {
    ...baseFields('avatar', box.x + (box.width - size) / 2, top),
    kind: 'image',
    assetId,
    width: size,
    height: size,
    fit: 'cover',
    mask: 'circle',
    stroke: theme.body,
    strokeWidth: SIZES.avatarRing * s,
  };
}

/** '@name' for a handle written with or without the '@'; empty stays empty. */
export function formatHandle(handle: string): string {
  const h = handle.trim();
  if (h === '') return '';
  return h.startsWith('@') ? h : `@${h}`;
}

/**
 * The closing card's background and elements, laid out top to bottom inside the platforms'
 * common safe box: an accent shape, the message, a soft panel with the help resources and the
 * emergency line (always present), and the creator's handle. Sizes shrink together until the
 * estimated stack fits the box.
 */
export function buildEndCardElements(
  endCard: EndCard,
  video: Pick<VideoFormat, 'width' | 'height'>,
): EndCardLayout {
  const theme = END_CARD_THEMES[endCard.template];
  const box = safeBoxFor(video.width, video.height);
  // Scale by the tighter side so a non 9:16 project still fits.
  const unit = Math.min(box.width / COMMON_SAFE_BOX.width, box.height / COMMON_SAFE_BOX.height);
  const message = endCard.message.trim();
  const handle = formatHandle(endCard.handle);

  for (let k = 1; ; k *= FIT_STEP) {
    // The message is the biggest text: it gives up size first, the rest only once it is
    // down to MESSAGE_SHRINKS_FIRST of its size.
    const fit = Math.max(k, MIN_FIT_SCALE);
    const s = unit * Math.min(1, fit / MESSAGE_SHRINKS_FIRST);
    const blocks = makeBlocks(endCard, theme, message, handle, s, unit * fit);
    const pad = SIZES.panelPadding * s;
    const panelInner =
      blocks.resources.reduce((h, b) => h + blockHeight(b, box.width), 0) +
      SIZES.resourceGap * s * blocks.resources.length +
      blockHeight(blocks.emergency, box.width);
    const panelHeight = panelInner + 2 * pad;
    const accentSize = SIZES.accent * s;
    const gap = SIZES.gap * s;
    const messageHeight = blocks.message === null ? 0 : blockHeight(blocks.message, box.width);
    const handleHeight = blocks.handle === null ? 0 : blockHeight(blocks.handle, box.width);
    const avatarSize = endCard.avatar === null ? 0 : SIZES.avatar * s;
    const creatorHeight =
      avatarSize + handleHeight + (avatarSize > 0 && handleHeight > 0 ? SIZES.avatarGap * s : 0);
    const total =
      accentSize +
      gap +
      (blocks.message === null ? 0 : messageHeight + gap) +
      panelHeight +
      (creatorHeight === 0 ? 0 : gap + creatorHeight);
    if (total > box.height && k > MIN_FIT_SCALE) continue;

    const distance = 48 * unit;
    const elements: Element[] = theme.decor(video.width, video.height, box);
    let y = box.y + Math.max(0, (box.height - total) / 2);
    elements.push(pop(accentElement(theme, box.x + box.width / 2, y, accentSize, s), ENTRANCE.accent));
    y += accentSize + gap;
    if (blocks.message !== null) {
      elements.push(rise(textElement(blocks.message, box, y), ENTRANCE.message, distance));
      y += messageHeight + gap;
    }
    const panel: RectElement = {
      ...baseFields('panel', box.x, y),
      kind: 'rect',
      fill: theme.panel,
      width: box.width,
      height: panelHeight,
      cornerRadius: SIZES.panelRadius * s,
    };
    elements.push(rise(panel, ENTRANCE.panel, distance));
    let py = y + pad;
    blocks.resources.forEach((r, i) => {
      elements.push(rise(textElement(r, box, py), ENTRANCE.panel + ENTRANCE.stagger * (i + 1), distance));
      py += blockHeight(r, box.width) + SIZES.resourceGap * s;
    });
    const emergencyDelay = ENTRANCE.panel + ENTRANCE.stagger * (blocks.resources.length + 1);
    elements.push(rise(textElement(blocks.emergency, box, py), emergencyDelay, distance));
    y += panelHeight + gap;
    if (endCard.avatar !== null) {
      elements.push(
        rise(avatarElement(endCard.avatar, theme, box, y, avatarSize, s), ENTRANCE.creator, distance),
      );
      y += avatarSize + SIZES.avatarGap * s;
    }
    if (blocks.handle !== null)
      elements.push(rise(textElement(blocks.handle, box, y), ENTRANCE.creator, distance));
    return { background: theme.background, elements };
  }
}

function makeBlocks(
  endCard: EndCard,
  theme: Theme,
  message: string,
  handle: string,
  s: number,
  messageScale: number,
) {
  const inset = SIZES.panelPadding * s;
  const messageBlock: TextBlock | null =
    message === ''
      ? null
      : {
          id: 'message',
          text: message,
          family: FONT_FAMILIES.display,
          weight: 'bold',
          fontSize: SIZES.messageFont * messageScale,
          lineHeight: SIZES.messageLineHeight,
          color: theme.title,
          face: 'displayBold',
          inset: 0,
        };
  const resources: TextBlock[] = endCard.resources.map((r, i) => ({
    id: `resource-${i}`,
    text: `${r.name.trim()} — ${r.contact.trim()}`,
    family: FONT_FAMILIES.text,
    weight: 'bold',
    fontSize: SIZES.resourceFont * s,
    lineHeight: SIZES.resourceLineHeight,
    color: theme.body,
    face: 'textBold',
    inset,
  }));
  const emergency: TextBlock = {
    id: 'emergency',
    text: EMERGENCY_LINE,
    family: FONT_FAMILIES.text,
    weight: 'normal',
    fontSize: SIZES.emergencyFont * s,
    lineHeight: SIZES.emergencyLineHeight,
    color: theme.muted,
    face: 'textRegular',
    inset,
  };
  const handleBlock: TextBlock | null =
    handle === ''
      ? null
      : {
          id: 'handle',
          text: handle,
          family: FONT_FAMILIES.display,
          weight: 'bold',
          fontSize: SIZES.handleFont * s,
          lineHeight: SIZES.handleLineHeight,
          color: theme.body,
          face: 'displayBold',
          inset: 0,
        };
  return { message: messageBlock, resources, emergency, handle: handleBlock };
}
