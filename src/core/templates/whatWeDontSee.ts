import type { Element } from '../schema';
import {
  animate,
  bob,
  commentCard,
  fadeOut,
  floatUp,
  ground,
  kit,
  phoneFrame,
  popIn,
  revealElements,
  riseIn,
  shadow,
  talk,
  thought,
  twinkles,
  draftPill,
} from './kit';
import { CHARACTER_DESIGNS } from '../library/characters';
import { gradient, templateProject } from './project';
import type { TemplateDefinition } from './types';

/**
 * What We Don't See: an account is a person, reading alone at night; a choice before sending,
 * and a message that changes someone's night. Night blues with a warm lamp glow, Fredoka;
 * Leo in his green tee.
 */
const NIGHT = gradient('#0f1b3d', '#27306b');
const WARM = '#ffcf70';
const INK = '#1d1b2e';
const leo =
  CHARACTER_DESIGNS.find((d) => d.id === 'leo') ??
  (CHARACTER_DESIGNS[1] as (typeof CHARACTER_DESIGNS)[number]);
const STARS = [
  [110, 330, 12],
  [960, 300, 10],
  [860, 520, 7],
  [160, 640, 8],
  [1000, 1560, 12],
  [80, 1700, 9],
] as const;

const meanLook = { card: '#ffffff', ink: INK, muted: '#6b6780', avatar: '#9aa0b8', font: 'Fredoka' };
const kindLook = { card: '#fff4d6', ink: INK, muted: '#8a6a2a', avatar: WARM, font: 'Fredoka' };

function bedroom(k: ReturnType<typeof kit>): Element[] {
  const { s } = k;
  return [
    s.rect('wall', { name: 'Wall', x: -20, y: -20, width: 1120, height: 1960, fill: '#243063' }),
    s.group('window', { name: 'Window', x: 760, y: 640 }, [
      s.rect('window-frame', {
        name: 'Frame',
        x: -170,
        y: -200,
        width: 340,
        height: 400,
        cornerRadius: 18,
        fill: '#3b4a8a',
      }),
      s.rect('window-sky', {
        name: 'Night sky',
        x: -150,
        y: -180,
        width: 300,
        height: 360,
        cornerRadius: 10,
        fill: '#101a3a',
      }),
      s.path('window-moon', {
        name: 'Moon',
        x: -40,
        y: -60,
        data: 'M 0 -60 A 60 60 0 0 0 0 60 A 24 60 0 0 1 0 -60 Z',
        fill: '#ffe9a8',
      }),
      s.star('window-star', {
        name: 'Star',
        x: 70,
        y: -110,
        points: 4,
        innerRadius: 5,
        outerRadius: 14,
        fill: '#ffffff',
      }),
      s.rect('window-bar', { name: 'Bar', x: -8, y: -180, width: 16, height: 360, fill: '#3b4a8a' }),
    ]),
    s.ellipse('lamp-glow', {
      name: 'Lamp glow',
      x: 200,
      y: 1060,
      radiusX: 280,
      radiusY: 260,
      fill: '#2f3a78',
    }),
    s.ellipse('lamp-glow', {
      name: 'Lamp glow',
      x: 200,
      y: 1040,
      radiusX: 180,
      radiusY: 170,
      fill: '#404a8e',
    }),
    s.path('lamp-shade', {
      name: 'Lamp shade',
      x: 200,
      y: 1010,
      data: 'M -50 -60 L 50 -60 L 80 30 L -80 30 Z',
      fill: WARM,
    }),
    s.rect('lamp-pole', { name: 'Lamp pole', x: 193, y: 1040, width: 14, height: 280, fill: '#14193a' }),
    s.rect('bed', {
      name: 'Bed',
      x: -20,
      y: 1380,
      width: 1120,
      height: 120,
      cornerRadius: 30,
      fill: '#5a4bb0',
    }),
    s.rect('blanket', { name: 'Blanket', x: -20, y: 1440, width: 1120, height: 520, fill: '#3f3390' }),
  ];
}

export const whatWeDontSee: TemplateDefinition = {
  id: 'what-we-dont-see',
  title: "What We Don't See",
  theme: 'what-we-dont-see',
  description: 'Behind every account is a real person. A night, a message, and the care it takes.',
  keyFrame: 6.8,
  build(directory) {
    const k = kit();
    const { s } = k;

    // 1. The incident: just a username, just a comment.
    const phone = phoneFrame(k, { x: 540, y: 900 }, '#f4f1ff');
    const profile = riseIn(
      s.group('profile', { name: 'Profile', x: 540, y: 700 }, [
        s.ellipse('profile-avatar', { name: 'Avatar', radiusX: 90, radiusY: 90, fill: '#c9c3e6' }),
        k.sticker('smiling-face', { x: 0, y: 0 }, 140),
        s.text('profile-name', {
          name: 'Username',
          x: -190,
          y: 110,
          width: 380,
          text: '@leo.draws',
          fontFamily: 'Fredoka',
          fontSize: 44,
          fontWeight: 'bold',
          fill: INK,
        }),
      ]),
      0.2,
    );
    const mean = popIn(
      commentCard(k, { x: 540, y: 1060 }, '@someone', 'ur drawings are so mid lol', meanLook, 620),
      1.2,
    );
    const send = popIn(
      s.group('send', { name: 'Send', x: 540, y: 1200 }, [
        s.rect('send-pill', {
          name: 'Pill',
          x: -110,
          y: -40,
          width: 220,
          height: 80,
          cornerRadius: 40,
          fill: '#5a4bb0',
        }),
        s.text('send-text', {
          name: 'Label',
          x: -110,
          y: -20,
          width: 220,
          text: 'sent ➤',
          fontFamily: 'Fredoka',
          fontSize: 40,
          fontWeight: 'bold',
          fill: '#ffffff',
        }),
      ]),
      2.2,
    );

    // 2. The impact: the person behind the account, alone at night.
    const leo2 = animate(k.character(leo, { x: 540, y: 1180 }, 1.0, 'sad'), {});
    const glow = animate(
      s.rect('phone-light', {
        name: 'Phone light',
        x: 470,
        y: 1200,
        width: 140,
        height: 90,
        cornerRadius: 16,
        fill: '#dfe8ff',
      }),
      {
        opacity: [
          [0, 0.8, 'easeInOutSine'],
          [2, 0.55, 'easeInOutSine'],
          [4, 0.8],
        ],
      },
    );
    const echo = fadeOut(
      riseIn(
        {
          ...commentCard(k, { x: 540, y: 620 }, '@someone', 'ur drawings are so mid lol', meanLook, 620),
          opacity: 0.85,
        },
        0.4,
      ),
      3.2,
      0.6,
    );

    // 3. The choice: before sending, remember who reads it.
    const leo3 = animate(k.character(leo, { x: 760, y: 1260 }, 0.85, 'worried'), {});
    const bubble = popIn(
      thought(k, { x: 620, y: 880 }, 'does everyone hate my art?', 'Fredoka', 620, 'right'),
      0.5,
    );
    const draft = fadeOut(
      riseIn(
        draftPill(k, 'draft', 'Unkind draft', { x: 540, y: 600 }, 'ur drawings are so mid', {
          fill: '#ffffff',
          ink: '#9aa0b8',
          font: 'Fredoka',
          fontSize: 42,
        }),
        0.1,
      ),
      1.8,
      0.4,
    );
    const rewrite = riseIn(
      draftPill(k, 'rewrite', 'Kind draft', { x: 540, y: 600 }, 'your art makes my day ✨', {
        fill: '#fff4d6',
        ink: INK,
        font: 'Fredoka',
        fontSize: 42,
        stroke: { colour: WARM, width: 5 },
      }),
      2.2,
      30,
    );

    // 4. The kindness: a message that changes the night.
    const leo4 = animate(k.character(leo, { x: 540, y: 1180 }, 1.0, 'surprised'), {
      expression: [
        [0, 'surprised'],
        [1.0, 'happy'],
      ],
      mouth: talk(1.6, 3.0, 3),
    });
    const kindMsg = popIn(
      commentCard(k, { x: 540, y: 620 }, '@new.friend', 'your art makes my day ✨', kindLook, 640),
      0.3,
    );
    const kindMsg2 = popIn(
      commentCard(k, { x: 540, y: 770 }, '@new.friend', 'are you okay? I am here 💛', kindLook, 640),
      1.1,
    );
    const hearts = [
      [220, 1000, 0.8],
      [860, 980, 1.4],
      [300, 1200, 2.0],
    ].map(([x, y, t]) =>
      floatUp(k.heart({ x: x as number, y: y as number }, WARM, 1.0), t as number, 220, 2),
    );

    const reveal = revealElements(
      k,
      {
        background: NIGHT,
        ring: WARM,
        title: '#ffffff',
        handle: WARM,
        font: 'Fredoka',
        accent: '#ffffff',
        card: '#1c2552',
      },
      'this is me 💛',
      null,
    );

    return templateProject(
      {
        title: "What We Don't See",
        captionSettings: { fontFamily: 'Fredoka', fontSize: 62, position: 'top' },
        beats: [
          {
            id: 'scene-account',
            name: 'Just an account',
            duration: 4,
            background: NIGHT,
            notes:
              'THE INCIDENT. From the outside it is just a username and a quick comment. Keep the comment mild; it is the distance that matters.',
            transition: { kind: 'crossfade', duration: 0.6 },
            elements: [...twinkles(k, '#ffffff', STARS), phone, profile, mean, send],
            caption: "To you it's just an account 📱",
            captionStyle: 'box',
          },
          {
            id: 'scene-behind',
            name: 'Behind the screen',
            duration: 4,
            background: NIGHT,
            notes:
              'THE IMPACT. The person behind it, reading every word alone at night. Show their room; make it real.',
            transition: { kind: 'crossfade', duration: 0.6 },
            elements: [...bedroom(k), glow, leo2, echo],
            caption: 'But someone reads every word, alone at night 🌙',
            captionStyle: 'box',
          },
          {
            id: 'scene-before',
            name: 'Before you send',
            duration: 4,
            background: NIGHT,
            notes:
              'THE CHOICE. Before you send, picture who reads it. Rewrite the draft into something you would want to get.',
            transition: { kind: 'slide', duration: 0.5, direction: 'up' },
            elements: [
              ...twinkles(k, '#ffffff', STARS),
              ...ground(k, 1480, '#1c2552', '#2a3470'),
              shadow(k, 760, 1490, 190, '#000000', 0.3),
              leo3,
              bubble,
              draft,
              rewrite,
            ],
            caption: "Before you send, remember who's reading 💭",
            captionStyle: 'box',
          },
          {
            id: 'scene-care',
            name: 'Care',
            duration: 4,
            background: NIGHT,
            notes: "THE KINDNESS. One message can change someone's night. Check in; say something real.",
            transition: { kind: 'crossfade', duration: 0.6 },
            elements: [...bedroom(k), ...hearts, bob(leo4, 4, 6, 1.8), kindMsg, kindMsg2],
            caption: "One kind message can change someone's night 💌",
            captionStyle: 'box',
          },
          {
            id: 'scene-me',
            name: 'This is me',
            duration: 4,
            background: NIGHT,
            notes:
              'THE CREATOR REVEALED. Replace the round photo with your picture and add your handle. The end card lists who to reach out to.',
            elements: [...twinkles(k, WARM, STARS), ...reveal],
            caption: "Be the care you'd want to get 💛",
            captionStyle: 'box',
          },
        ],
        endCard: {
          template: 'night',
          message: 'Behind every account is a real person.',
          region: 'US',
          resources: ['us-988-lifeline', 'us-crisis-text-line', 'global-tiktok-safety'],
          duration: 5,
        },
        post: {
          caption:
            'Behind every account is a real person, maybe reading your comment alone at night. Be the care you would want to get 💛',
          hashtags: ['CreateKindness', 'WhatWeDontSee', 'Kindness', 'BeKind'],
        },
      },
      directory,
    );
  },
};
