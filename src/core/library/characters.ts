import type { Element, Expression, Viseme } from '../schema';
import { faceParts, type FaceLook } from './face';
import type { IdSource } from './ids';
import { shapes, type Shapes } from './shapes';

/**
 * The library's characters: original designs drawn with the studio's own shapes. Each is a
 * character group (expression + mouth choose which face parts show) whose parts the creator can
 * select and restyle. Local (0, 0) is the middle of the figure, about 560 px tall at scale 1.
 */

export interface Point {
  x: number;
  y: number;
}

interface Outfit {
  top: string;
  topShade: string;
  legs: string;
  shoes: string;
}

type Hair =
  | { kind: 'puffs'; color: string; shine: string }
  | { kind: 'swoop'; color: string; shine: string; glasses: string }
  | { kind: 'scarf'; color: string; band: string }
  | { kind: 'ears'; inner: string; belly: string };

export interface CharacterDesign {
  id: string;
  name: string;
  description: string;
  tags: readonly string[];
  skin: string;
  skinShade: string;
  outfit: Outfit;
  hair: Hair;
  face: Omit<FaceLook, 'eyeSpread' | 'eyeY' | 'mouthY'>;
}

const HEAD_Y = -150;

const FACE = { eyeSpread: 42, eyeY: 8, mouthY: 56 } as const;

function legsAndShoes(s: Shapes, p: string, d: CharacterDesign): Element[] {
  return [
    s.rect(`${p}-leg-l`, {
      name: 'Leg left',
      x: -46,
      y: 120,
      width: 40,
      height: 128,
      cornerRadius: 16,
      fill: d.outfit.legs,
    }),
    s.rect(`${p}-leg-r`, {
      name: 'Leg right',
      x: 6,
      y: 120,
      width: 40,
      height: 128,
      cornerRadius: 16,
      fill: d.outfit.legs,
    }),
    s.ellipse(`${p}-shoe-l`, {
      name: 'Shoe left',
      x: -32,
      y: 252,
      radiusX: 34,
      radiusY: 16,
      fill: d.outfit.shoes,
    }),
    s.ellipse(`${p}-shoe-r`, {
      name: 'Shoe right',
      x: 32,
      y: 252,
      radiusX: 34,
      radiusY: 16,
      fill: d.outfit.shoes,
    }),
  ];
}

function arm(s: Shapes, p: string, d: CharacterDesign, side: 'l' | 'r'): Element {
  const k = side === 'l' ? -1 : 1;
  const points = [0, 0, k * 30, 58, k * 24, 112];
  // A darker stroke under the sleeve outlines the arm against the body.
  return s.group(`${p}-arm-${side}`, { name: side === 'l' ? 'Arm left' : 'Arm right', x: k * 76, y: -14 }, [
    s.line(`${p}-sleeve-edge-${side}`, {
      name: 'Sleeve edge',
      points,
      tension: 0.4,
      stroke: d.outfit.topShade,
      strokeWidth: 42,
    }),
    s.line(`${p}-sleeve-${side}`, {
      name: 'Sleeve',
      points,
      tension: 0.4,
      stroke: d.outfit.top,
      strokeWidth: 32,
    }),
    s.ellipse(`${p}-hand-${side}`, {
      name: 'Hand',
      x: k * 22,
      y: 132,
      radiusX: 19,
      radiusY: 20,
      fill: d.skin,
    }),
  ]);
}

function torso(s: Shapes, p: string, d: CharacterDesign): Element[] {
  return [
    s.rect(`${p}-neck`, { name: 'Neck', x: -20, y: -70, width: 40, height: 40, fill: d.skinShade }),
    s.path(`${p}-torso`, {
      name: 'Top',
      data: 'M -62 -42 Q 0 -54 62 -42 Q 90 -34 92 0 L 96 138 Q 0 152 -96 138 L -92 0 Q -90 -34 -62 -42 Z',
      fill: d.outfit.top,
    }),
    s.path(`${p}-collar`, {
      name: 'Collar',
      data: 'M -26 -46 Q 0 -18 26 -46',
      stroke: d.outfit.topShade,
      strokeWidth: 8,
    }),
    s.path(`${p}-hem`, {
      name: 'Hem',
      data: 'M -94 118 Q 0 132 94 118 L 96 138 Q 0 152 -96 138 Z',
      fill: d.outfit.topShade,
    }),
  ];
}

/** Hair (or scarf, or ears) behind the head. */
function hairBack(s: Shapes, p: string, d: CharacterDesign): Element[] {
  const h = d.hair;
  if (h.kind === 'puffs') {
    const curls: Element[] = [];
    for (let i = 0; i <= 8; i++) {
      const a = Math.PI * (1.02 + (i / 8) * 0.96);
      curls.push(
        s.ellipse(`${p}-curl`, {
          name: 'Curl',
          x: Math.cos(a) * 112,
          y: HEAD_Y - 10 + Math.sin(a) * 104,
          radiusX: 50,
          radiusY: 48,
          fill: h.color,
        }),
      );
    }
    return [
      s.group(`${p}-hair-back`, { name: 'Hair (back)' }, [
        ...curls,
        s.ellipse(`${p}-puff-l`, {
          name: 'Puff left',
          x: -150,
          y: HEAD_Y - 92,
          radiusX: 58,
          radiusY: 56,
          fill: h.color,
        }),
        s.ellipse(`${p}-puff-r`, {
          name: 'Puff right',
          x: 150,
          y: HEAD_Y - 92,
          radiusX: 58,
          radiusY: 56,
          fill: h.color,
        }),
      ]),
    ];
  }
  if (h.kind === 'scarf') {
    return [
      s.path(`${p}-scarf-back`, {
        name: 'Scarf',
        data: `M -150 ${HEAD_Y} Q -150 ${HEAD_Y - 152} 0 ${HEAD_Y - 150} Q 150 ${HEAD_Y - 152} 150 ${HEAD_Y} Q 156 -40 118 -16 Q 60 6 0 2 Q -60 6 -118 -16 Q -156 -40 -150 ${HEAD_Y} Z`,
        fill: h.color,
      }),
    ];
  }
  if (h.kind === 'ears') {
    return (['l', 'r'] as const).map((side) => {
      const k = side === 'l' ? -1 : 1;
      return s.group(
        `${p}-ear-${side}`,
        { name: side === 'l' ? 'Ear left' : 'Ear right', x: k * 92, y: HEAD_Y - 96, rotation: k * 18 },
        [
          s.ellipse(`${p}-ear-outer-${side}`, { name: 'Ear', radiusX: 40, radiusY: 54, fill: d.skin }),
          s.ellipse(`${p}-ear-inner-${side}`, {
            name: 'Ear inside',
            y: 6,
            radiusX: 22,
            radiusY: 34,
            fill: h.inner,
          }),
        ],
      );
    });
  }
  return [];
}

function head(s: Shapes, p: string, d: CharacterDesign): Element[] {
  const h = d.hair;
  if (h.kind === 'scarf') {
    return [
      s.ellipse(`${p}-head`, { name: 'Face', y: HEAD_Y + 6, radiusX: 100, radiusY: 106, fill: d.skin }),
    ];
  }
  if (h.kind === 'ears') {
    // Pip's head is its body: one round shape with a lighter belly patch.
    return [
      s.ellipse(`${p}-head`, { name: 'Head', y: HEAD_Y + 16, radiusX: 132, radiusY: 124, fill: d.skin }),
    ];
  }
  return [
    s.ellipse(`${p}-ear-l`, {
      name: 'Ear left',
      x: -114,
      y: HEAD_Y + 12,
      radiusX: 20,
      radiusY: 26,
      fill: d.skinShade,
    }),
    s.ellipse(`${p}-ear-r`, {
      name: 'Ear right',
      x: 114,
      y: HEAD_Y + 12,
      radiusX: 20,
      radiusY: 26,
      fill: d.skinShade,
    }),
    s.ellipse(`${p}-head`, { name: 'Head', y: HEAD_Y, radiusX: 116, radiusY: 112, fill: d.skin }),
  ];
}

/** Hair (or the scarf's band, or glasses) in front of the head. */
function hairFront(s: Shapes, p: string, d: CharacterDesign): Element[] {
  const h = d.hair;
  if (h.kind === 'puffs') {
    const bumps: Element[] = [];
    for (let i = 0; i < 5; i++) {
      const x = -84 + i * 42;
      bumps.push(
        s.ellipse(`${p}-fringe`, {
          name: 'Fringe curl',
          x,
          y: HEAD_Y - 88 + Math.abs(i - 2) * 8,
          radiusX: 36,
          radiusY: 30,
          fill: h.color,
        }),
      );
    }
    return [s.group(`${p}-hair-front`, { name: 'Hair (front)' }, bumps)];
  }
  if (h.kind === 'swoop') {
    return [
      s.path(`${p}-hair-front`, {
        name: 'Hair',
        y: HEAD_Y,
        data: 'M -124 -2 Q -134 -128 -10 -130 Q 118 -132 124 -8 Q 112 -58 66 -66 Q 30 -40 -22 -66 Q -40 -50 -84 -56 Q -112 -44 -124 -2 Z',
        fill: h.color,
      }),
      s.path(`${p}-hair-shine`, {
        name: 'Hair shine',
        y: HEAD_Y,
        data: 'M -60 -108 Q -10 -122 40 -110',
        stroke: h.shine,
        strokeWidth: 8,
      }),
    ];
  }
  if (h.kind === 'scarf') {
    return [
      s.path(`${p}-scarf-band`, {
        name: 'Scarf band',
        y: HEAD_Y,
        data: 'M -112 -10 Q -112 -124 0 -124 Q 112 -124 112 -10 Q 96 -92 0 -94 Q -96 -92 -112 -10 Z',
        fill: h.band,
      }),
      s.path(`${p}-scarf-wrap`, {
        name: 'Scarf wrap',
        data: 'M -98 -116 Q -88 -30 0 -30 Q 88 -30 98 -116 Q 150 -60 118 -6 Q 0 24 -118 -6 Q -150 -60 -98 -116 Z',
        fill: h.color,
      }),
    ];
  }
  return [];
}

function glasses(s: Shapes, p: string, d: CharacterDesign): Element[] {
  const h = d.hair;
  if (h.kind !== 'swoop') return [];
  const frame = { stroke: h.glasses, strokeWidth: 6 };
  return [
    s.group(`${p}-glasses`, { name: 'Glasses', y: HEAD_Y + FACE.eyeY }, [
      s.ellipse(`${p}-glint-l`, {
        name: 'Glint left',
        x: -FACE.eyeSpread,
        radiusX: 32,
        radiusY: 28,
        fill: '#ffffff',
        opacity: 0.22,
      }),
      s.ellipse(`${p}-glint-r`, {
        name: 'Glint right',
        x: FACE.eyeSpread,
        radiusX: 32,
        radiusY: 28,
        fill: '#ffffff',
        opacity: 0.22,
      }),
      s.ellipse(`${p}-lens-l`, {
        name: 'Frame left',
        x: -FACE.eyeSpread,
        radiusX: 32,
        radiusY: 28,
        ...frame,
      }),
      s.ellipse(`${p}-lens-r`, {
        name: 'Frame right',
        x: FACE.eyeSpread,
        radiusX: 32,
        radiusY: 28,
        ...frame,
      }),
      s.path(`${p}-bridge`, { name: 'Bridge', data: 'M -11 -4 Q 0 -10 11 -4', ...frame }),
    ]),
  ];
}

function belly(s: Shapes, p: string, d: CharacterDesign): Element[] {
  if (d.hair.kind !== 'ears') return [];
  return [s.ellipse(`${p}-belly`, { name: 'Belly', y: 40, radiusX: 62, radiusY: 70, fill: d.hair.belly })];
}

/** Pip has no clothes: a round body, short arms and feet. */
function creatureBody(s: Shapes, p: string, d: CharacterDesign): Element[] {
  return [
    s.ellipse(`${p}-foot-l`, {
      name: 'Foot left',
      x: -46,
      y: 246,
      radiusX: 40,
      radiusY: 22,
      fill: d.skinShade,
    }),
    s.ellipse(`${p}-foot-r`, {
      name: 'Foot right',
      x: 46,
      y: 246,
      radiusX: 40,
      radiusY: 22,
      fill: d.skinShade,
    }),
    s.ellipse(`${p}-body`, { name: 'Body', y: 90, radiusX: 116, radiusY: 150, fill: d.skin }),
    s.ellipse(`${p}-arm-l`, {
      name: 'Arm left',
      x: -112,
      y: 70,
      rotation: 24,
      radiusX: 26,
      radiusY: 56,
      fill: d.skinShade,
    }),
    s.ellipse(`${p}-arm-r`, {
      name: 'Arm right',
      x: 112,
      y: 70,
      rotation: -24,
      radiusX: 26,
      radiusY: 56,
      fill: d.skinShade,
    }),
  ];
}

/**
 * Builds a character at `at` (its middle), with this expression and mouth. Pure: the same
 * design, ids and point give the same elements.
 */
export function buildCharacter(
  design: CharacterDesign,
  ids: IdSource,
  at: Point,
  choice: { expression?: Expression; mouth?: Viseme; scale?: number } = {},
): Element {
  const s = shapes(ids);
  const p = design.id;
  const look: FaceLook = { ...design.face, ...FACE };
  const face = s.group(
    `${p}-face`,
    { name: 'Face', y: HEAD_Y + (design.hair.kind === 'scarf' ? 10 : 0) },
    faceParts(s, p, look),
  );
  const body =
    design.hair.kind === 'ears'
      ? [...creatureBody(s, p, design), ...belly(s, p, design)]
      : [
          ...legsAndShoes(s, p, design),
          ...torso(s, p, design),
          arm(s, p, design, 'l'),
          arm(s, p, design, 'r'),
        ];
  const scale = choice.scale ?? 1;
  return s.group(
    p,
    {
      name: design.name,
      x: at.x,
      y: at.y,
      scaleX: scale,
      scaleY: scale,
      expression: choice.expression ?? 'happy',
      mouth: choice.mouth ?? 'rest',
    },
    [
      ...hairBack(s, p, design),
      ...body,
      ...head(s, p, design),
      ...hairFront(s, p, design),
      face,
      ...glasses(s, p, design),
    ],
  );
}

const FACE_INK = { ink: '#2b1d2a', blush: '#ff7b8a', mouth: '#7a2238', tongue: '#ff8b9a' } as const;

/** The four library characters. */
export const CHARACTER_DESIGNS: readonly CharacterDesign[] = [
  {
    id: 'maya',
    name: 'Maya',
    description: 'Curly puffs and a sunny hoodie; the friend who notices.',
    tags: ['girl', 'teen', 'friend', 'curly', 'hoodie'],
    skin: '#9a5f3c',
    skinShade: '#7e4a2d',
    outfit: { top: '#ffc23d', topShade: '#e8900f', legs: '#3c4e8c', shoes: '#e94e6b' },
    hair: { kind: 'puffs', color: '#2a1712', shine: '#55352b' },
    face: { ...FACE_INK, blush: '#e2566a' },
  },
  {
    id: 'leo',
    name: 'Leo',
    description: 'Ginger swoop, round glasses, green tee; the creator behind the account.',
    tags: ['boy', 'teen', 'creator', 'glasses', 'ginger'],
    skin: '#f6cfaf',
    skinShade: '#e3b08c',
    outfit: { top: '#2fa56f', topShade: '#1f8456', legs: '#2c3654', shoes: '#e9573f' },
    hair: { kind: 'swoop', color: '#d8682b', shine: '#f39a5d', glasses: '#2b1d2a' },
    face: FACE_INK,
  },
  {
    id: 'noor',
    name: 'Noor',
    description: 'A teal headscarf and a lilac jumper; calm, thoughtful, kind.',
    tags: ['girl', 'teen', 'hijab', 'headscarf', 'friend'],
    skin: '#c98d62',
    skinShade: '#ad7149',
    outfit: { top: '#9d8cf0', topShade: '#7c68dc', legs: '#3a2f5e', shoes: '#ffffff' },
    hair: { kind: 'scarf', color: '#1f9c9a', band: '#147a78' },
    face: { ...FACE_INK, blush: '#ee6b78' },
  },
  {
    id: 'pip',
    name: 'Pip',
    description: 'A round, mint-green buddy with big ears: feelings, drawn large.',
    tags: ['creature', 'mascot', 'buddy', 'cute', 'animal'],
    skin: '#8fdcc0',
    skinShade: '#6cc4a6',
    outfit: { top: '#8fdcc0', topShade: '#6cc4a6', legs: '#6cc4a6', shoes: '#6cc4a6' },
    hair: { kind: 'ears', inner: '#ffb3c1', belly: '#d9f6ea' },
    face: FACE_INK,
  },
];
