import type { Element } from '../schema';
import {
  animate,
  bob,
  commentCard,
  fadeOut,
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
  thought,
  draftPill,
  floatingStickers,
} from './kit';
import { gradient, templateProject } from './project';
import type { TemplateDefinition } from './types';

/**
 * Why Would You…: the urge to post something unkind, the insecurity under it, the pause, and
 * a kind question instead. Dusk teal and amber, Inter; Leo in a slate hoodie.
 */
const AMBER = '#ffb547';
const TEAL = '#9fd6d2';
const INK = '#1d1b2e';
const DUSK = gradient('#24475a', '#10222e');

const leo = restyle('leo', {
  outfit: { top: '#4a5a70', topShade: '#36445a', legs: '#1f2a38', shoes: AMBER },
  hair: { kind: 'swoop', color: '#5a3520', shine: '#84563a', glasses: '#1d1b2e' },
});

const cardLook = { card: '#ffffff', ink: INK, muted: '#5f6b78', avatar: TEAL, font: 'Inter' };

export const whyWouldYou: TemplateDefinition = {
  id: 'why-would-you',
  title: 'Why Would You…',
  theme: 'why-would-you',
  description: 'The urge to be unkind, the feeling under it, and a kinder question instead.',
  keyFrame: 6.4,
  build(directory) {
    const k = kit();
    const { s } = k;

    // 1. The incident: someone's post is everywhere, and the thumb hovers over a mean reply.
    const post = riseIn(
      s.group('post', { name: 'Their post', x: 680, y: 790 }, [
        s.rect('post-card', {
          name: 'Card',
          x: -200,
          y: -270,
          width: 400,
          height: 540,
          cornerRadius: 36,
          fill: '#ffffff',
        }),
        s.rect('post-art', {
          name: 'Art',
          x: -170,
          y: -210,
          width: 340,
          height: 330,
          cornerRadius: 24,
          fill: '#ffe9c7',
        }),
        k.sticker('glowing-star', { x: 0, y: -50 }, 190),
        s.text('post-handle', {
          name: 'Handle',
          x: -170,
          y: -254,
          width: 340,
          text: '@mika.makes',
          fontFamily: 'Inter',
          fontSize: 26,
          fontWeight: 'bold',
          align: 'left',
          fill: '#5f6b78',
        }),
        s.text('post-likes', {
          name: 'Likes',
          x: -170,
          y: 150,
          width: 340,
          text: '❤️ 1.2M likes',
          fontFamily: 'Inter',
          fontSize: 40,
          fontWeight: 'bold',
          align: 'left',
          fill: INK,
        }),
      ]),
      0.2,
    );
    // The reply Leo half types, twice: first on his phone, then hovering while he thinks again.
    const draftLook = {
      fill: '#2c3e4f',
      ink: '#ffffff',
      font: 'Inter',
      fontSize: 44,
      stroke: { colour: AMBER, width: 4 },
    };
    const draft = popIn(
      draftPill(k, 'draft', 'Draft reply', { x: 500, y: 1160 }, 'ugh, so overrated 🙄', draftLook),
      1.3,
    );
    const leo1 = animate(k.character(leo, { x: 260, y: 1180 }, 0.85, 'calm'), {
      expression: [
        [0, 'calm'],
        [1.0, 'angry'],
      ],
    });

    // 2. The impact, inward: it was never about them.
    const leo2 = animate(k.character(leo, { x: 540, y: 1190 }, 1.05, 'sad'), { mouth: talk(0.6, 2.4, 4) });
    const bubble = popIn(thought(k, { x: 540, y: 640 }, 'why not me? 😞', 'Inter', 560), 0.3);
    const doubts = [
      ['not good enough', 260, 1000, -8, 1.2],
      ['nobody sees me', 750, 960, 7, 1.7],
    ].map(([text, x, y, rot, t]) =>
      floatUp(
        s.group(
          'doubt',
          { name: `Doubt: ${text}`, x: x as number, y: y as number, rotation: rot as number },
          [
            s.rect('doubt-shape', {
              name: 'Cloud',
              x: -130,
              y: -40,
              width: 260,
              height: 80,
              cornerRadius: 40,
              fill: '#6e7f8f',
            }),
            s.text('doubt-text', {
              name: 'Doubt',
              x: -130,
              y: -16,
              width: 260,
              text: text as string,
              fontFamily: 'Inter',
              fontSize: 27,
              fontWeight: 'bold',
              fill: '#ffffff',
            }),
          ],
        ),
        t as number,
        120,
        2.2,
      ),
    );

    // 3. The choice: a pause, and the draft deleted.
    const draft3 = fadeOut(
      draftPill(k, 'draft', 'Draft reply', { x: 540, y: 600 }, 'ugh, so overrated 🙄', draftLook),
      2.4,
      0.4,
    );
    const dialog = popIn(
      s.group('dialog', { name: 'Delete draft?', x: 540, y: 850 }, [
        s.rect('dialog-card', {
          name: 'Card',
          x: -300,
          y: -130,
          width: 600,
          height: 260,
          cornerRadius: 40,
          fill: '#ffffff',
        }),
        s.text('dialog-title', {
          name: 'Question',
          x: -300,
          y: -100,
          width: 600,
          text: 'Delete this draft?',
          fontFamily: 'Inter',
          fontSize: 46,
          fontWeight: 'bold',
          fill: INK,
        }),
        animate(
          s.group('dialog-delete', { name: 'Delete button', x: -130, y: 50 }, [
            s.rect('delete-shape', {
              name: 'Button',
              x: -120,
              y: -44,
              width: 240,
              height: 88,
              cornerRadius: 44,
              fill: AMBER,
            }),
            s.text('delete-label', {
              name: 'Label',
              x: -120,
              y: -22,
              width: 240,
              text: 'Delete',
              fontFamily: 'Inter',
              fontSize: 40,
              fontWeight: 'bold',
              fill: INK,
            }),
          ]),
          {
            scaleX: [
              [1.9, 1, 'easeInQuad'],
              [2.05, 0.86, 'easeOutBack'],
              [2.35, 1],
            ],
            scaleY: [
              [1.9, 1, 'easeInQuad'],
              [2.05, 0.86, 'easeOutBack'],
              [2.35, 1],
            ],
          },
        ),
        s.group('dialog-post', { name: 'Post button', x: 130, y: 50 }, [
          s.rect('post-shape', {
            name: 'Button',
            x: -120,
            y: -44,
            width: 240,
            height: 88,
            cornerRadius: 44,
            fill: '#e3e8ee',
          }),
          s.text('post-label', {
            name: 'Label',
            x: -120,
            y: -22,
            width: 240,
            text: 'Post',
            fontFamily: 'Inter',
            fontSize: 40,
            fontWeight: 'bold',
            fill: '#5f6b78',
          }),
        ]),
      ]),
      0.6,
    );
    const leo3 = animate(k.character(leo, { x: 800, y: 1300 }, 0.8, 'worried'), {
      expression: [
        [0, 'worried'],
        [2.1, 'calm'],
      ],
    });

    // 4. The kindness: a real question instead, and a real answer.
    const ask = slideIn(
      commentCard(k, { x: 540, y: 580 }, '@leo', 'how do you get these colours?? ✨', cardLook, 700),
      0.3,
      -220,
    );
    const answer = slideIn(
      commentCard(
        k,
        { x: 560, y: 740 },
        '@mika.makes',
        'omg thank you!! tutorial soon 💛',
        { ...cardLook, card: '#fff4e0', avatar: AMBER },
        700,
      ),
      1.5,
      220,
    );
    const leo4 = animate(bob(k.character(leo, { x: 540, y: 1200 }, 1.05, 'happy'), 4, 8, 1.5), {
      mouth: talk(0.4, 1.6, 2),
    });
    const sparkles = floatingStickers(
      k,
      'sparkles',
      [
        [190, 1000, 0.4],
        [900, 960, 1.0],
        [160, 1260, 1.8],
        [920, 1240, 2.3],
      ],
      110,
      200,
      2,
    );

    const reveal = revealElements(
      k,
      {
        background: DUSK,
        ring: AMBER,
        title: '#ffffff',
        handle: TEAL,
        font: 'Inter',
        accent: AMBER,
        card: '#1a3444',
      },
      'this is me ✨',
      null,
    );

    const twinkle = (y: number): Element[] => ground(k, y, '#173140', '#21404f');
    return templateProject(
      {
        title: 'Why Would You…',
        captionSettings: { fontFamily: 'Inter', fontSize: 60, position: 'top' },
        beats: [
          {
            id: 'scene-urge',
            name: 'The urge',
            duration: 4,
            background: DUSK,
            notes:
              "THE INCIDENT. Someone else's post is everywhere and a mean reply is half typed. Be honest about the feeling; keep the words mild.",
            transition: { kind: 'crossfade', duration: 0.5 },
            elements: [...twinkle(1400), shadow(k, 260, 1408, 190), post, leo1, draft],
            caption: 'I almost wrote something mean today 😶',
            captionStyle: 'shadow',
          },
          {
            id: 'scene-underneath',
            name: "What's underneath",
            duration: 4,
            background: gradient('#1c3442', '#0b161e'),
            notes:
              'THE IMPACT, inward. Under the urge was a feeling about yourself: jealous, small, unseen. Name yours in the thought bubble.',
            transition: { kind: 'crossfade', duration: 0.5 },
            elements: [...twinkle(1470), shadow(k, 540, 1480, 240), ...doubts, leo2, bubble],
            caption: "It wasn't about them. I felt small 🌧️",
            captionStyle: 'shadow',
          },
          {
            id: 'scene-pause',
            name: 'Pause',
            duration: 4,
            background: DUSK,
            notes: 'THE CHOICE. Stop before posting and ask: why would I? Then delete the draft.',
            transition: { kind: 'wipe', duration: 0.5, direction: 'up' },
            elements: [...twinkle(1500), shadow(k, 800, 1515, 170), draft3, dialog, leo3],
            caption: 'So I paused and asked: why would I? 🤔',
            captionStyle: 'shadow',
          },
          {
            id: 'scene-kind',
            name: 'Ask instead',
            duration: 4,
            background: gradient('#2e5a6e', '#16303d'),
            notes:
              'THE KINDNESS. Turn the feeling into curiosity: ask them how they did it. Show the reply you got.',
            transition: { kind: 'crossfade', duration: 0.5 },
            elements: [...twinkle(1480), shadow(k, 540, 1482, 240), ...sparkles, leo4, ask, answer],
            caption: 'I asked how they did it instead 💛',
            captionStyle: 'shadow',
          },
          {
            id: 'scene-me',
            name: 'This is me',
            duration: 4,
            background: DUSK,
            notes:
              'THE CREATOR REVEALED. Replace the round photo with your picture and put in your handle. The end card lists where to talk to someone.',
            elements: [...reveal],
            caption: 'Feel it, then choose kind ✨',
            captionStyle: 'shadow',
          },
        ],
        endCard: {
          template: 'calm',
          message: 'Behind every mean comment is a feeling. Choose kind.',
          region: 'US',
          resources: ['us-crisis-text-line', 'us-stopbullying', 'global-tiktok-safety'],
          duration: 5,
        },
        post: {
          caption: 'I almost posted something mean. It was never about them. Ask yourself: why would you? ✨',
          hashtags: ['CreateKindness', 'WhyWouldYou', 'Kindness', 'MentalHealth'],
        },
      },
      directory,
    );
  },
};
