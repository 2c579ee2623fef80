import type { Element } from '../schema';
import {
  animate,
  bob,
  commentCard,
  fadeOut,
  ground,
  kit,
  popIn,
  restyle,
  revealElements,
  riseIn,
  shadow,
  speech,
  talk,
} from './kit';
import { gradient, templateProject } from './project';
import type { TemplateDefinition } from './types';

/**
 * Walk Away: someone twists your words on purpose, a pile-on argues with what you never said,
 * and you leave the argument for somewhere calmer. Cool sky blue and mint, Inter; Pip in blue.
 */
const INK = '#17324d';
const SKY = gradient('#dff3ff', '#9fd0f5');
const MINT = '#7fd8b4';

const pip = restyle('pip', {
  skin: '#9fd0ff',
  skinShade: '#78b6ee',
  hair: { kind: 'ears', inner: '#ffc2d1', belly: '#e6f4ff' },
});
const leo = restyle('leo', {
  outfit: { top: '#ff8a5c', topShade: '#e56d40', legs: '#2c3654', shoes: '#ffffff' },
});

const bubbleLook = { fill: '#ffffff', ink: INK, font: 'Inter', stroke: INK };
const twistedLook = { card: '#ffe1e1', ink: '#7a1020', muted: '#b0505e', avatar: '#e0474c', font: 'Inter' };

function park(k: ReturnType<typeof kit>): Element[] {
  const { s } = k;
  return [
    s.ellipse('hill', { name: 'Hill', x: 200, y: 1500, radiusX: 700, radiusY: 260, fill: '#8fdcb4' }),
    s.ellipse('hill', { name: 'Hill', x: 960, y: 1540, radiusX: 620, radiusY: 240, fill: MINT }),
    s.rect('grass', { name: 'Grass', x: -20, y: 1520, width: 1120, height: 420, fill: '#5fbf8f' }),
    s.group('tree', { name: 'Tree', x: 880, y: 1180 }, [
      s.rect('trunk', {
        name: 'Trunk',
        x: -22,
        y: 0,
        width: 44,
        height: 360,
        cornerRadius: 12,
        fill: '#8a5a44',
      }),
      s.ellipse('leaves', { name: 'Leaves', y: -40, radiusX: 150, radiusY: 140, fill: '#3f9f6f' }),
      s.ellipse('leaves', { name: 'Leaves', x: -70, y: 20, radiusX: 100, radiusY: 90, fill: '#4cb07e' }),
    ]),
  ];
}

export const walkAway: TemplateDefinition = {
  id: 'walk-away',
  title: 'Walk Away',
  theme: 'walk-away',
  description: 'When someone twists your words on purpose: you do not owe them an argument.',
  keyFrame: 14.8,
  build(directory) {
    const k = kit();
    const { s } = k;

    // 1. The incident: what Pip said, and what someone claimed Pip said.
    const pip1 = animate(k.character(pip, { x: 300, y: 1260 }, 0.8, 'happy'), {
      mouth: talk(0.2, 1.3, 1),
      expression: [
        [0, 'happy'],
        [1.9, 'surprised'],
      ],
    });
    const said = popIn(
      speech(
        k,
        { x: 504, y: 650 },
        { x: 360, y: 930 },
        'pineapple on pizza is good 🍍',
        bubbleLook,
        760,
        150,
      ),
      0.2,
    );
    const twisted = popIn(
      animate(
        commentCard(k, { x: 560, y: 900 }, '@drama.acc', 'Pip hates plain pizza 😡', twistedLook, 660),
        {
          rotation: [
            [1.4, -6, 'easeOutBack'],
            [1.9, 3],
          ],
        },
      ),
      1.4,
    );
    const notSaid = popIn(
      s.group('not-said', { name: 'Not what I said', x: 640, y: 1070 }, [
        s.rect('not-said-pill', {
          name: 'Pill',
          x: -210,
          y: -40,
          width: 420,
          height: 80,
          cornerRadius: 40,
          fill: '#e0474c',
        }),
        s.text('not-said-text', {
          name: 'Label',
          x: -210,
          y: -20,
          width: 420,
          text: '✗ not what I said',
          fontFamily: 'Inter',
          fontSize: 38,
          fontWeight: 'bold',
          fill: '#ffffff',
        }),
      ]),
      2.4,
    );

    // 2. The impact: a pile-on, all arguing with the twisted version.
    const pip2 = animate(k.character(pip, { x: 540, y: 1230 }, 1.0, 'worried'), {});
    /** A short reply bubble sized to its text, its tail pointing towards Pip. */
    const reply = (text: string, x: number, y: number): Element => {
      const width = 120 + [...text].length * 30;
      // Kept inside the box every platform leaves clear.
      x = Math.min(Math.max(x, 124 + width / 2), 884 - width / 2);
      const dx = 540 - x;
      const dy = 1000 - y;
      const d = Math.hypot(dx, dy) || 1;
      return speech(
        k,
        { x, y },
        { x: x + (dx / d) * 110, y: y + (dy / d) * 110 },
        text,
        { fill: '#ffffff', ink: INK, font: 'Inter' },
        width,
        110,
      );
    };
    const pile = [
      ['??', 260, 620, 0.1],
      ['wow 😬', 800, 600, 0.4],
      ['explain!!', 230, 800, 0.7],
      ['unfollowed', 840, 790, 1.0],
      ['how could u 🙄', 290, 980, 1.3],
      ['ratio', 830, 980, 1.6],
    ].map(([text, x, y, t]) => popIn(reply(text as string, x as number, y as number), t as number, 0.35));

    // 3. The choice: Pip walks away; the noise fades behind.
    const pip3 = animate(bob(k.character(pip, { x: 420, y: 1250 }, 0.85, 'calm'), 4, 14, 0.5), {
      x: [
        [0.6, 420, 'easeInOutSine'],
        [3.8, 1250],
      ],
    });
    const fading = [
      ['??', 260, 640],
      ['explain!!', 800, 660],
      ['ratio', 280, 860],
    ].map(([text, x, y]) => fadeOut(reply(text as string, x as number, y as number), 0.8, 1.4));
    const sign = riseIn(
      s.group('sign', { name: 'Sign', x: 740, y: 980 }, [
        s.rect('sign-post', { name: 'Post', x: -12, y: 0, width: 24, height: 280, fill: '#8a5a44' }),
        s.path('sign-board', {
          name: 'Board',
          data: 'M -150 -70 L 120 -70 L 170 0 L 120 70 L -150 70 Z',
          fill: '#ffffff',
          stroke: INK,
          strokeWidth: 5,
        }),
        s.text('sign-text', {
          name: 'Sign text',
          x: -140,
          y: -26,
          width: 260,
          text: 'peace 🌿',
          fontFamily: 'Inter',
          fontSize: 48,
          fontWeight: 'bold',
          fill: INK,
        }),
      ]),
      0.4,
    );

    // 4. The kindness: friends who know what Pip meant.
    const pip4 = animate(bob(k.character(pip, { x: 360, y: 1280 }, 0.85, 'happy'), 4, 8, 1.6), {});
    const friend = animate(k.character(leo, { x: 740, y: 1270 }, 0.85, 'happy'), {
      mouth: talk(0.5, 2.2, 7),
    });
    const line = popIn(
      speech(k, { x: 504, y: 720 }, { x: 720, y: 1000 }, 'I know what you meant 💙', bubbleLook, 720, 150),
      0.4,
    );
    const sunny = k.sticker('sun', { x: 220, y: 640 }, 220);

    const reveal = revealElements(
      k,
      {
        background: SKY,
        ring: '#4a90e2',
        title: INK,
        handle: '#1f6fbf',
        font: 'Inter',
        accent: '#ffffff',
        card: '#ffffff',
      },
      'this is me 🌿',
      null,
    );

    return templateProject(
      {
        title: 'Walk Away',
        captionSettings: { fontFamily: 'Inter', fontSize: 58, position: 'top' },
        beats: [
          {
            id: 'scene-twisted',
            name: 'Twisted words',
            duration: 4,
            background: SKY,
            notes:
              'THE INCIDENT. Show what you really said, then the version someone twisted on purpose. Keep it light: the topic matters less than the twist.',
            transition: { kind: 'crossfade', duration: 0.5 },
            elements: [
              ...ground(k, 1450, '#bfe3f7', '#a9d6f0'),
              shadow(k, 300, 1466, 190),
              pip1,
              said,
              twisted,
              notSaid,
            ],
            caption: 'Someone twisted my words on purpose 🌀',
            captionStyle: 'box',
          },
          {
            id: 'scene-pile-on',
            name: 'The pile-on',
            duration: 4,
            background: gradient('#cfe3f0', '#8fb3cf'),
            notes:
              'THE IMPACT. Everyone argues with something you never said. It is exhausting; let that show.',
            transition: { kind: 'crossfade', duration: 0.5 },
            elements: [...ground(k, 1460, '#a9c6da'), shadow(k, 540, 1470, 230), pip2, ...pile],
            caption: 'Everyone argued with what I never said 😣',
            captionStyle: 'box',
          },
          {
            id: 'scene-walk',
            name: 'Walk away',
            duration: 4,
            background: SKY,
            notes:
              'THE CHOICE. You do not owe anyone an argument. Log off, mute, walk away. Say how you do it.',
            transition: { kind: 'slide', duration: 0.6, direction: 'left' },
            elements: [...ground(k, 1460, '#bfe3f7', '#a9d6f0'), ...fading, sign, pip3],
            caption: "I don't owe anyone an argument. I walked away 🚶",
            captionStyle: 'box',
          },
          {
            id: 'scene-peace',
            name: 'Peace',
            duration: 4,
            background: gradient('#e8f7ff', '#b5e2ff'),
            notes:
              'THE KINDNESS. The people who know you know what you meant. Show them, and the calm you chose.',
            transition: { kind: 'crossfade', duration: 0.5 },
            elements: [
              sunny,
              ...park(k),
              shadow(k, 360, 1510, 190),
              shadow(k, 740, 1500, 190),
              pip4,
              friend,
              line,
            ],
            caption: 'Friends who know me know the truth 💙',
            captionStyle: 'box',
          },
          {
            id: 'scene-me',
            name: 'This is me',
            duration: 4,
            background: SKY,
            notes:
              'THE CREATOR REVEALED. Replace the round photo with your picture and put in your handle. Help resources follow on the end card.',
            elements: [...park(k), ...reveal],
            caption: 'Not every fight is yours to have 🌿',
            captionStyle: 'box',
          },
        ],
        endCard: {
          template: 'calm',
          message: "You don't owe anyone an argument.",
          region: 'CA',
          resources: ['ca-kids-help-phone', 'global-tiktok-safety'],
          duration: 5,
        },
        post: {
          caption:
            'When someone twists your words on purpose, you do not owe them an argument. Walk away and keep your peace 🌿',
          hashtags: ['CreateKindness', 'WalkAway', 'Kindness', 'OnlineSafety'],
        },
      },
      directory,
    );
  },
};
