// Builds src/core/library/stickers.generated.ts from Twemoji SVGs (@twemoji/svg, graphics
// CC-BY 4.0 by Twitter, Inc. and other contributors): each sticker becomes the studio's own path
// and ellipse elements, so it is drawn by the same renderer in the editor and the export and the
// creator can recolour its parts. Run: node scripts/make-stickers.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as prettier from 'prettier';

const require = createRequire(import.meta.url);
const folder = dirname(require.resolve('@twemoji/svg/package.json'));
const version = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).version;

/** [codepoints, id, name, tags] */
const PICKS = [
  ['2764', 'red-heart', 'Red heart', ['love', 'heart', 'kind', 'support']],
  ['1f49b', 'yellow-heart', 'Yellow heart', ['love', 'heart', 'friend', 'kind']],
  ['1f49c', 'purple-heart', 'Purple heart', ['love', 'heart', 'kind']],
  ['1f499', 'blue-heart', 'Blue heart', ['love', 'heart', 'calm']],
  ['1f49a', 'green-heart', 'Green heart', ['love', 'heart']],
  ['1f9e1', 'orange-heart', 'Orange heart', ['love', 'heart']],
  ['1f496', 'sparkling-heart', 'Sparkling heart', ['love', 'heart', 'sparkle', 'kind']],
  ['1f495', 'two-hearts', 'Two hearts', ['love', 'hearts', 'friends']],
  ['1f60a', 'smiling-face', 'Smiling face', ['happy', 'smile', 'face', 'kind']],
  ['1f917', 'hugging-face', 'Hugging face', ['hug', 'support', 'face', 'kind']],
  ['1f970', 'face-with-hearts', 'Face with hearts', ['love', 'happy', 'face']],
  ['1f60d', 'heart-eyes', 'Heart eyes', ['love', 'face', 'wow']],
  ['1f622', 'crying-face', 'Crying face', ['sad', 'tear', 'face', 'hurt']],
  ['1f614', 'pensive-face', 'Pensive face', ['sad', 'thinking', 'face']],
  ['1f61f', 'worried-face', 'Worried face', ['worried', 'anxious', 'face']],
  ['1f97a', 'pleading-face', 'Pleading face', ['sad', 'please', 'face']],
  ['1f62e', 'surprised-face', 'Surprised face', ['surprised', 'wow', 'face']],
  ['1f620', 'angry-face', 'Angry face', ['angry', 'mad', 'face']],
  ['1f60c', 'relieved-face', 'Relieved face', ['calm', 'relief', 'face']],
  ['1f644', 'eye-roll', 'Eye roll', ['annoyed', 'face', 'rude']],
  ['1f44d', 'thumbs-up', 'Thumbs up', ['yes', 'good', 'like', 'hand']],
  ['1f44f', 'clapping-hands', 'Clapping hands', ['clap', 'cheer', 'hand', 'celebrate']],
  ['1f64c', 'raised-hands', 'Raised hands', ['celebrate', 'yay', 'hand']],
  ['1f4aa', 'flexed-arm', 'Strong arm', ['strong', 'power', 'brave']],
  ['1f91d', 'handshake', 'Handshake', ['friends', 'deal', 'together', 'hand']],
  ['2b50', 'star', 'Star', ['star', 'good', 'shine']],
  ['1f31f', 'glowing-star', 'Glowing star', ['star', 'shine', 'special']],
  ['2728', 'sparkles', 'Sparkles', ['sparkle', 'magic', 'shine', 'new']],
  ['1f308', 'rainbow', 'Rainbow', ['rainbow', 'hope', 'pride', 'weather']],
  ['2600', 'sun', 'Sun', ['sun', 'weather', 'bright', 'day']],
  ['1f31e', 'sun-with-face', 'Sun with face', ['sun', 'happy', 'day']],
  ['2601', 'cloud', 'Cloud', ['cloud', 'weather', 'sky']],
  ['1f338', 'cherry-blossom', 'Cherry blossom', ['flower', 'spring', 'pink']],
  ['1f33b', 'sunflower', 'Sunflower', ['flower', 'sun', 'yellow']],
  ['1f340', 'four-leaf-clover', 'Four-leaf clover', ['luck', 'plant', 'green']],
  ['1f389', 'party-popper', 'Party popper', ['party', 'celebrate', 'yay']],
  ['1f388', 'balloon', 'Balloon', ['party', 'balloon', 'celebrate']],
  ['1f381', 'gift', 'Gift', ['present', 'gift', 'kind']],
  ['1f4ac', 'speech-balloon', 'Speech balloon', ['comment', 'talk', 'chat', 'speech']],
  ['1f4ad', 'thought-balloon', 'Thought balloon', ['think', 'thought', 'idea']],
  ['1f6ab', 'no-entry', 'Blocked', ['block', 'no', 'stop', 'report']],
  ['1f6d1', 'stop-sign', 'Stop sign', ['stop', 'block', 'no']],
  ['1f4f1', 'mobile-phone', 'Phone', ['phone', 'social', 'screen', 'online']],
  ['1f4af', 'hundred', 'Hundred points', ['100', 'perfect', 'yes']],
];

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m ? m[1] : undefined;
}
function num(tag, name) {
  const v = attr(tag, name);
  return v === undefined ? 0 : Number(v);
}

function convert(svg, code) {
  if (!svg.includes('viewBox="0 0 36 36"')) throw new Error(`${code}: unexpected viewBox`);
  const parts = [];
  const groupFills = [];
  for (const m of svg.matchAll(/<(\/?)(g|path|circle|ellipse)\b([^>]*?)(\/?)>/g)) {
    const [, closing, name, rest, selfClosing] = m;
    if (name === 'g') {
      if (closing) groupFills.pop();
      else if (!selfClosing) groupFills.push(attr(rest, 'fill'));
      continue;
    }
    if (/\s(transform|opacity|fill-rule|clip-path|fill-opacity)=/.test(rest))
      throw new Error(`${code}: unsupported attribute in <${name}${rest}>`);
    const fill = attr(rest, 'fill') ?? [...groupFills].reverse().find((f) => f !== undefined) ?? '#000000';
    if (fill === 'none') continue;
    if (name === 'path') parts.push(['p', fill, attr(rest, 'd')]);
    else if (name === 'circle')
      parts.push(['e', fill, num(rest, 'cx'), num(rest, 'cy'), num(rest, 'r'), num(rest, 'r')]);
    else parts.push(['e', fill, num(rest, 'cx'), num(rest, 'cy'), num(rest, 'rx'), num(rest, 'ry')]);
  }
  if (parts.length === 0) throw new Error(`${code}: nothing to draw`);
  return parts;
}

const stickers = [];
for (const [code, id, name, tags] of PICKS) {
  const svg = readFileSync(join(folder, `${code}.svg`), 'utf8');
  stickers.push({
    id,
    name,
    emoji: String.fromCodePoint(...code.split('-').map((c) => parseInt(c, 16))),
    tags,
    parts: convert(svg, code),
  });
}

const out = `// Generated by scripts/make-stickers.mjs from @twemoji/svg ${version}. Do not edit.
// Twemoji graphics: Copyright 2019 Twitter, Inc and other contributors, licensed under CC-BY 4.0
// (https://creativecommons.org/licenses/by/4.0/); credited in the README and on each sticker.
import type { StickerArt } from './stickerArt';

export const TWEMOJI_VERSION = ${JSON.stringify(version)};

export const TWEMOJI_STICKERS: readonly StickerArt[] = ${JSON.stringify(stickers)};
`;
const target = new URL('../src/core/library/stickers.generated.ts', import.meta.url);
const options = (await prettier.resolveConfig(target)) ?? {};
writeFileSync(target, await prettier.format(out, { ...options, filepath: target.pathname }));
console.log(`${stickers.length} stickers`);
