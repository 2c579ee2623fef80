import type { Element } from '../schema';
import {
  animate,
  bob,
  dropIn,
  fadeOut,
  ground,
  kit,
  popIn,
  revealElements,
  riseIn,
  shadow,
  talk,
  wordBlock,
  floatingStickers,
} from './kit';
import { CHARACTER_DESIGNS } from '../library/characters';
import { gradient, templateProject } from './project';
import type { TemplateDefinition } from './types';

/**
 * Power of Words: a micro-aggression said "as a joke", how small words pile up, a check before
 * posting, and words that build instead. Bold typography on cream paper: ink, red and
 * sunflower yellow, Inter; Maya in her yellow hoodie.
 */
const PAPER = '#fff6e5';
const INK = '#1d1b2e';
const RED = '#ef4444';
const SUN = '#ffd23f';
const maya =
  CHARACTER_DESIGNS.find((d) => d.id === 'maya') ??
  (CHARACTER_DESIGNS[0] as (typeof CHARACTER_DESIGNS)[number]);

function paperLines(k: ReturnType<typeof kit>): Element[] {
  return [560, 700, 840, 980, 1120].map((y) =>
    k.s.line('rule', { name: 'Ruled line', points: [0, y, 1080, y], stroke: '#f1dfbf', strokeWidth: 4 }),
  );
}

export const powerOfWords: TemplateDefinition = {
  id: 'power-of-words',
  title: 'Power of Words',
  theme: 'power-of-words',
  description: 'Micro-aggressions add up: check your words before you post, and build people up.',
  keyFrame: 6.6,
  build(directory) {
    const k = kit();
    const { s } = k;

    // 1. The incident: a "harmless" question, said again.
    const quote = riseIn(
      s.text('quote', {
        name: 'The words',
        x: 150,
        y: 560,
        width: 730,
        text: '“Where are you\nREALLY from?”',
        fontFamily: 'Inter',
        fontSize: 96,
        fontWeight: 'bold',
        fill: INK,
        lineHeight: 1.1,
      }),
      0.2,
      40,
    );
    const underline = animate(
      s.line('underline', {
        name: 'Underline',
        points: [200, 800, 880, 800],
        stroke: RED,
        strokeWidth: 14,
        reveal: 0,
      }),
      {
        reveal: [
          [1.0, 0, 'easeOutCubic'],
          [1.6, 1],
        ],
      },
    );
    const maya1 = animate(k.character(maya, { x: 540, y: 1230 }, 0.9, 'calm'), {
      expression: [
        [0, 'calm'],
        [1.2, 'surprised'],
        [2.4, 'sad'],
      ],
    });
    const again = popIn(
      s.group('again', { name: 'Again', x: 760, y: 880, rotation: 8 }, [
        s.rect('again-pill', {
          name: 'Pill',
          x: -120,
          y: -40,
          width: 240,
          height: 80,
          cornerRadius: 40,
          fill: RED,
        }),
        s.text('again-text', {
          name: 'Label',
          x: -120,
          y: -20,
          width: 240,
          text: 'again. 🙃',
          fontFamily: 'Inter',
          fontSize: 38,
          fontWeight: 'bold',
          fill: '#ffffff',
        }),
      ]),
      2.2,
    );

    // 2. The impact: small words, a hundred times, pile up.
    const heavy = [
      ['just a joke', 370, 1180, 0.1, -4],
      ['you speak so well!', 375, 1080, 0.5, 3],
      ['no offense but…', 365, 980, 0.9, -2],
      ['so exotic', 370, 880, 1.3, 5],
      ['can I touch your hair?', 375, 780, 1.7, -3],
    ].map(([word, x, y, t, r]) =>
      dropIn(
        wordBlock(
          k,
          { x: x as number, y: y as number },
          word as string,
          '#3a3550',
          '#ffffff',
          460,
          r as number,
        ),
        t as number,
        500,
      ),
    );
    const maya2 = animate(k.character(maya, { x: 820, y: 1290 }, 0.8, 'sad'), {
      expression: [
        [0, 'worried'],
        [1.6, 'sad'],
      ],
    });

    // 3. The choice: check before posting.
    const checklist = [
      ['Would I say it to their face?', 0.3],
      ['Is it about who they are?', 0.9],
      ['Could it hurt, even as a joke?', 1.5],
    ].map(([text, t], i) =>
      riseIn(
        s.group('check', { name: `Check: ${text}`, x: 540, y: 620 + i * 150 }, [
          s.rect('check-card', {
            name: 'Card',
            x: -380,
            y: -60,
            width: 760,
            height: 120,
            cornerRadius: 28,
            fill: '#ffffff',
            stroke: INK,
            strokeWidth: 4,
          }),
          s.rect('check-box', {
            name: 'Box',
            x: -350,
            y: -30,
            width: 60,
            height: 60,
            cornerRadius: 14,
            fill: SUN,
            stroke: INK,
            strokeWidth: 4,
          }),
          popIn(
            s.text('check-mark', {
              name: 'Tick',
              x: -350,
              y: -26,
              width: 60,
              text: '✓',
              fontFamily: 'Inter',
              fontSize: 48,
              fontWeight: 'bold',
              fill: INK,
            }),
            (t as number) + 0.5,
            0.3,
          ),
          s.text('check-text', {
            name: 'Question',
            x: -270,
            y: -22,
            width: 590,
            text: text as string,
            fontFamily: 'Inter',
            fontSize: 38,
            fontWeight: 'bold',
            align: 'left',
            fill: INK,
          }),
        ]),
        t as number,
        40,
      ),
    );
    const maya3 = animate(k.character(maya, { x: 540, y: 1330 }, 0.75, 'calm'), { mouth: talk(0.4, 2.8, 2) });

    // 4. The kindness: words that build.
    const build = [
      ['respect', SUN, 540, 1180, 0.1, 0],
      ['curious', '#7fd8b4', 355, 1080, 0.4, 0],
      ['kind', '#ff8fab', 725, 1080, 0.7, 0],
      ['listen', '#9fd0ff', 540, 980, 1.0, 0],
      ['ask, don’t assume', SUN, 540, 880, 1.3, 0],
    ].map(([word, fill, x, y, t, r]) =>
      dropIn(
        wordBlock(
          k,
          { x: x as number, y: y as number },
          word as string,
          fill as string,
          INK,
          word === 'ask, don’t assume' ? 480 : word === 'respect' || word === 'listen' ? 380 : 320,
          r as number,
        ),
        t as number,
        500,
        0.7,
      ),
    );
    const roofHeart = popIn(k.heart({ x: 540, y: 730 }, RED, 2.2), 1.9, 0.5);
    const maya4 = animate(bob(k.character(maya, { x: 880, y: 1330 }, 0.7, 'happy'), 4, 8, 1.4), {
      mouth: talk(0.3, 1.6, 5),
    });
    const stars = floatingStickers(
      k,
      'star',
      [
        [170, 760, 2.2],
        [920, 720, 2.6],
      ],
      100,
      120,
      1.7,
    );

    const reveal = revealElements(
      k,
      {
        background: { type: 'solid', color: PAPER },
        ring: RED,
        title: INK,
        handle: RED,
        font: 'Inter',
        accent: SUN,
        card: '#ffffff',
      },
      'this is me ✍️',
      null,
    );
    const paper = { type: 'solid', color: PAPER } as const;

    return templateProject(
      {
        title: 'Power of Words',
        captionSettings: { fontFamily: 'Inter', fontSize: 58, position: 'top' },
        beats: [
          {
            id: 'scene-joke',
            name: 'Just a question?',
            duration: 4,
            background: paper,
            notes:
              'THE INCIDENT. A micro-aggression: a "harmless" question or joke that singles someone out. Use one you have heard, in your own words.',
            transition: { kind: 'wipe', duration: 0.5, direction: 'left' },
            elements: [
              ...paperLines(k),
              ...ground(k, 1470, '#f3e2c3', '#e8d2ad'),
              shadow(k, 540, 1474, 220),
              maya1,
              quote,
              underline,
              again,
            ],
            caption: 'I get asked this a lot 🙃',
            captionStyle: 'box',
          },
          {
            id: 'scene-pile',
            name: 'They add up',
            duration: 4,
            background: gradient('#f6ead2', '#e9d6b4'),
            notes: 'THE IMPACT. Each one is small. Said a hundred times, they weigh a lot. Stack your own.',
            transition: { kind: 'wipe', duration: 0.5, direction: 'left' },
            elements: [...ground(k, 1240, '#d9c39c', '#c9b083'), shadow(k, 820, 1506, 180), ...heavy, maya2],
            caption: 'Small words, said a hundred times, add up 🧱',
            captionStyle: 'box',
          },
          {
            id: 'scene-check',
            name: 'Think before you post',
            duration: 4,
            background: paper,
            notes:
              'THE CHOICE. Three questions before you post or comment. Keep them short enough to read at a glance.',
            transition: { kind: 'wipe', duration: 0.5, direction: 'left' },
            elements: [
              ...ground(k, 1500, '#f3e2c3', '#e8d2ad'),
              shadow(k, 540, 1532, 180),
              ...checklist,
              maya3,
            ],
            caption: 'Before you post: would I say it to their face? 🤔',
            captionStyle: 'box',
          },
          {
            id: 'scene-build',
            name: 'Words that build',
            duration: 4,
            background: gradient('#fff8ea', '#ffe9bf'),
            notes: 'THE KINDNESS. Words can build people up instead. Put in the ones you want to hear.',
            transition: { kind: 'crossfade', duration: 0.5 },
            elements: [
              ...ground(k, 1240, '#f3e2c3', '#e8d2ad'),
              shadow(k, 880, 1522, 170),
              ...build,
              roofHeart,
              ...stars,
              maya4,
            ],
            caption: 'Choose words that build people up 💛',
            captionStyle: 'box',
          },
          {
            id: 'scene-me',
            name: 'This is me',
            duration: 4,
            background: paper,
            notes:
              'THE CREATOR REVEALED. Replace the round photo with your picture and put in your handle. The end card lists where to find help.',
            elements: [...paperLines(k).map((l) => fadeOut(l, 0, 0.6)), ...reveal],
            caption: 'Think before you post ✍️',
            captionStyle: 'box',
          },
        ],
        endCard: {
          template: 'paper',
          message: 'Think before you post. Words stay.',
          region: 'US',
          resources: ['us-stopbullying', 'us-988-lifeline'],
          duration: 5,
        },
        post: {
          caption:
            '"Just a joke" still lands. Think before you post, and choose words that build people up 💛',
          hashtags: ['CreateKindness', 'PowerOfWords', 'Kindness', 'ThinkBeforeYouPost'],
        },
      },
      directory,
    );
  },
};
