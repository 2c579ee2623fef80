import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesiseLines, wavBytes, type CorpusSentence } from '../../src/cli/bench/alignCorpus';
import { createDispatcher, createHostClient, type Host } from '../../src/host/contract';
import { createNodeHostHandlers } from '../../src/host/node/host';
import { makeTone } from '../helpers/sounds';

/**
 * The studio's voice channels through the real host (ffmpeg decodes, the core aligns): a voice
 * synthesised word by word with espeak-ng (needs espeak-ng and sox), so its word times are known.
 */
let dir: string;
let host: Host;
let docId: string;
let voice: CorpusSentence;
let voiceId: string;
let toneId: string;
const LINES = ['Be kind to people.', 'Maybe today you help someone.'];

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-voice-host-'));
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
  host = createHostClient(async (channel, request) =>
    JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(request))))),
  );
  docId = ok(await host.loadTemplate({ id: 'blank' })).docId;
  voice = await synthesiseLines(LINES, { seed: 5 });
  const importSound = async (name: string, bytes: Buffer) =>
    ok(await host.importAsset({ docId, name, mime: 'audio/wav', data: bytes.toString('base64') })).assetId;
  voiceId = await importSound('voice.wav', wavBytes(voice.samples, voice.sampleRate));
  toneId = await importSound('hum.wav', (await makeTone(dir, 'wav', 2)).bytes);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Time to voice through the host', () => {
  it('times each line of the script to the voice, word by word', async () => {
    const result = ok(await host.alignVoice({ docId, assetId: voiceId, script: [...LINES, '  '] }));
    expect(result.captions.map((c) => c.text)).toEqual(LINES);
    const words = result.captions.flatMap((c) => c.words);
    expect(words).toHaveLength(voice.words.length);
    words.forEach((w, i) => expect(Math.abs(w.start - (voice.words[i]?.start ?? 0))).toBeLessThan(0.25));
  });

  it('times only the heard part of a trimmed clip, from its own start', async () => {
    const from = (voice.words[4]?.start ?? 0) - 0.1;
    const result = ok(await host.alignVoice({ docId, assetId: voiceId, from, script: [LINES[1] as string] }));
    const first = result.captions[0]?.words[0];
    expect(Math.abs((first?.start ?? 0) - ((voice.words[4]?.start ?? 0) - from))).toBeLessThan(0.15);
  });

  it('says so when the script is empty, the sound has no speech or is missing', async () => {
    const empty = await host.alignVoice({ docId, assetId: voiceId, script: ['', ' '] });
    expect(empty.ok ? '' : empty.error.message).toBe(
      'The script is empty: write the words that are said, one caption per line.',
    );
    const hum = await host.alignVoice({ docId, assetId: toneId, script: ['Hello there.'] });
    expect(hum.ok ? '' : hum.error.message).toMatch(/^No speech was found in this sound/);
    const gone = await host.voiceActivity({ docId, assetId: 'f'.repeat(64) });
    expect(gone.ok ? '' : gone.error.message).toBe('This sound is missing from the project.');
  });
});

describe("a voice's activity for a talking mouth", () => {
  it('sends speech and loudness every 10 ms and the syllable nuclei', async () => {
    const result = ok(await host.voiceActivity({ docId, assetId: voiceId }));
    const speech = Buffer.from(result.speech, 'base64');
    expect(speech.length).toBeCloseTo((voice.samples.length / voice.sampleRate) * 100, -1);
    expect(result.frameSeconds).toBeCloseTo(0.01, 5);
    const first = voice.words[0]?.start ?? 0;
    expect(speech[Math.round((first + 0.1) * 100)]).toBeGreaterThan(128);
    expect(speech[Math.round((first - 0.2) * 100)]).toBeLessThan(128);
    expect(result.nuclei.length).toBeGreaterThan(8);
  });
});
