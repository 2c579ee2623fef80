import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  analyzeAudio,
  AudioAnalysisError,
  discoverFfmpeg,
  FfmpegNotFoundError,
  INSTALL_HINT,
  previewWavBytes,
  writePreviewWav,
  type AudioAnalysis,
} from '../../../export';
import { failure, type AudioInfo, type Failure } from '../../contract';
import { MAX_ASSET_BYTES } from '../assetBytes';
import { placeAsset, readAssetHead, type AssetData } from '../../../node/assets';
import { AUDIO_MIME, sniffAudio, SUPPORTED_AUDIO_TEXT, type AudioFormat } from './sniffAudio';

/**
 * The host's sound work: checking a file on import, measuring it (length, waveform) and
 * making a preview version the page can decode. Measurements are kept per asset id (a
 * content hash, so the same bytes are never decoded twice, whichever document has them).
 */
export interface AudioService {
  /** Whether `data` is a sound the studio can use; its type and length when it is. */
  check(
    name: string,
    assetId: string,
    data: AssetData,
  ): Promise<{ ok: true; mime: string; duration: number } | Failure>;
  info(assetId: string, data: AssetData): Promise<{ ok: true; info: AudioInfo } | Failure>;
  preview(assetId: string, data: AssetData): Promise<{ ok: true; mime: string; data: string } | Failure>;
}

export interface AudioServiceOptions {
  /** The ffmpeg to use; found on first need otherwise (FFMPEG_PATH, PATH, bundled). */
  readonly ffmpegPath?: () => Promise<string>;
}

export function createAudioService(options: AudioServiceOptions = {}): AudioService {
  const analyses = new Map<string, Promise<AudioAnalysis>>();
  let found: Promise<string> | null = null;
  const ffmpeg = (): Promise<string> => {
    if (options.ffmpegPath) return options.ffmpegPath();
    found ??= discoverFfmpeg().then((f) => f.path);
    // A failed search is tried again next time (ffmpeg may have been installed meanwhile).
    found.catch(() => (found = null));
    return found;
  };

  function analysisOf(assetId: string, bytes: AssetData, format: AudioFormat): Promise<AudioAnalysis> {
    let pending = analyses.get(assetId);
    if (pending === undefined) {
      pending = withTempFile(bytes, format, async (file) => analyzeAudio(await ffmpeg(), file));
      analyses.set(assetId, pending);
      pending.catch(() => analyses.delete(assetId));
    }
    return pending;
  }

  return {
    async check(name, assetId, bytes) {
      const format = await sniffData(bytes);
      if (format === null) return notASound(name);
      try {
        const analysis = await analysisOf(assetId, bytes, format);
        return { ok: true, mime: AUDIO_MIME[format], duration: analysis.duration };
      } catch (error) {
        return soundFailure(name, error);
      }
    },

    async info(assetId, bytes) {
      const format = await sniffData(bytes);
      if (format === null) return notASound('This file');
      try {
        const a = await analysisOf(assetId, bytes, format);
        const peaks = Buffer.from(a.peaks.buffer, a.peaks.byteOffset, a.peaks.byteLength).toString('base64');
        const info: AudioInfo = {
          duration: a.duration,
          sampleRate: a.sampleRate,
          channels: a.channels,
          peaksPerSecond: a.peaksPerSecond,
          peaks,
        };
        return { ok: true, info };
      } catch (error) {
        return soundFailure('This sound', error);
      }
    },

    async preview(assetId, bytes) {
      const format = await sniffData(bytes);
      if (format === null) return notASound('This file');
      try {
        const { duration } = await analysisOf(assetId, bytes, format);
        // The preview goes whole to the page as base64: a sound so long that it would be larger
        // than the largest file the studio takes in is not previewed (the export still mixes it).
        if (previewWavBytes(duration) > MAX_ASSET_BYTES)
          return failure(
            'too-large',
            `This sound is ${Math.round(duration / 60)} minutes long, too long for the studio's preview to play. It stays in the project, and the export uses it.`,
          );
        const wav = await withTempFile(bytes, format, async (file) => {
          const out = path.join(path.dirname(file), 'preview.wav');
          await writePreviewWav(await ffmpeg(), file, out, duration);
          return readFile(out);
        });
        return { ok: true, mime: 'audio/wav', data: wav.toString('base64') };
      } catch (error) {
        return soundFailure('This sound', error);
      }
    },
  };
}

/** The sound's container from its first bytes (a large one's file is not read further here). */
async function sniffData(data: AssetData): Promise<AudioFormat | null> {
  return sniffAudio(await readAssetHead(data, 64).catch(() => Buffer.alloc(0)));
}

function notASound(name: string): Failure {
  return failure(
    'unsupported',
    `"${name}" is not a sound file the studio can use: choose an ${SUPPORTED_AUDIO_TEXT} file.`,
  );
}

function soundFailure(name: string, error: unknown): Failure {
  const quoted = name.startsWith('This ') ? name : `"${name}"`;
  if (error instanceof FfmpegNotFoundError) {
    return failure('ffmpeg-not-found', `Sounds are read with ffmpeg, which was not found. ${INSTALL_HINT}`);
  }
  if (error instanceof AudioAnalysisError) {
    if (error.problem === 'no-sound') return failure('no-sound', `${quoted} has no sound in it.`);
    if (error.problem === 'timeout') return failure('undecodable', `${quoted} took too long to read.`);
    return failure(
      'undecodable',
      `${quoted} could not be read as a sound: it may be damaged or in a format the studio does not know ` +
        `(${SUPPORTED_AUDIO_TEXT} work).`,
    );
  }
  throw error;
}

/**
 * ffmpeg reads files (an m4a's index may sit at its end, which a pipe cannot seek to): the sound
 * is put in a private folder under a name of ours (a large one's spooled file is linked, not copied).
 */
async function withTempFile<T>(
  bytes: AssetData,
  format: AudioFormat,
  use: (file: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kindness-audio-'));
  try {
    const file = path.join(dir, `sound.${format}`);
    await placeAsset(bytes, file);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
