import type { Element, Expression, Viseme } from '../schema';
import { only, type Shapes } from './shapes';

/**
 * The face every library character shares: eyes, brows, cheeks and mouth for each expression,
 * and the mouth shapes for talking. Drawn around the head's centre (0, 0) in a face 1 unit wide
 * per pixel of a 240 px head; `look` sets the colours. Parts are named for the layers panel.
 */
export interface FaceLook {
  /** Lines, pupils and mouth. */
  ink: string;
  /** Cheeks. */
  blush: string;
  /** Inside of an open mouth. */
  mouth: string;
  tongue: string;
  /** Distance of each eye from the middle. */
  eyeSpread: number;
  eyeY: number;
  mouthY: number;
}

const ALL_BUT = (...not: Expression[]): Expression[] =>
  (['happy', 'sad', 'worried', 'surprised', 'angry', 'calm'] as const).filter((e) => !not.includes(e));

function eyes(s: Shapes, p: string, look: FaceLook): Element[] {
  const { ink, eyeSpread: dx, eyeY: y } = look;
  const out: Element[] = [];
  for (const [side, x] of [
    ['l', -dx],
    ['r', dx],
  ] as const) {
    // Open eyes: a dark oval with a light catch.
    out.push(
      only(
        s.group(`${p}-eye-${side}`, { name: `Eye ${side === 'l' ? 'left' : 'right'} (open)`, x, y }, [
          s.ellipse(`${p}-pupil-${side}`, { name: 'Pupil', radiusX: 13, radiusY: 17, fill: ink }),
          s.ellipse(`${p}-catch-${side}`, {
            name: 'Catch light',
            x: 4,
            y: -6,
            radiusX: 4.5,
            radiusY: 5.5,
            fill: '#ffffff',
          }),
        ]),
        { expression: ['sad', 'worried', 'angry'] },
      ),
    );
    // Surprised: big white eyes with small pupils.
    out.push(
      only(
        s.group(
          `${p}-eye-wide-${side}`,
          { name: `Eye ${side === 'l' ? 'left' : 'right'} (wide)`, x, y: y - 4 },
          [
            s.ellipse(`${p}-white-${side}`, {
              name: 'White',
              radiusX: 20,
              radiusY: 23,
              fill: '#ffffff',
              stroke: ink,
              strokeWidth: 4,
            }),
            s.ellipse(`${p}-iris-${side}`, { name: 'Pupil', radiusX: 8.5, radiusY: 9.5, fill: ink }),
            s.ellipse(`${p}-catch-w-${side}`, {
              name: 'Catch light',
              x: 3,
              y: -4,
              radiusX: 3,
              radiusY: 3,
              fill: '#ffffff',
            }),
          ],
        ),
        { expression: ['surprised'] },
      ),
    );
    // Happy: smiling eyes (arches); calm: softly closed (a gentle curve down).
    out.push(
      only(
        s.path(`${p}-eye-smile-${side}`, {
          name: `Eye ${side === 'l' ? 'left' : 'right'} (smiling)`,
          x,
          y,
          data: 'M -17 6 Q 0 -18 17 6',
          stroke: ink,
          strokeWidth: 7,
        }),
        { expression: ['happy'] },
      ),
    );
    out.push(
      only(
        s.path(`${p}-eye-closed-${side}`, {
          name: `Eye ${side === 'l' ? 'left' : 'right'} (closed)`,
          x,
          y,
          data: 'M -17 -2 Q 0 12 17 -2',
          stroke: ink,
          strokeWidth: 6,
        }),
        { expression: ['calm'] },
      ),
    );
  }
  return out;
}

/** Brow path per expression, for the left brow (the right one is mirrored). */
const BROWS: Partial<Record<Expression, { data: string; dy: number }>> = {
  sad: { data: 'M -16 2 Q -2 -2 14 -10', dy: -34 },
  worried: { data: 'M -17 0 Q -4 -10 13 -14', dy: -40 },
  surprised: { data: 'M -16 4 Q 0 -10 16 4', dy: -50 },
  angry: { data: 'M -17 -10 Q 0 -4 15 6', dy: -30 },
  happy: { data: 'M -14 2 Q 0 -6 14 2', dy: -42 },
  calm: { data: 'M -14 1 Q 0 -4 14 1', dy: -36 },
};

function brows(s: Shapes, p: string, look: FaceLook): Element[] {
  const out: Element[] = [];
  for (const [expression, brow] of Object.entries(BROWS) as [Expression, { data: string; dy: number }][]) {
    for (const [side, sign] of [
      ['l', 1],
      ['r', -1],
    ] as const) {
      out.push(
        only(
          s.path(`${p}-brow-${expression}-${side}`, {
            name: `Brow ${side === 'l' ? 'left' : 'right'} (${expression})`,
            x: -sign * look.eyeSpread,
            y: look.eyeY + brow.dy,
            scaleX: sign,
            data: brow.data,
            stroke: look.ink,
            strokeWidth: 6,
          }),
          { expression: [expression] },
        ),
      );
    }
  }
  return out;
}

function extras(s: Shapes, p: string, look: FaceLook): Element[] {
  const cheeks = (['l', 'r'] as const).map((side) =>
    only(
      s.ellipse(`${p}-cheek-${side}`, {
        name: `Cheek ${side === 'l' ? 'left' : 'right'}`,
        x: (side === 'l' ? -1 : 1) * (look.eyeSpread + 24),
        y: look.eyeY + 30,
        radiusX: 17,
        radiusY: 10,
        fill: look.blush,
        opacity: 0.55,
      }),
      { expression: ALL_BUT('sad', 'worried') },
    ),
  );
  return [
    ...cheeks,
    only(
      s.path(`${p}-tear`, {
        name: 'Tear',
        x: -look.eyeSpread - 4,
        y: look.eyeY + 22,
        data: 'M 0 -12 C 6 -2 9 4 9 8 A 9 9 0 0 1 -9 8 C -9 4 -6 -2 0 -12 Z',
        fill: '#7cc7ff',
        stroke: '#3d8fd1',
        strokeWidth: 2,
      }),
      { expression: ['sad'] },
    ),
    only(
      s.path(`${p}-sweat`, {
        name: 'Sweat drop',
        x: look.eyeSpread + 46,
        y: look.eyeY - 44,
        rotation: 18,
        data: 'M 0 -14 C 7 -3 10 4 10 9 A 10 10 0 0 1 -10 9 C -10 4 -7 -3 0 -14 Z',
        fill: '#bfe6ff',
        stroke: '#5aa7dd',
        strokeWidth: 2.5,
      }),
      { expression: ['worried'] },
    ),
    only(
      s.path(`${p}-anger-mark`, {
        name: 'Cross mark',
        x: look.eyeSpread + 50,
        y: look.eyeY - 58,
        data: 'M -12 -4 Q -4 -4 -4 -12 M 4 -12 Q 4 -4 12 -4 M 12 4 Q 4 4 4 12 M -4 12 Q -4 4 -12 4',
        stroke: '#e0474c',
        strokeWidth: 4.5,
      }),
      { expression: ['angry'] },
    ),
  ];
}

/** The relaxed, closed mouth ("rest") for each expression. */
function restMouths(s: Shapes, p: string, look: FaceLook): Element[] {
  const at = { x: 0, y: look.mouthY };
  const line = { stroke: look.ink, strokeWidth: 6 };
  const rest = (expression: Expression, el: Element): Element =>
    only(el, { expression: [expression], mouth: ['rest'] });
  return [
    rest(
      'happy',
      s.path(`${p}-mouth-happy`, {
        name: 'Mouth (happy)',
        ...at,
        data: 'M -30 -6 Q 0 -2 30 -6 Q 26 26 0 28 Q -26 26 -30 -6 Z',
        fill: look.mouth,
        stroke: look.ink,
        strokeWidth: 5,
      }),
    ),
    rest(
      'happy',
      s.path(`${p}-tongue-happy`, {
        name: 'Tongue',
        ...at,
        data: 'M -14 20 Q 0 8 14 20 Q 8 27 0 27 Q -8 27 -14 20 Z',
        fill: look.tongue,
      }),
    ),
    rest(
      'calm',
      s.path(`${p}-mouth-calm`, { name: 'Mouth (calm)', ...at, data: 'M -20 -2 Q 0 12 20 -2', ...line }),
    ),
    rest(
      'sad',
      s.path(`${p}-mouth-sad`, { name: 'Mouth (sad)', ...at, data: 'M -20 10 Q 0 -6 20 10', ...line }),
    ),
    rest(
      'worried',
      s.path(`${p}-mouth-worried`, {
        name: 'Mouth (worried)',
        ...at,
        data: 'M -24 6 Q -16 -4 -8 4 Q 0 12 8 4 Q 16 -4 24 6',
        ...line,
        strokeWidth: 5,
      }),
    ),
    rest(
      'surprised',
      s.ellipse(`${p}-mouth-surprised`, {
        name: 'Mouth (surprised)',
        ...at,
        y: at.y + 6,
        radiusX: 13,
        radiusY: 17,
        fill: look.mouth,
        stroke: look.ink,
        strokeWidth: 5,
      }),
    ),
    rest(
      'angry',
      s.path(`${p}-mouth-angry`, {
        name: 'Mouth (angry)',
        ...at,
        data: 'M -22 10 Q -18 0 0 0 Q 18 0 22 10',
        ...line,
      }),
    ),
  ];
}

/** The talking shapes, shared by every expression. */
function visemes(s: Shapes, p: string, look: FaceLook): Element[] {
  const at = { x: 0, y: look.mouthY + 4 };
  const edge = { stroke: look.ink, strokeWidth: 5 };
  const v = (mouth: Viseme, els: Element[]): Element =>
    only(s.group(`${p}-viseme-${mouth}`, { name: `Mouth ${mouth}`, ...at }, els), { mouth: [mouth] });
  return [
    v('A', [
      s.path(`${p}-lips-a`, {
        name: 'Closed lips',
        data: 'M -20 0 Q 0 5 20 0',
        stroke: look.ink,
        strokeWidth: 7,
      }),
    ]),
    v('B', [
      s.rect(`${p}-b-open`, {
        name: 'Mouth',
        x: -24,
        y: -10,
        width: 48,
        height: 20,
        cornerRadius: 10,
        fill: look.mouth,
        ...edge,
      }),
      s.rect(`${p}-b-teeth`, {
        name: 'Teeth',
        x: -19,
        y: -5,
        width: 38,
        height: 9,
        cornerRadius: 3,
        fill: '#ffffff',
      }),
    ]),
    v('C', [
      s.path(`${p}-c-open`, {
        name: 'Mouth',
        data: 'M -24 -6 Q 0 -12 24 -6 Q 20 18 0 19 Q -20 18 -24 -6 Z',
        fill: look.mouth,
        ...edge,
      }),
      s.path(`${p}-c-teeth`, {
        name: 'Teeth',
        data: 'M -19 -6 Q 0 -10 19 -6 L 17 0 Q 0 -3 -17 0 Z',
        fill: '#ffffff',
      }),
    ]),
    v('D', [
      s.ellipse(`${p}-d-open`, { name: 'Mouth', y: 6, radiusX: 28, radiusY: 26, fill: look.mouth, ...edge }),
      s.path(`${p}-d-teeth`, {
        name: 'Teeth',
        data: 'M -22 -8 Q 0 -20 22 -8 L 19 -3 Q 0 -12 -19 -3 Z',
        fill: '#ffffff',
      }),
      s.ellipse(`${p}-d-tongue`, { name: 'Tongue', y: 22, radiusX: 15, radiusY: 8, fill: look.tongue }),
    ]),
    v('E', [
      s.ellipse(`${p}-e-open`, { name: 'Mouth', y: 4, radiusX: 16, radiusY: 20, fill: look.mouth, ...edge }),
    ]),
    v('F', [
      s.ellipse(`${p}-f-lips`, {
        name: 'Lips',
        y: 2,
        radiusX: 11,
        radiusY: 12,
        fill: look.mouth,
        stroke: look.ink,
        strokeWidth: 6,
      }),
    ]),
  ];
}

/** Every face part, in paint order: cheeks and marks, eyes, brows, mouths. */
export function faceParts(s: Shapes, prefix: string, look: FaceLook): Element[] {
  return [
    ...extras(s, prefix, look),
    ...eyes(s, prefix, look),
    ...brows(s, prefix, look),
    ...restMouths(s, prefix, look),
    ...visemes(s, prefix, look),
  ];
}
