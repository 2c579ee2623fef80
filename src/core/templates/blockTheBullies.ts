import type { Element } from '../schema';
import {
  animate,
  bob,
  commentCard,
  floatUp,
  ground,
  shadow,
  twinkles,
  kit,
  phoneFrame,
  popIn,
  restyle,
  revealElements,
  riseIn,
  slideIn,
  talk,
} from './kit';
import { gradient, templateProject } from './project';
import type { TemplateDefinition } from './types';

/**
 * Block the Bullies: an unkind duet and its comments, how they sting, and the two taps that
 * take the space back (block, report). Neon night look: deep indigo, hot pink, cyan; Fredoka.
 */
const PINK = '#ff4f9a';
const CYAN = '#3de0ff';
const INK = '#1d1b2e';
const NIGHT = gradient('#161040', '#3a1d6b');

const maya = restyle('maya', {
  outfit: { top: PINK, topShade: '#d02f76', legs: '#2a2f6b', shoes: '#ffffff' },
});

const cardLook = { card: '#ffffff', ink: INK, muted: '#6b6780', avatar: '#9aa0b8', font: 'Fredoka' };
const kindLook = { ...cardLook, card: '#fff0f6', avatar: PINK };

const STARS = [
  [90, 360, 12],
  [980, 420, 9],
  [1010, 1500, 14],
  [70, 1620, 10],
  [860, 1760, 8],
  [200, 1820, 12],
] as const;

export const blockTheBullies: TemplateDefinition = {
  id: 'block-the-bullies',
  title: 'Block the Bullies',
  theme: 'block-the-bullies',
  description: 'An unkind duet, the sting, and the two taps that take your space back.',
  keyFrame: 14.2,
  build(directory) {
    const k = kit();
    const { s } = k;

    // 1. The incident: someone duets the video to mock it, and the comments pile on.
    const phone1 = phoneFrame(k, { x: 390, y: 860 }, '#f4f1ff');
    const duetLeft = s.rect('duet-left', {
      name: 'Your video',
      x: 210,
      y: 480,
      width: 176,
      height: 360,
      cornerRadius: 20,
      fill: '#ffe4f0',
    });
    const duetRight = s.rect('duet-right', {
      name: 'Their duet',
      x: 394,
      y: 480,
      width: 176,
      height: 360,
      cornerRadius: 20,
      fill: '#d9d6e6',
    });
    const myArt = k.sticker('sun-with-face', { x: 298, y: 660 }, 120);
    const eyeRoll = popIn(k.sticker('eye-roll', { x: 482, y: 660 }, 120), 0.5);
    const mean1 = popIn(
      commentCard(k, { x: 470, y: 960 }, '@nobody_123', 'who asked 🙄', cardLook, 540),
      1.1,
    );
    const mean2 = popIn(
      commentCard(k, { x: 450, y: 1110 }, '@lolol', 'this duet is so cringe 😂', cardLook, 580),
      1.9,
    );
    const maya1 = animate(k.character(maya, { x: 830, y: 1250 }, 0.75, 'calm'), {
      expression: [
        [0, 'calm'],
        [1.2, 'surprised'],
        [2.1, 'worried'],
      ],
    });

    // 2. The impact: it follows her around; a grey cloud over everything.
    const maya2 = animate(k.character(maya, { x: 540, y: 1130 }, 1.05, 'sad'), {
      mouth: talk(0.4, 2.6, 3),
    });
    const storm = bob(
      k.s.group('storm', { name: 'Grey cloud', x: 540, y: 680 }, [
        s.ellipse('storm-puff', { name: 'Puff', x: -80, y: 14, radiusX: 70, radiusY: 52, fill: '#8b90a8' }),
        s.ellipse('storm-puff', { name: 'Puff', x: 0, y: -18, radiusX: 86, radiusY: 72, fill: '#9aa0b8' }),
        s.ellipse('storm-puff', { name: 'Puff', x: 86, y: 12, radiusX: 72, radiusY: 54, fill: '#8b90a8' }),
        s.rect('storm-base', {
          name: 'Base',
          x: -140,
          y: 10,
          width: 280,
          height: 56,
          cornerRadius: 28,
          fill: '#8b90a8',
        }),
      ]),
      4,
      8,
      2,
    );
    const rain = [-70, -10, 50, 100].map((x, i) =>
      animate(
        s.line('rain', {
          name: 'Rain',
          x: 540 + x,
          y: 770,
          points: [0, 0, -12, 44],
          stroke: CYAN,
          strokeWidth: 8,
        }),
        {
          y: [
            [0.1 * i, 540, 'linear'],
            [0.1 * i + 0.9, 660],
            [0.1 * i + 0.91, 540, 'linear'],
            [0.1 * i + 1.8, 660],
            [0.1 * i + 1.81, 540, 'linear'],
            [0.1 * i + 2.7, 660],
            [0.1 * i + 2.71, 540, 'linear'],
            [0.1 * i + 3.6, 660],
          ],
        },
      ),
    );
    const echo1 = {
      ...commentCard(k, { x: 380, y: 540 }, '@nobody_123', 'who asked 🙄', cardLook, 420),
      rotation: -7,
      opacity: 0.55,
    };
    const echo2 = {
      ...commentCard(k, { x: 700, y: 610 }, '@lolol', 'so cringe 😂', cardLook, 320),
      rotation: 6,
      opacity: 0.55,
    };

    // 3. The choice: block and report, two taps.
    const phone3 = phoneFrame(k, { x: 540, y: 900 }, '#f4f1ff');
    const button = (y: number, label: string, fill: string, tap: number): Element =>
      animate(
        s.group('button', { name: `Button: ${label}`, x: 540, y }, [
          s.rect('button-shape', {
            name: 'Button',
            x: -160,
            y: -58,
            width: 320,
            height: 116,
            cornerRadius: 58,
            fill,
          }),
          s.text('button-label', {
            name: 'Label',
            x: -160,
            y: -30,
            width: 320,
            text: label,
            fontFamily: 'Fredoka',
            fontSize: 50,
            fontWeight: 'bold',
            fill: INK,
          }),
        ]),
        {
          scaleX: [
            [tap - 0.15, 1, 'easeInQuad'],
            [tap, 0.88, 'easeOutBack'],
            [tap + 0.3, 1],
          ],
          scaleY: [
            [tap - 0.15, 1, 'easeInQuad'],
            [tap, 0.88, 'easeOutBack'],
            [tap + 0.3, 1],
          ],
        },
      );
    const block = riseIn(button(660, '🚫 Block', PINK, 1.2), 0.2);
    const report = riseIn(button(820, '🚩 Report', CYAN, 2.0), 0.4);
    const done = popIn(
      s.group('toast', { name: 'Done', x: 540, y: 990 }, [
        s.rect('toast-shape', {
          name: 'Toast',
          x: -170,
          y: -44,
          width: 340,
          height: 88,
          cornerRadius: 44,
          fill: INK,
        }),
        s.text('toast-text', {
          name: 'Toast text',
          x: -170,
          y: -22,
          width: 340,
          text: 'Done ✓ Blocked',
          fontFamily: 'Fredoka',
          fontSize: 40,
          fontWeight: 'bold',
          fill: '#ffffff',
        }),
      ]),
      2.5,
    );
    const hand = animate(k.sticker('thumbs-up', { x: 780, y: 1130 }, 150), {
      opacity: [
        [0, 0],
        [2.6, 0, 'easeOutQuad'],
        [2.9, 1],
      ],
      rotation: [
        [2.6, -20, 'easeOutBack'],
        [3.1, 0],
      ],
    });
    const maya3 = animate(k.character(maya, { x: 230, y: 1330 }, 0.7, 'angry'), {
      expression: [
        [0, 'angry'],
        [2.5, 'calm'],
      ],
    });

    // 4. The kindness: her page is for the people who lift her up.
    const maya4 = animate(bob(k.character(maya, { x: 540, y: 1180 }, 1.05, 'happy'), 4, 10, 1.4), {
      mouth: talk(0.5, 2.4, 1),
    });
    const kind1 = slideIn(
      commentCard(k, { x: 540, y: 570 }, '@art.by.jo', 'your art is everything 💖', kindLook, 640),
      0.3,
      -200,
    );
    const kind2 = slideIn(
      commentCard(k, { x: 540, y: 730 }, '@bestie', 'duet me anytime!! ✨', kindLook, 640),
      0.8,
      200,
    );
    const hearts = [
      [230, 1050, PINK, 1.1, 0.2],
      [850, 1000, '#ff8fc1', 0.9, 0.7],
      [170, 1250, '#ffb3d4', 0.7, 1.2],
      [900, 1230, PINK, 1.0, 1.6],
      [330, 900, '#ff8fc1', 0.6, 2.0],
    ].map(([x, y, fill, scale, t]) =>
      floatUp(
        k.heart({ x: x as number, y: y as number }, fill as string, scale as number),
        t as number,
        260,
        2.2,
      ),
    );

    // 5. The creator revealed.
    const reveal = revealElements(
      k,
      {
        background: NIGHT,
        ring: PINK,
        title: '#ffffff',
        handle: CYAN,
        font: 'Fredoka',
        accent: '#ffd23f',
        card: '#2a1858',
      },
      'this is me 💖',
      null,
    );

    return templateProject(
      {
        title: 'Block the Bullies',
        captionSettings: { fontFamily: 'Fredoka', fontSize: 64, position: 'top' },
        beats: [
          {
            id: 'scene-duet',
            name: 'The duet',
            duration: 4,
            background: NIGHT,
            notes:
              'THE INCIDENT. Someone duets your video just to mock it, and the comments pile on. Show it, but never repeat the worst words: swap in your own mild ones.',
            transition: { kind: 'crossfade', duration: 0.5 },
            elements: [
              ...ground(k, 1440, '#2a1a5c', '#3a2676'),
              ...twinkles(k, '#ffffff', STARS),
              shadow(k, 830, 1450, 180),
              phone1,
              duetLeft,
              duetRight,
              myArt,
              eyeRoll,
              mean1,
              mean2,
              maya1,
            ],
            caption: 'Someone duetted my video just to mock it 😔',
          },
          {
            id: 'scene-sting',
            name: 'It stings',
            duration: 4,
            background: gradient('#100b2e', '#2b1850'),
            notes:
              'THE IMPACT. How it felt: the comments follow you around. Keep it quiet; one grey cloud says enough.',
            transition: { kind: 'crossfade', duration: 0.5 },
            elements: [
              ...ground(k, 1400, '#22164a'),
              ...twinkles(k, '#c9c3e6', STARS),
              shadow(k, 540, 1412, 240),
              echo1,
              echo2,
              storm,
              ...rain,
              maya2,
            ],
            caption: 'Every comment felt louder than the last 💬',
          },
          {
            id: 'scene-block',
            name: 'Block. Report.',
            duration: 4,
            background: NIGHT,
            notes:
              'THE CHOICE. Two taps: block the account and report the duet. Name the real buttons of the app your audience uses.',
            transition: { kind: 'slide', duration: 0.5, direction: 'left' },
            elements: [
              ...ground(k, 1480, '#2a1a5c', '#3a2676'),
              ...twinkles(k, '#ffffff', STARS),
              shadow(k, 230, 1518, 170),
              phone3,
              block,
              report,
              done,
              hand,
              maya3,
            ],
            caption: 'So I blocked and reported. Two taps 🚫',
            captionStyle: 'box',
          },
          {
            id: 'scene-space',
            name: 'My space',
            duration: 4,
            background: gradient('#2a1466', '#5b2a86'),
            notes:
              'THE KINDNESS. Your page is for the people who lift you up. Replace these comments with real kind ones you received.',
            transition: { kind: 'crossfade', duration: 0.5 },
            elements: [
              ...ground(k, 1450, '#3b1f7a', '#4d2a94'),
              ...twinkles(k, '#ffd23f', STARS),
              shadow(k, 540, 1462, 240),
              ...hearts,
              maya4,
              kind1,
              kind2,
            ],
            caption: 'My page is for people who lift me up 💖',
          },
          {
            id: 'scene-me',
            name: 'This is me',
            duration: 4,
            background: NIGHT,
            notes:
              'THE CREATOR REVEALED. Select the round photo and replace it with your picture, and put your handle under it. The end card that follows lists where to find help.',
            elements: [...twinkles(k, '#ffffff', STARS), ...reveal],
            caption: 'Protect your peace. You deserve it ✨',
          },
        ],
        endCard: {
          template: 'night',
          message: 'Block. Report. Protect your peace.',
          region: 'US',
          resources: ['us-stopbullying', 'us-crisis-text-line', 'global-tiktok-safety'],
          duration: 5,
        },
        post: {
          caption:
            'An unkind duet is not the end of the story. Block, report, and keep your space for the people who lift you up 💖',
          hashtags: ['CreateKindness', 'BlockTheBullies', 'Kindness', 'StopBullying'],
        },
      },
      directory,
    );
  },
};
