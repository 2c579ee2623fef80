import type { Background, EllipseElement, EndCardTemplate, StarElement } from '../schema';
import type { Rect } from '../platform/platforms';

/**
 * The end card's designed looks. Colours are chosen so every text keeps at least 4.5:1
 * contrast against what is behind it (checked for every template in the tests and live in
 * the editor by `checkEndCard`). Decorations are background art: they stay out of the safe box
 * where the text is, so they never lower the text's contrast.
 */
export interface EndCardTheme {
  /** Shown in the template picker. */
  readonly label: string;
  readonly background: Background;
  /** The message. */
  readonly title: string;
  /** Resource lines and the handle. */
  readonly body: string;
  /** The emergency line. */
  readonly muted: string;
  /** The soft box behind the resources (may be translucent). */
  readonly panel: string;
  readonly accent: 'heart' | 'star';
  readonly accentFill: string;
  readonly accentStroke: string | null;
  /** Background art around the safe box, for a frame of `width` x `height`. */
  readonly decor: (width: number, height: number, box: Rect) => DecorElement[];
}

export type DecorElement = EllipseElement | StarElement;

function decorBase(i: number, x: number, y: number, fill: string, opacity = 1) {
  return {
    id: `endcard-deco-${i}`,
    name: '',
    x,
    y,
    scaleX: 1,
    scaleY: 1,
    rotation: 0,
    anchorX: 0,
    anchorY: 0,
    opacity,
    fill,
    stroke: null,
    strokeWidth: 0,
    visible: true,
    locked: true,
  };
}

function circle(i: number, x: number, y: number, r: number, fill: string, opacity = 1): EllipseElement {
  return { ...decorBase(i, x, y, fill, opacity), kind: 'ellipse', radiusX: r, radiusY: r };
}

function sparkle(i: number, x: number, y: number, r: number, fill: string, opacity: number): StarElement {
  return {
    ...decorBase(i, x, y, fill, opacity),
    kind: 'star',
    points: 4,
    outerRadius: r,
    innerRadius: r * 0.32,
  };
}

/** Fixed spots for the night sky's sparkles, in fractions of the frame (all outside the safe box). */
const SPARKLES: readonly (readonly [number, number, number])[] = [
  [0.06, 0.05, 1],
  [0.22, 0.11, 0.6],
  [0.47, 0.07, 0.8],
  [0.71, 0.12, 0.5],
  [0.9, 0.06, 1.1],
  [0.05, 0.3, 0.6],
  [0.95, 0.25, 0.7],
  [0.04, 0.52, 0.9],
  [0.94, 0.47, 0.6],
  [0.06, 0.7, 0.5],
  [0.93, 0.68, 1],
  [0.18, 0.82, 0.7],
  [0.42, 0.9, 1.1],
  [0.66, 0.84, 0.6],
  [0.86, 0.93, 0.8],
];

export const END_CARD_THEMES: Readonly<Record<EndCardTemplate, EndCardTheme>> = {
  calm: {
    label: 'Calm dusk',
    background: {
      type: 'gradient',
      angle: 0,
      stops: [
        { offset: 0, color: '#211a4d' },
        { offset: 0.55, color: '#1c3a5c' },
        { offset: 1, color: '#0e4b48' },
      ],
    },
    title: '#f8f6ff',
    body: '#e4f5f2',
    muted: '#c3cbec',
    panel: '#ffffff17',
    accent: 'heart',
    accentFill: '#ff9fc4',
    accentStroke: null,
    decor: (w, h) => {
      const u = w / 1080;
      return [
        circle(0, w * 0.02, h * 0.06, 230 * u, '#ffffff', 0.05),
        circle(1, w, h * 0.93, 330 * u, '#7fe0c9', 0.08),
      ];
    },
  },
  bright: {
    label: 'Bright sunrise',
    background: {
      type: 'gradient',
      angle: 0,
      stops: [
        { offset: 0, color: '#fff4c7' },
        { offset: 0.5, color: '#ffca8e' },
        { offset: 1, color: '#ff977c' },
      ],
    },
    title: '#2a1633',
    body: '#33193b',
    muted: '#47283a',
    panel: '#ffffff66',
    accent: 'star',
    accentFill: '#ff5d73',
    accentStroke: '#ffffff',
    decor: (w, h) => {
      const u = w / 1080;
      return [
        circle(0, w * 0.92, h * 0.05, 200 * u, '#ffffff', 0.45),
        circle(1, w * 0.05, h * 0.97, 260 * u, '#ffffff', 0.25),
      ];
    },
  },
  paper: {
    label: 'Paper note',
    background: { type: 'solid', color: '#fbf3e4' },
    title: '#1d2340',
    body: '#26304f',
    muted: '#474c63',
    panel: '#1d23400f',
    accent: 'heart',
    accentFill: '#e8553f',
    accentStroke: null,
    decor: (w, h) => {
      const u = w / 1080;
      return [
        circle(0, 0, 0, 250 * u, '#f6c9a8'),
        circle(1, w, h, 400 * u, '#bfe3d0'),
        circle(2, w * 0.93, h * 0.1, 40 * u, '#e8553f', 0.85),
        circle(3, w * 0.08, h * 0.86, 28 * u, '#1d2340', 0.8),
      ];
    },
  },
  night: {
    label: 'Starry night',
    background: {
      type: 'gradient',
      angle: 0,
      stops: [
        { offset: 0, color: '#0b0d1f' },
        { offset: 0.6, color: '#161338' },
        { offset: 1, color: '#231546' },
      ],
    },
    title: '#ffffff',
    body: '#e8e6ff',
    muted: '#bdb8e6',
    panel: '#ffffff12',
    accent: 'star',
    accentFill: '#ffd166',
    accentStroke: null,
    decor: (w, h) => {
      const u = w / 1080;
      return SPARKLES.map(([fx, fy, size], i) =>
        sparkle(
          i,
          fx * w,
          fy * h,
          18 * size * u,
          i % 3 === 0 ? '#ffd166' : '#ffffff',
          0.35 + 0.4 * (size / 1.1),
        ),
      );
    },
  },
};
