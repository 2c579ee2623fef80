import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { reserveTempFile } from '../../node/files';

/**
 * The measurement corpus for "Time to voice" (issue 14): sentences whose word times are known
 * exactly, because each word is synthesised on its own by Debian's espeak-ng (a test tool,
 * never shipped) and the words are joined with random gaps of 0 to 250 ms. Lines of the script
 * (the captions) are joined with a longer pause, the true pause a caption boundary should fall
 * in. Some sentences get noise, some music (sox's synth) under them. Everything comes from a
 * fixed seed, so two runs build the same corpus; synthesised words are cached on disk.
 */

const run = promisify(execFile);

export type CorpusLanguage = 'en' | 'es';
export type CorpusBackground = 'clean' | 'noise' | 'music';

export interface CorpusWord {
  readonly text: string;
  /** True start and end of the word's sound, seconds. */
  readonly start: number;
  readonly end: number;
}

export interface CorpusSentence {
  readonly language: CorpusLanguage;
  readonly background: CorpusBackground;
  /** The script: one caption per line. */
  readonly lines: readonly string[];
  /** Every word, in order, with the line it belongs to. */
  readonly words: readonly (CorpusWord & { readonly line: number })[];
  readonly samples: Float32Array;
  readonly sampleRate: number;
}

export const CORPUS_SAMPLE_RATE = 22050;

/** Words the videos talk with; a few carry a comma when picked. */
const VOCABULARY: Record<CorpusLanguage, readonly string[]> = {
  en: (
    'kindness friend today smile help someone school words matter listen together always brave ' +
    'never alone message video share hello thank you every person deserves respect happy strong ' +
    'remember little things change world better people around us speak gently report bullying ' +
    'trusted adult online family teacher classroom beautiful wonderful important community ' +
    'courage believe yourself support others comfortable difference caring honest patient ' +
    'morning evening laughter rainbow sunshine garden playground question answer'
  ).split(' '),
  es: (
    'amabilidad amigo hoy sonrisa ayuda alguien escuela palabras importan escucha juntos siempre ' +
    'valiente nunca solo mensaje video compartir hola gracias cada persona merece respeto feliz ' +
    'fuerte recuerda pequeñas cosas cambian mundo mejor gente alrededor habla suave denuncia acoso ' +
    'adulto confianza familia maestra clase hermoso maravilloso importante comunidad valor cree ' +
    'apoyo otros diferencia cariño honesto paciencia mañana tarde risa arcoíris sol jardín pregunta ' +
    'respuesta corazón bondad'
  ).split(' '),
};

/** A small, fast, seeded random generator (mulberry32): the same seed gives the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class EspeakMissingError extends Error {
  override readonly name = 'EspeakMissingError';
  constructor(tool: string) {
    super(
      `${tool} is not installed; the voice-alignment corpus is synthesised with it. ` +
        `Install it with: sudo apt-get install espeak-ng sox (bash .ci/run does this).`,
    );
  }
}

export async function checkCorpusTools(): Promise<void> {
  for (const tool of ['espeak-ng', 'sox']) {
    try {
      await run(tool, ['--version']);
    } catch {
      throw new EspeakMissingError(tool);
    }
  }
}

/** Mono samples of a 16-bit PCM WAV file (what espeak-ng and sox write). */
export function readWavMono(bytes: Uint8Array): { samples: Float32Array; sampleRate: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let sampleRate = 0;
  let channels = 1;
  while (offset + 8 <= bytes.length) {
    const id = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    // espeak-ng writes 0x7fffffff as the data size when it streams: read to the end then.
    const size = Math.min(view.getUint32(offset + 4, true), bytes.length - offset - 8);
    if (id === 'fmt ') {
      channels = view.getUint16(offset + 10, true);
      sampleRate = view.getUint32(offset + 12, true);
    } else if (id === 'data') {
      const frames = Math.floor(size / 2 / channels);
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++)
        samples[i] = view.getInt16(offset + 8 + i * 2 * channels, true) / 32768;
      return { samples, sampleRate };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('Not a PCM WAV file');
}

/** The sound of one word, without the silence espeak-ng puts before and after it. */
function trimmed(samples: Float32Array): Float32Array {
  const threshold = 0.004;
  let a = 0;
  let b = samples.length;
  while (a < b && Math.abs(samples[a] as number) < threshold) a++;
  while (b > a && Math.abs(samples[b - 1] as number) < threshold) b--;
  return samples.slice(a, b);
}

function cacheDir(): string {
  return path.join(tmpdir(), 'kindness-align-corpus-v1');
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function synthesiseWord(language: CorpusLanguage, speed: number, word: string): Promise<Float32Array> {
  const key = createHash('sha256').update(`${language}|${speed}|${word}`).digest('hex').slice(0, 24);
  const file = path.join(cacheDir(), `${key}.wav`);
  if (!(await exists(file))) {
    // Through the one writer: espeak-ng writes our own exclusive temp file, never a planted link.
    const temp = await reserveTempFile(file);
    try {
      await run('espeak-ng', ['-v', language, '-s', String(speed), '-w', temp.path, word]);
      await temp.commit({ replace: 'always' });
    } finally {
      await temp.discard();
    }
  }
  const { samples, sampleRate } = readWavMono(await readFile(file));
  if (sampleRate !== CORPUS_SAMPLE_RATE) throw new Error(`espeak-ng wrote ${sampleRate} Hz, not 22050`);
  return trimmed(samples);
}

/** A few seconds of simple music from sox's synth: a pulsing chord progression with a bass. */
async function music(seconds: number, variant: number): Promise<Float32Array> {
  const file = path.join(cacheDir(), `music-${variant}-${Math.ceil(seconds)}.wav`);
  if (!(await exists(file))) {
    const chords = [
      ['C3', 'E4', 'G4'],
      ['A2', 'C4', 'E4'],
      ['F2', 'A3', 'C4'],
      ['G2', 'B3', 'D4'],
    ];
    // The chords go to a private folder of this run; the result through the one writer.
    const partsDir = await mkdtemp(path.join(tmpdir(), 'kindness-chords-'));
    const temp = await reserveTempFile(file);
    const parts: string[] = [];
    const each = 1.2;
    const count = Math.ceil(seconds / each);
    try {
      for (let i = 0; i < count; i++) {
        const chord = chords[(i + variant) % chords.length] as string[];
        const part = path.join(partsDir, `chord-${variant}-${i}.wav`);
        await run('sox', [
          ...['-n', '-r', String(CORPUS_SAMPLE_RATE), '-c', '1', '-b', '16', part],
          ...['synth', String(each), ...chord.flatMap((note) => ['pluck', note])],
          ...['fade', 'q', '0.02', String(each), '0.3', 'tremolo', '4', '40', 'gain', '-n', '-3'],
        ]);
        parts.push(part);
      }
      // `-t wav`: the temp name does not end in .wav.
      await run('sox', [...parts, '-t', 'wav', temp.path]);
      await temp.commit({ replace: 'always' });
    } finally {
      await temp.discard();
      await rm(partsDir, { recursive: true, force: true });
    }
  }
  return readWavMono(await readFile(file)).samples;
}

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

export interface CorpusOptions {
  readonly seed?: number;
  /** Sentences per language. */
  readonly count?: number;
  readonly languages?: readonly CorpusLanguage[];
}

/**
 * Builds the corpus: for each language `count` sentences of 2 or 3 lines of 3 to 7 words, each
 * at a speaking speed picked around espeak-ng's default. A third of them get white noise 20 dB
 * under the speech, a third music 15 dB under it.
 */
export async function buildAlignCorpus(options: CorpusOptions = {}): Promise<CorpusSentence[]> {
  await checkCorpusTools();
  await mkdir(cacheDir(), { recursive: true });
  const seed = options.seed ?? 14;
  const count = options.count ?? 40;
  const out: CorpusSentence[] = [];
  for (const language of options.languages ?? (['en', 'es'] as const)) {
    const random = seededRandom(seed * 31 + (language === 'en' ? 1 : 2));
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    for (let n = 0; n < count; n++) {
      const speed = pick([145, 160, 175, 190]);
      const lineCount = 2 + Math.floor(random() * 2);
      const lines: string[][] = [];
      for (let l = 0; l < lineCount; l++) {
        const words: string[] = [];
        const length = 3 + Math.floor(random() * 5);
        for (let w = 0; w < length; w++) words.push(pick(VOCABULARY[language]));
        const first = words[0] as string;
        words[0] = first.charAt(0).toUpperCase() + first.slice(1);
        if (length > 4 && random() < 0.4) {
          const at = 1 + Math.floor(random() * (length - 3));
          words[at] += ',';
        }
        words[length - 1] += random() < 0.8 ? '.' : '!';
        lines.push(words);
      }
      const pieces: Float32Array[] = [];
      const words: (CorpusWord & { line: number })[] = [];
      let at = Math.round((0.15 + random() * 0.35) * CORPUS_SAMPLE_RATE);
      pieces.push(new Float32Array(at));
      for (let l = 0; l < lines.length; l++) {
        const line = lines[l] as string[];
        for (let w = 0; w < line.length; w++) {
          const text = line[w] as string;
          const sound = await synthesiseWord(language, speed, text.replace(/[.,!]/g, ''));
          words.push({
            text,
            line: l,
            start: at / CORPUS_SAMPLE_RATE,
            end: (at + sound.length) / CORPUS_SAMPLE_RATE,
          });
          pieces.push(sound);
          at += sound.length;
          const lastWord = w === line.length - 1;
          if (lastWord && l === lines.length - 1) break;
          // Between words: 0 to 250 ms, a quarter of them with no gap at all. Between lines: a pause.
          const gap = lastWord ? 0.3 + random() * 0.4 : random() < 0.25 ? 0 : random() * 0.25;
          const silence = new Float32Array(Math.round(gap * CORPUS_SAMPLE_RATE));
          pieces.push(silence);
          at += silence.length;
        }
      }
      const tail = new Float32Array(Math.round((0.2 + random() * 0.4) * CORPUS_SAMPLE_RATE));
      pieces.push(tail);
      at += tail.length;
      const samples = new Float32Array(at);
      let offset = 0;
      for (const piece of pieces) {
        samples.set(piece, offset);
        offset += piece.length;
      }
      const kind = n % 3;
      const background: CorpusBackground = kind === 0 ? 'clean' : kind === 1 ? 'noise' : 'music';
      const speechRms = rms(samples.filter((s) => s !== 0));
      if (background === 'noise') {
        const level = speechRms * 10 ** (-20 / 20) * Math.sqrt(3);
        for (let i = 0; i < samples.length; i++)
          samples[i] = (samples[i] as number) + (random() * 2 - 1) * level;
      } else if (background === 'music') {
        const bed = await music(samples.length / CORPUS_SAMPLE_RATE + 1, n % 4);
        const gain = (speechRms * 10 ** (-15 / 20)) / Math.max(1e-6, rms(bed));
        for (let i = 0; i < samples.length; i++)
          samples[i] = (samples[i] as number) + (bed[i % bed.length] as number) * gain;
      }
      out.push({
        language,
        background,
        lines: lines.map((line) => line.join(' ')),
        words,
        samples,
        sampleRate: CORPUS_SAMPLE_RATE,
      });
    }
  }
  return out;
}

/**
 * One voice of a given script (one caption per line), built as the corpus builds its sentences:
 * each word synthesised alone, words joined with seeded gaps of 0 to 250 ms, lines with a pause
 * of 0.3 to 0.7 s, silence before and after. No noise or music. The word times are exact.
 */
export async function synthesiseLines(
  lines: readonly string[],
  options: { language?: CorpusLanguage; speed?: number; seed?: number } = {},
): Promise<CorpusSentence> {
  await checkCorpusTools();
  await mkdir(cacheDir(), { recursive: true });
  const language = options.language ?? 'en';
  const random = seededRandom(options.seed ?? 14);
  const pieces: Float32Array[] = [];
  const words: (CorpusWord & { line: number })[] = [];
  let at = Math.round(0.4 * CORPUS_SAMPLE_RATE);
  pieces.push(new Float32Array(at));
  const split = lines.map((line) => line.split(/\s+/).filter((w) => w !== ''));
  for (let l = 0; l < split.length; l++) {
    const line = split[l] as string[];
    for (let w = 0; w < line.length; w++) {
      const text = line[w] as string;
      const sound = await synthesiseWord(language, options.speed ?? 160, text.replace(/[.,!?]/g, ''));
      words.push({
        text,
        line: l,
        start: at / CORPUS_SAMPLE_RATE,
        end: (at + sound.length) / CORPUS_SAMPLE_RATE,
      });
      pieces.push(sound);
      at += sound.length;
      const lastWord = w === line.length - 1;
      const gap = lastWord ? 0.3 + random() * 0.4 : random() < 0.25 ? 0 : random() * 0.25;
      const silence = new Float32Array(Math.round(gap * CORPUS_SAMPLE_RATE));
      pieces.push(silence);
      at += silence.length;
    }
  }
  const tail = new Float32Array(Math.round(0.5 * CORPUS_SAMPLE_RATE));
  pieces.push(tail);
  at += tail.length;
  const samples = new Float32Array(at);
  let offset = 0;
  for (const piece of pieces) {
    samples.set(piece, offset);
    offset += piece.length;
  }
  return { language, background: 'clean', lines: [...lines], words, samples, sampleRate: CORPUS_SAMPLE_RATE };
}

/** 16-bit PCM mono WAV bytes of `samples` (for tests and the bench: a voice file on disk). */
export function wavBytes(samples: Float32Array, sampleRate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++)
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, samples[i] as number)) * 32767), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
