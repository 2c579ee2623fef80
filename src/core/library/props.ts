import type { Element } from '../schema';
import type { Point } from './characters';
import type { Shapes } from './shapes';

/**
 * Props: the library's objects and backgrounds, drawn with the studio's own shapes. Each builds
 * one group (its parts editable) whose local (0, 0) is its middle, placed at `at`.
 */
export type PropCategory = 'phone' | 'bubbles' | 'hearts' | 'sky' | 'school' | 'home' | 'background';

export interface PropDesign {
  id: string;
  name: string;
  category: PropCategory;
  tags: readonly string[];
  /** Size at scale 1, for placing and for the library's thumbnails. */
  width: number;
  height: number;
  build(s: Shapes, at: Point): Element;
}

export const HEART_PATH =
  'M 0 30 C -6 24 -40 4 -40 -16 C -40 -30 -30 -38 -20 -38 C -10 -38 -3 -32 0 -24 C 3 -32 10 -38 20 -38 C 30 -38 40 -30 40 -16 C 40 4 6 24 0 30 Z';

/** One comment row on the phone: an avatar, a name and the text. */
function commentRow(s: Shapes, p: string, y: number, name: string, text: string, avatar: string): Element {
  return s.group(`${p}-comment`, { name: `Comment: ${text}`, y }, [
    s.rect(`${p}-comment-card`, {
      name: 'Card',
      x: -150,
      y: -46,
      width: 300,
      height: 92,
      cornerRadius: 22,
      fill: '#ffffff',
    }),
    s.ellipse(`${p}-avatar`, { name: 'Avatar', x: -112, y: 0, radiusX: 24, radiusY: 24, fill: avatar }),
    s.text(`${p}-comment-name`, {
      name: 'Name',
      x: -78,
      y: -30,
      text: name,
      fontFamily: 'Inter',
      fontSize: 20,
      fontWeight: 'bold',
      align: 'left',
      width: 210,
      fill: '#6b6780',
    }),
    s.text(`${p}-comment-text`, {
      name: 'Comment text',
      x: -78,
      y: -4,
      text,
      fontFamily: 'Inter',
      fontSize: 24,
      fontWeight: 'bold',
      align: 'left',
      width: 214,
      fill: '#1d1b2e',
    }),
  ]);
}

function phone(s: Shapes, at: Point, id: string, comments: [string, string, string][]): Element {
  const rows = comments.map(([name, text, avatar], i) =>
    commentRow(s, id, -150 + i * 116, name, text, avatar),
  );
  return s.group(id, { name: 'Phone with comments', x: at.x, y: at.y }, [
    s.rect(`${id}-case`, {
      name: 'Case',
      x: -190,
      y: -360,
      width: 380,
      height: 720,
      cornerRadius: 56,
      fill: '#1d1b2e',
    }),
    s.rect(`${id}-screen`, {
      name: 'Screen',
      x: -172,
      y: -340,
      width: 344,
      height: 680,
      cornerRadius: 42,
      fill: '#eef0fb',
    }),
    s.rect(`${id}-notch`, {
      name: 'Notch',
      x: -50,
      y: -330,
      width: 100,
      height: 22,
      cornerRadius: 11,
      fill: '#1d1b2e',
    }),
    s.text(`${id}-title`, {
      name: 'Title',
      x: -150,
      y: -282,
      width: 300,
      text: 'Comments',
      fontFamily: 'Inter',
      fontSize: 28,
      fontWeight: 'bold',
      align: 'left',
      fill: '#1d1b2e',
    }),
    ...rows,
    s.rect(`${id}-reply`, {
      name: 'Reply box',
      x: -150,
      y: 262,
      width: 300,
      height: 52,
      cornerRadius: 26,
      fill: '#ffffff',
      stroke: '#c9c6dc',
      strokeWidth: 2,
    }),
    s.text(`${id}-reply-text`, {
      name: 'Reply hint',
      x: -128,
      y: 276,
      width: 260,
      text: 'Add a kind comment…',
      fontFamily: 'Inter',
      fontSize: 20,
      fontWeight: 'normal',
      align: 'left',
      fill: '#8a86a0',
    }),
  ]);
}

function cloud(s: Shapes, id: string, at: Point, fill: string, scale = 1): Element {
  return s.group(id, { name: 'Cloud', x: at.x, y: at.y, scaleX: scale, scaleY: scale }, [
    s.ellipse(`${id}-puff`, { name: 'Puff', x: -70, y: 14, radiusX: 60, radiusY: 44, fill }),
    s.ellipse(`${id}-puff`, { name: 'Puff', x: 0, y: -14, radiusX: 74, radiusY: 62, fill }),
    s.ellipse(`${id}-puff`, { name: 'Puff', x: 74, y: 12, radiusX: 62, radiusY: 46, fill }),
    s.rect(`${id}-base`, { name: 'Base', x: -120, y: 10, width: 240, height: 48, cornerRadius: 24, fill }),
  ]);
}

function heart(s: Shapes, id: string, at: Point, fill: string, scale = 1, rotation = 0): Element {
  return s.path(id, {
    name: 'Heart',
    x: at.x,
    y: at.y,
    scaleX: scale,
    scaleY: scale,
    rotation,
    data: HEART_PATH,
    fill,
  });
}

function sun(s: Shapes, id: string, at: Point): Element {
  return s.group(id, { name: 'Sun', x: at.x, y: at.y }, [
    s.star(`${id}-rays`, { name: 'Rays', points: 12, innerRadius: 96, outerRadius: 140, fill: '#ffd25a' }),
    s.ellipse(`${id}-disc`, { name: 'Disc', radiusX: 92, radiusY: 92, fill: '#ffb627' }),
    s.ellipse(`${id}-glow`, {
      name: 'Glow',
      x: -28,
      y: -30,
      radiusX: 26,
      radiusY: 18,
      rotation: -30,
      fill: '#ffe08a',
    }),
  ]);
}

/** Full-frame backgrounds are 1080 x 1920, centred on `at`. */
const BG = { width: 1080, height: 1920 } as const;

function backdrop(s: Shapes, id: string, name: string, at: Point, parts: Element[]): Element {
  return s.group(id, { name, x: at.x, y: at.y }, parts);
}

export const PROP_DESIGNS: readonly PropDesign[] = [
  {
    id: 'phone-comments',
    name: 'Phone with comments',
    category: 'phone',
    tags: ['phone', 'comments', 'social', 'screen', 'online', 'duet'],
    width: 380,
    height: 720,
    build: (s, at) =>
      phone(s, at, 'phone', [
        ['@sunnyday', 'made my day 💛', '#ffb627'],
        ['@mo.draws', 'the colours!! 🎨', '#6ac6ff'],
        ['@kit_kat', 'teach me pls ✨', '#ff7ba1'],
      ]),
  },
  {
    id: 'speech-bubble',
    name: 'Speech bubble',
    category: 'bubbles',
    tags: ['speech', 'talk', 'say', 'bubble', 'dialogue'],
    width: 420,
    height: 240,
    build: (s, at) =>
      s.bubble('speech', {
        name: 'Speech bubble',
        x: at.x,
        y: at.y,
        // The anchor puts the bubble's middle (its tail included) on the point.
        anchorX: 210,
        anchorY: 130,
        width: 420,
        height: 200,
        tailX: 90,
        tailY: 260,
        text: 'You can do this!',
        fontFamily: 'Fredoka',
        fontSize: 48,
        fill: '#ffffff',
        stroke: '#1d1b2e',
        strokeWidth: 5,
      }),
  },
  {
    id: 'thought-bubble',
    name: 'Thought bubble',
    category: 'bubbles',
    tags: ['thought', 'think', 'thinking', 'bubble', 'idea', 'feel'],
    width: 460,
    height: 340,
    build: (s, at) =>
      s.group('thought', { name: 'Thought bubble', x: at.x, y: at.y }, [
        s.ellipse('thought-dot', {
          name: 'Dot',
          x: -150,
          y: 150,
          radiusX: 16,
          radiusY: 16,
          fill: '#ffffff',
          stroke: '#1d1b2e',
          strokeWidth: 4,
        }),
        s.ellipse('thought-dot', {
          name: 'Dot',
          x: -112,
          y: 108,
          radiusX: 26,
          radiusY: 24,
          fill: '#ffffff',
          stroke: '#1d1b2e',
          strokeWidth: 4,
        }),
        s.ellipse('thought-cloud', {
          name: 'Cloud outline',
          x: 0,
          y: -20,
          radiusX: 224,
          radiusY: 124,
          fill: '#ffffff',
          stroke: '#1d1b2e',
          strokeWidth: 5,
        }),
        s.text('thought-text', {
          name: 'Thought',
          x: -180,
          y: -56,
          width: 360,
          text: 'Why did they say that?',
          fontFamily: 'Fredoka',
          fontSize: 44,
          fontWeight: 'bold',
          fill: '#1d1b2e',
        }),
      ]),
  },
  {
    id: 'heart',
    name: 'Heart',
    category: 'hearts',
    tags: ['heart', 'love', 'like', 'kind'],
    width: 160,
    height: 140,
    build: (s, at) => heart(s, 'heart', at, '#ff4d6d', 2),
  },
  {
    id: 'hearts-burst',
    name: 'Hearts burst',
    category: 'hearts',
    tags: ['hearts', 'love', 'likes', 'celebrate', 'kind'],
    width: 360,
    height: 300,
    build: (s, at) =>
      s.group('hearts', { name: 'Hearts burst', x: at.x, y: at.y }, [
        heart(s, 'hearts-big', { x: 0, y: 10 }, '#ff4d6d', 2.2),
        heart(s, 'hearts-left', { x: -130, y: -60 }, '#ff8fab', 1.1, -18),
        heart(s, 'hearts-right', { x: 128, y: -80 }, '#ffb3c6', 1.3, 16),
        heart(s, 'hearts-small', { x: -110, y: 90 }, '#ffc2d1', 0.8, -8),
        heart(s, 'hearts-tiny', { x: 120, y: 80 }, '#ff8fab', 0.7, 12),
      ]),
  },
  {
    id: 'cloud',
    name: 'Cloud',
    category: 'sky',
    tags: ['cloud', 'sky', 'weather', 'day'],
    width: 270,
    height: 150,
    build: (s, at) => cloud(s, 'cloud', at, '#ffffff'),
  },
  {
    id: 'storm-cloud',
    name: 'Grey cloud',
    category: 'sky',
    tags: ['cloud', 'sad', 'grey', 'storm', 'mood'],
    width: 270,
    height: 280,
    build: (s, at) =>
      s.group('storm', { name: 'Grey cloud', x: at.x, y: at.y }, [
        cloud(s, 'storm-cloud', { x: 0, y: 0 }, '#8b90a8'),
        s.line('storm-rain', {
          name: 'Rain',
          points: [-60, 80, -76, 130],
          stroke: '#6ac6ff',
          strokeWidth: 8,
        }),
        s.line('storm-rain', { name: 'Rain', points: [0, 84, -16, 134], stroke: '#6ac6ff', strokeWidth: 8 }),
        s.line('storm-rain', { name: 'Rain', points: [60, 80, 44, 130], stroke: '#6ac6ff', strokeWidth: 8 }),
      ]),
  },
  {
    id: 'sun',
    name: 'Sun',
    category: 'sky',
    tags: ['sun', 'sky', 'day', 'bright', 'happy', 'weather'],
    width: 280,
    height: 280,
    build: (s, at) => sun(s, 'sun', at),
  },
  {
    id: 'moon-stars',
    name: 'Moon and stars',
    category: 'sky',
    tags: ['moon', 'night', 'stars', 'sky', 'calm'],
    width: 300,
    height: 240,
    build: (s, at) =>
      s.group('moon', { name: 'Moon and stars', x: at.x, y: at.y }, [
        s.path('moon-crescent', {
          name: 'Moon',
          x: -20,
          data: 'M 0 -100 A 100 100 0 0 0 0 100 A 40 100 0 0 1 0 -100 Z',
          fill: '#ffe9a8',
        }),
        s.star('moon-star', {
          name: 'Star',
          x: 60,
          y: -70,
          points: 5,
          innerRadius: 10,
          outerRadius: 24,
          fill: '#ffffff',
        }),
        s.star('moon-star', {
          name: 'Star',
          x: 100,
          y: 40,
          points: 4,
          innerRadius: 5,
          outerRadius: 16,
          fill: '#ffffff',
        }),
      ]),
  },
  {
    id: 'backpack',
    name: 'Backpack',
    category: 'school',
    tags: ['school', 'backpack', 'bag', 'student'],
    width: 220,
    height: 280,
    build: (s, at) =>
      s.group('backpack', { name: 'Backpack', x: at.x, y: at.y }, [
        s.path('backpack-strap', {
          name: 'Handle',
          y: -120,
          data: 'M -40 0 Q -40 -36 0 -36 Q 40 -36 40 0',
          stroke: '#2f4b9c',
          strokeWidth: 14,
        }),
        s.rect('backpack-body', {
          name: 'Body',
          x: -100,
          y: -120,
          width: 200,
          height: 250,
          cornerRadius: 60,
          fill: '#4a6fe3',
        }),
        s.rect('backpack-pocket', {
          name: 'Pocket',
          x: -66,
          y: 10,
          width: 132,
          height: 92,
          cornerRadius: 26,
          fill: '#3557c4',
        }),
        s.line('backpack-zip', { name: 'Zip', points: [-44, 36, 44, 36], stroke: '#ffd25a', strokeWidth: 6 }),
        s.ellipse('backpack-badge', {
          name: 'Badge',
          x: 52,
          y: -60,
          radiusX: 20,
          radiusY: 20,
          fill: '#ff7ba1',
        }),
      ]),
  },
  {
    id: 'books',
    name: 'Stack of books',
    category: 'school',
    tags: ['school', 'books', 'study', 'read', 'homework'],
    width: 260,
    height: 150,
    build: (s, at) =>
      s.group('books', { name: 'Stack of books', x: at.x, y: at.y }, [
        s.rect('books-1', {
          name: 'Book',
          x: -120,
          y: 20,
          width: 240,
          height: 50,
          cornerRadius: 8,
          fill: '#e9573f',
        }),
        s.rect('books-1-pages', {
          name: 'Pages',
          x: -104,
          y: 30,
          width: 214,
          height: 30,
          cornerRadius: 4,
          fill: '#fff6e5',
        }),
        s.rect('books-2', {
          name: 'Book',
          x: -100,
          y: -30,
          width: 210,
          height: 50,
          cornerRadius: 8,
          fill: '#2fa56f',
        }),
        s.rect('books-2-pages', {
          name: 'Pages',
          x: -86,
          y: -20,
          width: 186,
          height: 30,
          cornerRadius: 4,
          fill: '#fff6e5',
        }),
        s.rect('books-3', {
          name: 'Book',
          x: -110,
          y: -76,
          width: 200,
          height: 46,
          cornerRadius: 8,
          fill: '#9d8cf0',
        }),
      ]),
  },
  {
    id: 'pencil',
    name: 'Pencil',
    category: 'school',
    tags: ['school', 'pencil', 'write', 'draw'],
    width: 300,
    height: 150,
    build: (s, at) =>
      s.group('pencil', { name: 'Pencil', x: at.x, y: at.y, rotation: -30 }, [
        s.rect('pencil-body', { name: 'Body', x: -110, y: -20, width: 200, height: 40, fill: '#ffc23d' }),
        s.rect('pencil-eraser', {
          name: 'Eraser',
          x: -146,
          y: -20,
          width: 40,
          height: 40,
          cornerRadius: 8,
          fill: '#ff8fab',
        }),
        s.path('pencil-tip', { name: 'Tip', data: 'M 90 -20 L 146 0 L 90 20 Z', fill: '#f6d7b0' }),
        s.path('pencil-lead', { name: 'Lead', data: 'M 128 -6 L 146 0 L 128 6 Z', fill: '#2b1d2a' }),
      ]),
  },
  {
    id: 'chalkboard',
    name: 'Chalkboard',
    category: 'school',
    tags: ['school', 'classroom', 'board', 'lesson', 'teacher'],
    width: 700,
    height: 440,
    build: (s, at) =>
      s.group('board', { name: 'Chalkboard', x: at.x, y: at.y }, [
        s.rect('board-frame', {
          name: 'Frame',
          x: -350,
          y: -220,
          width: 700,
          height: 440,
          cornerRadius: 18,
          fill: '#a0693b',
        }),
        s.rect('board-slate', {
          name: 'Board',
          x: -326,
          y: -196,
          width: 652,
          height: 392,
          cornerRadius: 8,
          fill: '#2f5d50',
        }),
        s.text('board-text', {
          name: 'Chalk',
          x: -300,
          y: -120,
          width: 600,
          text: 'Be kind online',
          fontFamily: 'Fredoka',
          fontSize: 64,
          fontWeight: 'bold',
          fill: '#f4f1ea',
        }),
        s.line('board-line', {
          name: 'Chalk line',
          points: [-160, 0, 160, 0],
          stroke: '#f4f1ea',
          strokeWidth: 6,
          opacity: 0.7,
        }),
        s.rect('board-ledge', {
          name: 'Ledge',
          x: -360,
          y: 208,
          width: 720,
          height: 22,
          cornerRadius: 8,
          fill: '#87552c',
        }),
      ]),
  },
  {
    id: 'sofa',
    name: 'Sofa',
    category: 'home',
    tags: ['home', 'sofa', 'couch', 'living room', 'relax'],
    width: 600,
    height: 300,
    build: (s, at) =>
      s.group('sofa', { name: 'Sofa', x: at.x, y: at.y }, [
        s.rect('sofa-back', {
          name: 'Back',
          x: -260,
          y: -130,
          width: 520,
          height: 180,
          cornerRadius: 50,
          fill: '#e07a5f',
        }),
        s.rect('sofa-seat', {
          name: 'Seat',
          x: -250,
          y: 20,
          width: 500,
          height: 90,
          cornerRadius: 30,
          fill: '#f2a48b',
        }),
        s.rect('sofa-arm-l', {
          name: 'Arm left',
          x: -300,
          y: -40,
          width: 80,
          height: 170,
          cornerRadius: 36,
          fill: '#c9634a',
        }),
        s.rect('sofa-arm-r', {
          name: 'Arm right',
          x: 220,
          y: -40,
          width: 80,
          height: 170,
          cornerRadius: 36,
          fill: '#c9634a',
        }),
        s.rect('sofa-leg-l', { name: 'Leg', x: -250, y: 126, width: 24, height: 24, fill: '#5b3a29' }),
        s.rect('sofa-leg-r', { name: 'Leg', x: 226, y: 126, width: 24, height: 24, fill: '#5b3a29' }),
        s.rect('sofa-cushion', {
          name: 'Cushion',
          x: -200,
          y: -80,
          width: 120,
          height: 100,
          cornerRadius: 30,
          fill: '#ffd25a',
          rotation: -8,
        }),
      ]),
  },
  {
    id: 'plant',
    name: 'Plant',
    category: 'home',
    tags: ['home', 'plant', 'pot', 'green', 'leaf', 'grow'],
    width: 220,
    height: 320,
    build: (s, at) =>
      s.group('plant', { name: 'Plant', x: at.x, y: at.y }, [
        s.ellipse('plant-leaf', {
          name: 'Leaf',
          x: -50,
          y: -70,
          radiusX: 34,
          radiusY: 80,
          rotation: -30,
          fill: '#3fa36b',
        }),
        s.ellipse('plant-leaf', {
          name: 'Leaf',
          x: 50,
          y: -70,
          radiusX: 34,
          radiusY: 80,
          rotation: 30,
          fill: '#2f8a57',
        }),
        s.ellipse('plant-leaf', { name: 'Leaf', x: 0, y: -100, radiusX: 34, radiusY: 90, fill: '#4cbf7e' }),
        s.path('plant-pot', {
          name: 'Pot',
          data: 'M -80 20 L 80 20 L 62 150 Q 0 160 -62 150 Z',
          fill: '#d9733b',
        }),
        s.rect('plant-rim', {
          name: 'Rim',
          x: -90,
          y: 6,
          width: 180,
          height: 34,
          cornerRadius: 12,
          fill: '#e98c55',
        }),
      ]),
  },
  {
    id: 'lamp',
    name: 'Lamp',
    category: 'home',
    tags: ['home', 'lamp', 'light', 'bedroom', 'night'],
    width: 300,
    height: 440,
    build: (s, at) =>
      s.group('lamp', { name: 'Lamp', x: at.x, y: at.y }, [
        s.ellipse('lamp-glow', {
          name: 'Glow',
          y: -90,
          radiusX: 150,
          radiusY: 130,
          fill: '#fff3b0',
          opacity: 0.45,
        }),
        s.path('lamp-shade', {
          name: 'Shade',
          data: 'M -50 -170 L 50 -170 L 90 -60 L -90 -60 Z',
          fill: '#ffd25a',
        }),
        s.rect('lamp-pole', { name: 'Pole', x: -7, y: -60, width: 14, height: 220, fill: '#5b3a29' }),
        s.ellipse('lamp-foot', { name: 'Foot', y: 164, radiusX: 70, radiusY: 18, fill: '#5b3a29' }),
      ]),
  },
  {
    id: 'window',
    name: 'Window',
    category: 'home',
    tags: ['home', 'window', 'bedroom', 'sky', 'view'],
    width: 420,
    height: 480,
    build: (s, at) =>
      s.group('window', { name: 'Window', x: at.x, y: at.y }, [
        s.rect('window-frame', {
          name: 'Frame',
          x: -210,
          y: -240,
          width: 420,
          height: 480,
          cornerRadius: 20,
          fill: '#ffffff',
        }),
        s.rect('window-sky', {
          name: 'Sky',
          x: -186,
          y: -216,
          width: 372,
          height: 432,
          cornerRadius: 10,
          fill: '#9ed8ff',
        }),
        cloud(s, 'window-cloud', { x: -40, y: -90 }, '#ffffff', 0.6),
        s.rect('window-bar-v', { name: 'Bar', x: -8, y: -216, width: 16, height: 432, fill: '#ffffff' }),
        s.rect('window-bar-h', { name: 'Bar', x: -186, y: -8, width: 372, height: 16, fill: '#ffffff' }),
        s.rect('window-sill', {
          name: 'Sill',
          x: -236,
          y: 230,
          width: 472,
          height: 28,
          cornerRadius: 10,
          fill: '#e6dccb',
        }),
      ]),
  },
  {
    id: 'bg-bedroom',
    name: 'Bedroom',
    category: 'background',
    tags: ['background', 'bedroom', 'home', 'room', 'night', 'scroll'],
    ...BG,
    build: (s, at) =>
      backdrop(s, 'bedroom', 'Bedroom background', at, [
        s.rect('bedroom-wall', {
          name: 'Wall',
          x: -540,
          y: -960,
          width: 1080,
          height: 1920,
          fill: '#c9b8f0',
        }),
        s.rect('bedroom-stripe', {
          name: 'Wall stripe',
          x: -540,
          y: 150,
          width: 1080,
          height: 40,
          fill: '#b3a0e6',
        }),
        s.rect('bedroom-floor', {
          name: 'Floor',
          x: -540,
          y: 420,
          width: 1080,
          height: 540,
          fill: '#8a5a44',
        }),
        s.rect('bedroom-rug', {
          name: 'Rug',
          x: -360,
          y: 560,
          width: 720,
          height: 200,
          cornerRadius: 100,
          fill: '#f2a48b',
        }),
        s.group('bedroom-frame', { name: 'Picture', x: 300, y: -420 }, [
          s.rect('bedroom-frame-border', {
            name: 'Frame',
            x: -110,
            y: -90,
            width: 220,
            height: 180,
            cornerRadius: 12,
            fill: '#ffffff',
          }),
          s.rect('bedroom-frame-art', {
            name: 'Art',
            x: -90,
            y: -70,
            width: 180,
            height: 140,
            cornerRadius: 6,
            fill: '#ffd25a',
          }),
          heart(s, 'bedroom-frame-heart', { x: 0, y: 4 }, '#ff4d6d', 1.1),
        ]),
      ]),
  },
  {
    id: 'bg-classroom',
    name: 'Classroom',
    category: 'background',
    tags: ['background', 'school', 'classroom', 'lesson'],
    ...BG,
    build: (s, at) =>
      backdrop(s, 'classroom', 'Classroom background', at, [
        s.rect('classroom-wall', {
          name: 'Wall',
          x: -540,
          y: -960,
          width: 1080,
          height: 1920,
          fill: '#f6e7c8',
        }),
        s.rect('classroom-board-frame', {
          name: 'Board frame',
          x: -430,
          y: -700,
          width: 860,
          height: 500,
          cornerRadius: 16,
          fill: '#a0693b',
        }),
        s.rect('classroom-board', {
          name: 'Board',
          x: -406,
          y: -676,
          width: 812,
          height: 452,
          cornerRadius: 8,
          fill: '#2f5d50',
        }),
        s.text('classroom-board-text', {
          name: 'Chalk',
          x: -360,
          y: -520,
          width: 720,
          text: 'Kindness is cool',
          fontFamily: 'Fredoka',
          fontSize: 80,
          fontWeight: 'bold',
          fill: '#f4f1ea',
          opacity: 0.85,
        }),
        s.rect('classroom-floor', {
          name: 'Floor',
          x: -540,
          y: 420,
          width: 1080,
          height: 540,
          fill: '#c48a5a',
        }),
        s.rect('classroom-desk', {
          name: 'Desk',
          x: -420,
          y: 380,
          width: 840,
          height: 60,
          cornerRadius: 14,
          fill: '#e1a866',
        }),
      ]),
  },
  {
    id: 'bg-park',
    name: 'Park',
    category: 'background',
    tags: ['background', 'park', 'outside', 'grass', 'trees', 'day', 'walk'],
    ...BG,
    build: (s, at) =>
      backdrop(s, 'park', 'Park background', at, [
        s.rect('park-sky', { name: 'Sky', x: -540, y: -960, width: 1080, height: 1920, fill: '#a8dcff' }),
        cloud(s, 'park-cloud', { x: -260, y: -640 }, '#ffffff', 0.9),
        cloud(s, 'park-cloud', { x: 300, y: -480 }, '#ffffff', 0.7),
        s.ellipse('park-hill', {
          name: 'Hill',
          x: -300,
          y: 380,
          radiusX: 700,
          radiusY: 300,
          fill: '#7ccf7a',
        }),
        s.ellipse('park-hill', { name: 'Hill', x: 400, y: 420, radiusX: 640, radiusY: 280, fill: '#5fbf6a' }),
        s.rect('park-grass', { name: 'Grass', x: -540, y: 460, width: 1080, height: 500, fill: '#4aa85a' }),
        s.rect('park-path', { name: 'Path', x: -540, y: 620, width: 1080, height: 120, fill: '#e9d6a8' }),
        s.group('park-tree', { name: 'Tree', x: 360, y: 200 }, [
          s.rect('park-trunk', {
            name: 'Trunk',
            x: -22,
            y: 0,
            width: 44,
            height: 200,
            cornerRadius: 10,
            fill: '#8a5a44',
          }),
          s.ellipse('park-leaves', { name: 'Leaves', y: -40, radiusX: 130, radiusY: 120, fill: '#2f8a57' }),
        ]),
      ]),
  },
  {
    id: 'bg-night',
    name: 'Night sky',
    category: 'background',
    tags: ['background', 'night', 'stars', 'sky', 'calm', 'dream'],
    ...BG,
    build: (s, at) =>
      backdrop(s, 'night', 'Night sky background', at, [
        s.rect('night-sky', { name: 'Sky', x: -540, y: -960, width: 1080, height: 1920, fill: '#1f1846' }),
        ...[
          [-380, -700, 14],
          [-120, -820, 9],
          [260, -760, 12],
          [420, -500, 8],
          [-300, -380, 10],
          [120, -300, 7],
          [-440, -120, 8],
          [380, -60, 11],
        ].map(([x, y, r]) =>
          s.star('night-star', {
            name: 'Star',
            x: x as number,
            y: y as number,
            points: 4,
            innerRadius: (r as number) * 0.4,
            outerRadius: r as number,
            fill: '#fff6cc',
          }),
        ),
        s.ellipse('night-hill', { name: 'Hill', x: 0, y: 900, radiusX: 900, radiusY: 380, fill: '#2b2360' }),
      ]),
  },
  {
    id: 'bg-hallway',
    name: 'School hallway',
    category: 'background',
    tags: ['background', 'school', 'hallway', 'lockers', 'corridor'],
    ...BG,
    build: (s, at) =>
      backdrop(s, 'hallway', 'School hallway background', at, [
        s.rect('hallway-wall', {
          name: 'Wall',
          x: -540,
          y: -960,
          width: 1080,
          height: 1920,
          fill: '#dfe9f3',
        }),
        ...[-480, -240, 0, 240].map((x) =>
          s.group('hallway-locker', { name: 'Locker', x: x + 120, y: -120 }, [
            s.rect('hallway-locker-door', {
              name: 'Door',
              x: -110,
              y: -420,
              width: 220,
              height: 720,
              cornerRadius: 10,
              fill: '#4f9fd9',
            }),
            s.line('hallway-vent', {
              name: 'Vent',
              points: [-60, -340, 60, -340],
              stroke: '#3b84bd',
              strokeWidth: 8,
            }),
            s.line('hallway-vent', {
              name: 'Vent',
              points: [-60, -310, 60, -310],
              stroke: '#3b84bd',
              strokeWidth: 8,
            }),
            s.rect('hallway-handle', {
              name: 'Handle',
              x: 70,
              y: -60,
              width: 14,
              height: 60,
              cornerRadius: 7,
              fill: '#e6eef6',
            }),
          ]),
        ),
        s.rect('hallway-floor', {
          name: 'Floor',
          x: -540,
          y: 300,
          width: 1080,
          height: 660,
          fill: '#b9c4cf',
        }),
      ]),
  },
];
