import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesiseLines, wavBytes } from '../../src/cli/bench/alignCorpus';
import { createDispatcher, createHostClient, type Host } from '../../src/host/contract';
import {
  createNodeHostHandlers,
  inProcessVoiceRunner,
  workerThreadVoiceRunner,
  type VoiceRunner,
} from '../../src/host/node/host';

/**
 * "Time to voice" listens in a worker thread (the built dist/web/voiceWorker.js, as the web host
 * runs it): the host answers other requests meanwhile, and a stop ends the thread. Needs
 * espeak-ng and sox for the voice.
 */
const script = join(process.cwd(), 'dist', 'web', 'voiceWorker.js');
const LINES = ['Be kind to people.', 'Maybe today you help someone.'];
let dir: string;
let voiceWav: Buffer;

beforeAll(async () => {
  execFileSync('node', ['scripts/build-web.mjs'], { stdio: 'inherit' });
  dir = await mkdtemp(join(tmpdir(), 'kindness-voice-worker-'));
  const voice = await synthesiseLines(LINES, { seed: 5 });
  voiceWav = wavBytes(voice.samples, voice.sampleRate);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A runner that says when a job has been handed to it (the decoding by ffmpeg is over then). */
function watched(inner: VoiceRunner): { runner: VoiceRunner; started: () => Promise<void> } {
  let resolveStart: () => void = () => {};
  let start = new Promise<void>((resolve) => (resolveStart = resolve));
  return {
    runner: {
      run(job, signal) {
        resolveStart();
        return inner.run(job, signal);
      },
    },
    started: async () => {
      await start;
      start = new Promise<void>((resolve) => (resolveStart = resolve));
    },
  };
}

async function startHost(voiceRunner: VoiceRunner): Promise<{ host: Host; docId: string; voiceId: string }> {
  const root = await mkdtemp(join(dir, 'host-'));
  const workspace = join(root, 'workspace');
  await mkdir(workspace, { recursive: true });
  const handlers = await createNodeHostHandlers({
    folders: [workspace],
    dataDir: join(root, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '0.0.1',
    shell: 'web',
    voiceRunner,
  });
  const dispatch = createDispatcher(handlers);
  const host = createHostClient(async (channel, request) =>
    JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(request))))),
  );
  const loaded = await host.loadTemplate({ id: 'blank' });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const imported = await host.importAsset({
    docId: loaded.docId,
    name: 'voice.wav',
    mime: 'audio/wav',
    data: voiceWav.toString('base64'),
  });
  if (!imported.ok) throw new Error(imported.error.message);
  return { host, docId: loaded.docId, voiceId: imported.assetId };
}

/** Which of the two requests answered first, once the alignment has been handed to the runner. */
async function answerOrder(voiceRunner: VoiceRunner): Promise<{ order: string[]; timed: boolean }> {
  const { runner, started } = watched(voiceRunner);
  const { host, docId, voiceId } = await startHost(runner);
  const order: string[] = [];
  const aligning = host.alignVoice({ docId, assetId: voiceId, script: LINES }).then((result) => {
    order.push('alignVoice');
    return result;
  });
  await started();
  // The other request arrives on a later turn of the event loop, as one over the network does.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const info = host.appInfo({}).then(() => order.push('appInfo'));
  const [result] = await Promise.all([aligning, info]);
  return { order, timed: result.ok && result.captions.length === LINES.length };
}

describe('Time to voice in a worker thread', () => {
  it('lets the host answer another request while the voice is being timed', async () => {
    expect(await answerOrder(workerThreadVoiceRunner(script))).toEqual({
      order: ['appInfo', 'alignVoice'],
      timed: true,
    });
  }, 60_000);

  it('(in the host’s own thread, the same request had to wait for the alignment)', async () => {
    expect(await answerOrder(inProcessVoiceRunner)).toEqual({
      order: ['alignVoice', 'appInfo'],
      timed: true,
    });
  }, 60_000);

  it('stops when asked: the answer says so and the thread is gone', async () => {
    const worker = workerThreadVoiceRunner(script);
    const { runner, started } = watched(worker);
    const { host, docId, voiceId } = await startHost(runner);
    const aligning = host.alignVoice({ docId, assetId: voiceId, script: LINES, workId: 'voice-1' });
    await started();
    expect(worker.running).toBe(1);
    expect(await host.cancelVoiceWork({ workId: 'voice-1' })).toEqual({ ok: true, stopped: true });
    const result = await aligning;
    expect(result.ok ? 'timed' : result.error).toEqual({
      kind: 'cancelled',
      message: 'Stopped: nothing was changed.',
    });
    while (worker.running > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await host.cancelVoiceWork({ workId: 'voice-1' })).toEqual({ ok: true, stopped: false });
    // The same sound times to the end when nobody stops it.
    const again = await host.voiceActivity({ docId, assetId: voiceId, workId: 'voice-2' });
    expect(again.ok).toBe(true);
  }, 60_000);

  it('says clearly when the listening thread cannot run', async () => {
    const { host, docId, voiceId } = await startHost(workerThreadVoiceRunner(join(dir, 'missing.js')));
    const result = await host.alignVoice({ docId, assetId: voiceId, script: LINES });
    expect(result.ok ? 'timed' : result.error.kind).toBe('voice-failed');
    expect(result.ok ? '' : result.error.message).toMatch(/^The voice could not be listened to/);
  }, 60_000);

  it('refuses a sound longer than it times at once before starting a thread', async () => {
    const worker = workerThreadVoiceRunner(script);
    const result = await worker.run({
      kind: 'align',
      samples: new Float32Array(16_000 * 302),
      sampleRate: 16_000,
      script: LINES,
      audience: 'general',
    });
    expect(result.ok ? 'timed' : result.error.message).toMatch(/^This recording is 302 s long;/);
    expect(worker.running).toBe(0);
  });
});
