import type { Element } from '../schema';
import {
  animate,
  bob,
  commentCard,
  floatUp,
  ground,
  kit,
  popIn,
  restyle,
  revealElements,
  riseIn,
  shadow,
  slideIn,
  talk,
  floatingStickers,
} from './kit';
import { gradient, templateProject } from './project';
import type { TemplateDefinition } from './types';

/**
 * I Want to Hold On To: one negative comment shouts; the community that celebrates you
 * outweighs it. Warm sunrise peach and coral, Fredoka, boxed captions; Noor in a coral scarf.
 */
const CORAL = '#ff6f61';
const INK = '#3b2230';
const SUNRISE = gradient('#ffe3c4', '#ff9e8a');
const GREY = gradient('#d8cdc8', '#a99a96');

const noor = restyle('noor', {
  outfit: { top: '#ffc857', topShade: '#e8a93a', legs: '#5b3a5e', shoes: '#ffffff' },
  hair: { kind: 'scarf', color: CORAL, band: '#e0524a' },
});

const greyLook = { card: '#6d6470', ink: '#ffffff', muted: '#d6cfd8', avatar: '#4f4752', font: 'Fredoka' };
const warm = (avatar: string) => ({ card: '#fffaf3', ink: INK, muted: '#8a6f77', avatar, font: 'Fredoka' });

function sun(k: ReturnType<typeof kit>, y: number, rise: number): Element {
  const { s } = k;
  return animate(
    s.group('sun', { name: 'Sun', x: 540, y }, [
      s.ellipse('sun-glow', { name: 'Glow', radiusX: 260, radiusY: 260, fill: '#fff1c9', opacity: 0.6 }),
      s.ellipse('sun-disc', { name: 'Disc', radiusX: 170, radiusY: 170, fill: '#ffd36e' }),
    ]),
    {
      y: [
        [0, y + rise, 'easeOutCubic'],
        [3.5, y],
      ],
    },
  );
}

export const holdOnTo: TemplateDefinition = {
  id: 'hold-on-to',
  title: 'I Want to Hold On To',
  theme: 'hold-on-to',
  description: 'One loud mean comment, and the community that celebrates you outweighing it.',
  keyFrame: 15.2,
  build(directory) {
    const k = kit();
    const { s } = k;

    // 1. The incident: a happy post, then one mean comment cuts in.
    const noor1 = animate(k.character(noor, { x: 540, y: 1210 }, 1.05, 'happy'), {
      expression: [
        [0, 'happy'],
        [1.5, 'surprised'],
        [2.3, 'sad'],
      ],
    });
    const poem = riseIn(
      s.group('post', { name: 'Her post', x: 540, y: 640 }, [
        s.rect('post-card', {
          name: 'Card',
          x: -300,
          y: -120,
          width: 600,
          height: 240,
          cornerRadius: 40,
          fill: '#fffaf3',
        }),
        s.text('post-text', {
          name: 'Post',
          x: -270,
          y: -78,
          width: 540,
          text: 'new poem is up!! 📝\nit is about my grandma 💛',
          fontFamily: 'Fredoka',
          fontSize: 44,
          fontWeight: 'bold',
          fill: INK,
          lineHeight: 1.3,
        }),
      ]),
      0.2,
    );
    const mean = animate(
      slideIn(
        commentCard(k, { x: 540, y: 880 }, '@anon_4821', 'nobody cares about your poems', greyLook, 680),
        1.3,
        500,
      ),
      {
        rotation: [
          [1.3, 8, 'easeOutBack'],
          [1.9, -2],
        ],
      },
    );

    // 2. The impact: it keeps replaying; the colour drains.
    const noor2 = animate(k.character(noor, { x: 540, y: 1220 }, 1.05, 'sad'), { mouth: talk(0.5, 2.2, 5) });
    const replay = [0, 1, 2].map((i) =>
      animate(
        {
          ...commentCard(
            k,
            { x: 540, y: 590 + i * 150 },
            '@anon_4821',
            'nobody cares about your poems',
            greyLook,
            660,
          ),
          opacity: 0.9 - i * 0.25,
        },
        {
          x: [
            [0, 540 - (i - 1) * 20, 'easeInOutSine'],
            [2, 540 + (i - 1) * 20, 'easeInOutSine'],
            [4, 540 - (i - 1) * 20],
          ],
        },
      ),
    );

    // 3. The choice: look at everyone else who showed up.
    const kind = [
      ['@gran_fan_club', 'this made me cry (good tears) 😭', '#ff9f1c', 560, 0.2, -1],
      ['@poetrypals', 'your words always find me 💌', '#2ec4b6', 700, 0.6, 1],
      ['@mrs.okafor', 'your grandma would be so proud 🌷', '#e71d36', 840, 1.0, -1],
      ['@lil.sis', 'BEST POET EVER 🏆', '#8e7dbe', 980, 1.4, 1],
    ].map(([handle, text, avatar, y, t, side]) =>
      slideIn(
        commentCard(
          k,
          { x: 460, y: y as number },
          handle as string,
          text as string,
          warm(avatar as string),
          660,
        ),
        t as number,
        (side as number) * 300,
      ),
    );
    const noor3 = animate(k.character(noor, { x: 880, y: 1320 }, 0.72, 'surprised'), {
      expression: [
        [0, 'sad'],
        [0.8, 'surprised'],
        [2.2, 'happy'],
      ],
    });
    const count = popIn(
      s.group('count', { name: 'Comment count', x: 760, y: 1080 }, [
        s.rect('count-pill', {
          name: 'Pill',
          x: -110,
          y: -40,
          width: 220,
          height: 80,
          cornerRadius: 40,
          fill: CORAL,
        }),
        s.text('count-text', {
          name: 'Count',
          x: -110,
          y: -20,
          width: 220,
          text: '💬 312',
          fontFamily: 'Fredoka',
          fontSize: 40,
          fontWeight: 'bold',
          fill: '#ffffff',
        }),
      ]),
      2.0,
    );

    // 4. The kindness: holding on to the people who celebrate her.
    const pulse = (base: number): [number, number, 'easeInOutSine' | 'easeOutBack'][] => [
      [0, base * 0.01, 'easeOutBack'],
      [0.6, base, 'easeInOutSine'],
      [1.4, base * 1.07, 'easeInOutSine'],
      [2.2, base, 'easeInOutSine'],
      [3.0, base * 1.07, 'easeInOutSine'],
      [3.8, base, 'easeInOutSine'],
    ];
    const bigHeart = animate(k.heart({ x: 540, y: 1090 }, '#ffb3c1', 7), {
      scaleX: pulse(7),
      scaleY: pulse(7),
    });
    const hug = animate(k.heart({ x: 540, y: 1262 }, '#ff3d6e', 1.7), {
      scaleX: pulse(1.7),
      scaleY: pulse(1.7),
    });
    const noor4 = animate(bob(k.character(noor, { x: 540, y: 1180 }, 1.0, 'calm'), 4, 8, 1.6), {
      expression: [
        [0, 'happy'],
        [2.4, 'calm'],
      ],
      mouth: talk(0.3, 2.0, 6),
    });
    const floaters = [
      ['made me cry 😭', 300, 720, 0.3],
      ['love this 💌', 740, 800, 0.9],
      ['so proud 🌷', 300, 940, 1.5],
      ['BEST POET 🏆', 740, 660, 2.0],
    ].map(([text, x, y, t]) =>
      floatUp(
        s.group('tag', { name: `Kind words: ${text}`, x: x as number, y: y as number }, [
          s.rect('tag-pill', {
            name: 'Pill',
            x: -140,
            y: -38,
            width: 280,
            height: 76,
            cornerRadius: 38,
            fill: '#fffaf3',
          }),
          s.text('tag-text', {
            name: 'Words',
            x: -140,
            y: -18,
            width: 280,
            text: text as string,
            fontFamily: 'Fredoka',
            fontSize: 32,
            fontWeight: 'bold',
            fill: INK,
          }),
        ]),
        t as number,
        90,
        2.6,
      ),
    );
    const hearts = floatingStickers(
      k,
      'two-hearts',
      [
        [170, 1100, 0.6],
        [910, 1060, 1.2],
        [200, 1350, 1.9],
      ],
      120,
      240,
      2.2,
    );

    const reveal = revealElements(
      k,
      {
        background: SUNRISE,
        ring: CORAL,
        title: INK,
        handle: '#b23a48',
        font: 'Fredoka',
        accent: '#ffffff',
        card: '#fffaf3',
      },
      'this is me 🌅',
      null,
    );

    return templateProject(
      {
        title: 'I Want to Hold On To',
        captionSettings: { fontFamily: 'Fredoka', fontSize: 62, position: 'top' },
        beats: [
          {
            id: 'scene-comment',
            name: 'One comment',
            duration: 4,
            background: SUNRISE,
            notes:
              'THE INCIDENT. You share something you love, and one mean comment cuts in. Use a mild line; the point is how loud one voice can feel.',
            transition: { kind: 'crossfade', duration: 0.6 },
            elements: [
              sun(k, 1150, 200),
              ...ground(k, 1480, '#f27d6b', '#e86a5a'),
              shadow(k, 540, 1492, 240),
              noor1,
              poem,
              mean,
            ],
            caption: 'One mean comment tried to be the loudest 💬',
            captionStyle: 'box',
          },
          {
            id: 'scene-replay',
            name: 'It stays with you',
            duration: 4,
            background: GREY,
            notes: 'THE IMPACT. It replays in your head and takes the colour out of the day.',
            transition: { kind: 'crossfade', duration: 0.6 },
            elements: [...ground(k, 1490, '#8f827e'), shadow(k, 540, 1502, 240), ...replay, noor2],
            caption: 'I read it again and again 😞',
            captionStyle: 'box',
          },
          {
            id: 'scene-others',
            name: 'Look around',
            duration: 4,
            background: SUNRISE,
            notes:
              'THE CHOICE. Choose where to look: scroll past the one, read the hundreds. Paste in real kind comments from your own posts.',
            transition: { kind: 'slide', duration: 0.5, direction: 'up' },
            elements: [
              ...ground(k, 1500, '#f27d6b', '#e86a5a'),
              shadow(k, 880, 1514, 170),
              ...kind,
              noor3,
              count,
            ],
            caption: 'Then I read the other 300 comments 💌',
            captionStyle: 'box',
          },
          {
            id: 'scene-hold',
            name: 'Hold on to these',
            duration: 4,
            background: gradient('#fff0d6', '#ffb199'),
            notes: 'THE KINDNESS. Hold on to the community that celebrates you. Name them; thank them.',
            transition: { kind: 'crossfade', duration: 0.6 },
            elements: [
              sun(k, 900, 300),
              ...ground(k, 1460, '#f27d6b', '#e86a5a'),
              bigHeart,
              shadow(k, 540, 1462, 230),
              noor4,
              hug,
              ...floaters,
              ...hearts,
            ],
            caption: 'I hold on to the people who cheer me on 🤗',
            captionStyle: 'box',
          },
          {
            id: 'scene-me',
            name: 'This is me',
            duration: 4,
            background: SUNRISE,
            notes:
              'THE CREATOR REVEALED. Replace the round photo with your picture and add your handle. The end card lists where to find help.',
            elements: [sun(k, 1820, 200), ...reveal],
            caption: 'Find your people. Hold on tight 🌅',
            captionStyle: 'box',
          },
        ],
        endCard: {
          template: 'bright',
          message: 'Hold on to the people who celebrate you.',
          region: 'UK',
          resources: ['uk-childline', 'global-tiktok-safety'],
          duration: 5,
        },
        post: {
          caption:
            'One comment tried to be the loudest. 300 others said keep going. I know which ones I am holding on to 🌅',
          hashtags: ['CreateKindness', 'HoldOnTo', 'Kindness', 'Community'],
        },
      },
      directory,
    );
  },
};
