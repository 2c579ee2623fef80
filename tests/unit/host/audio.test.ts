import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeAudio, parseSourceFormat } from '../../../src/export/audio/analyzeAudio';
import { createDispatcher, createHostClient, type Host } from '../../../src/host/contract';
import { sniffAudio } from '../../../src/host/node/audio/sniffAudio';
import { createNodeHostHandlers } from '../../../src/host/node/host';
import { makeTone, type SoundKind } from '../../helpers/sounds';

let dir: string;
const tones = new Map<SoundKind, Buffer>();

async function startHost(): Promise<Host> {
  const workspace = join(dir, 'workspace');
  await mkdir(workspace, { recursive: true });
  const handlers = await createNodeHostHandlers({
    folders: [workspace],
    dataDir: join(dir, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '0.0.1',
    shell: 'web',
  });
  const dispatch = createDispatcher(handlers);
  return createHostClient(async (channel, request) =>
    JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(request))))),
  );
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-audio-host-'));
  for (const kind of ['wav', 'mp3', 'm4a', 'ogg'] as const) {
    tones.set(kind, (await makeTone(dir, kind, 1.5)).bytes);
  }
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('recognising sound files by their first bytes', () => {
  it('knows MP3, WAV, M4A and Ogg whatever they are called', () => {
    for (const kind of ['wav', 'mp3', 'm4a', 'ogg'] as const) {
      expect(sniffAudio(tones.get(kind) as Buffer)).toBe(kind);
    }
  });

  it('refuses pictures, text and AAC without a container', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(sniffAudio(png)).toBeNull();
    expect(sniffAudio(Buffer.from('just some text, not a song'))).toBeNull();
    expect(sniffAudio(Buffer.from('fff15080000000000000000000', 'hex'))).toBeNull();
  });
});

describe('measuring a sound with ffmpeg', () => {
  it('finds the length, format and a waveform of 100 columns a second', async () => {
    const a = await analyzeAudio('ffmpeg', join(dir, 'tone.wav'));
    expect(a.duration).toBeCloseTo(1.5, 2);
    expect(a.sampleRate).toBe(44100);
    expect(a.channels).toBe(2);
    expect(a.peaks.length / 2).toBe(150);
    // ffmpeg's sine is at 1/8 of full scale: every column swings about ±16.
    const highs = [...a.peaks].filter((_, i) => i % 2 === 1);
    expect(Math.min(...highs)).toBeGreaterThan(10);
    expect(Math.max(...highs)).toBeLessThan(22);
  });

  it('reads the channel layout of a surround or mono file', () => {
    expect(parseSourceFormat('  Stream #0:0: Audio: aac (LC), 48000 Hz, 5.1, fltp')).toEqual({
      sampleRate: 48000,
      channels: 6,
    });
    expect(parseSourceFormat('  Stream #0:0(und): Audio: mp3, 22050 Hz, mono, fltp, 64 kb/s')).toEqual({
      sampleRate: 22050,
      channels: 1,
    });
  });
});

describe('importing sounds through the host', () => {
  it.each(['wav', 'mp3', 'm4a', 'ogg'] as const)(
    'takes a %s file, with its length and waveform',
    async (kind) => {
      const host = await startHost();
      const { docId } = ok(await host.loadTemplate({ id: 'blank' }));
      const bytes = tones.get(kind) as Buffer;
      // The browser's guess of the type may be missing or wrong: the bytes decide.
      const imported = ok(
        await host.importAsset({
          docId,
          name: `song.${kind}`,
          mime: 'application/octet-stream',
          data: bytes.toString('base64'),
        }),
      );
      expect(imported.info.kind).toBe('audio');
      expect(imported.info.mime).toMatch(/^audio\//);
      expect(imported.info.duration).toBeGreaterThan(1.45);
      expect(imported.info.duration).toBeLessThan(1.6);
      const { info } = ok(await host.audioInfo({ docId, assetId: imported.assetId }));
      expect(info.duration).toBeCloseTo(imported.info.duration ?? 0, 5);
      expect(info.sampleRate).toBe(44100);
      expect(info.channels).toBe(2);
      expect(Buffer.from(info.peaks, 'base64').length).toBe(2 * Math.ceil(info.duration * 100 - 1e-6));
    },
  );

  it('gives a WAV preview of an m4a the page may not decode', async () => {
    const host = await startHost();
    const { docId } = ok(await host.loadTemplate({ id: 'blank' }));
    const bytes = tones.get('m4a') as Buffer;
    const { assetId } = ok(
      await host.importAsset({ docId, name: 'voice.m4a', mime: 'audio/mp4', data: bytes.toString('base64') }),
    );
    const preview = ok(await host.audioPreview({ docId, assetId }));
    expect(preview.mime).toBe('audio/wav');
    const wav = Buffer.from(preview.data, 'base64');
    expect(sniffAudio(wav)).toBe('wav');
    // 44.1 kHz stereo 16-bit: about 1.5 s of it.
    expect(wav.length / (44100 * 4)).toBeCloseTo(1.5, 1);
  });

  it('says clearly when a file is not a sound it can use', async () => {
    const host = await startHost();
    const { docId } = ok(await host.loadTemplate({ id: 'blank' }));
    const text = Buffer.from('These are the lyrics, not the song.').toString('base64');
    const refused = await host.importAsset({ docId, name: 'lyrics.mp3', mime: 'audio/mpeg', data: text });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    expect(refused.ok ? '' : refused.error.message).toBe(
      '"lyrics.mp3" is not a sound file the studio can use: choose an MP3, WAV, M4A or Ogg file.',
    );
  });

  it('says clearly when a sound file is damaged', async () => {
    const host = await startHost();
    const { docId } = ok(await host.loadTemplate({ id: 'blank' }));
    // Starts like an MP3 (an ID3 tag) but the rest is noise.
    const damaged = Buffer.concat([
      Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'),
      Buffer.alloc(4000, 7),
    ]);
    const refused = await host.importAsset({
      docId,
      name: 'broken.mp3',
      mime: 'audio/mpeg',
      data: damaged.toString('base64'),
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'undecodable' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/^"broken\.mp3" could not be read as a sound/);
    // Nothing was added: the project never points at a file it cannot play.
    const missing = await host.audioInfo({ docId, assetId: 'f'.repeat(64) });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('a file with pictures but no sound', () => {
  it('is refused with a plain reason', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { readFile } = await import('node:fs/promises');
    const file = join(dir, 'silent-video.mp4');
    await promisify(execFile)('ffmpeg', [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=black:s=32x32:d=0.5'],
      ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', file],
    ]);
    const host = await startHost();
    const { docId } = ok(await host.loadTemplate({ id: 'blank' }));
    const data = (await readFile(file)).toString('base64');
    const refused = await host.importAsset({ docId, name: 'clip.m4a', mime: 'audio/mp4', data });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'no-sound', message: '"clip.m4a" has no sound in it.' },
    });
  });
});

describe('a project with a sound, saved and opened again', () => {
  it('keeps the sound, its length and its waveform', async () => {
    const { addAudioTrack, setAsset } = await import('../../../src/core/edit');
    const host = await startHost();
    const doc = ok(await host.loadTemplate({ id: 'blank' }));
    const bytes = tones.get('mp3') as Buffer;
    const imported = ok(
      await host.importAsset({
        docId: doc.docId,
        name: 'theme.mp3',
        mime: 'audio/mpeg',
        data: bytes.toString('base64'),
      }),
    );
    const withAsset = setAsset(doc.project, imported.assetId, imported.info);
    const { project } = addAudioTrack(withAsset, { assetId: imported.assetId, name: 'theme', start: 0.5 });
    const path = join(dir, 'workspace', 'with-sound.kindness');
    ok(await host.saveProjectAs({ docId: doc.docId, path, project }));

    const second = await startHost();
    const reopened = ok(await second.openProject({ path }));
    const { info } = ok(await second.audioInfo({ docId: reopened.docId, assetId: imported.assetId }));
    expect(info.peaks.length).toBeGreaterThan(0);
    expect(reopened.project.audio).toMatchObject([{ name: 'theme', start: 0.5, assetId: imported.assetId }]);
    expect(reopened.project.assets[imported.assetId]?.duration).toBeCloseTo(imported.info.duration ?? 0, 5);
  });
});
