import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityOf, onTimeline, talkingCues } from '../../src/app/features/voice/voicePlan';
import { synthesiseLines, wavBytes } from '../../src/cli/bench/alignCorpus';
import { audibleClip } from '../../src/core/audio';
import {
  addAudioTrack,
  applyAlignment,
  setAsset,
  setCharacterChoice,
  setMouthTrack,
} from '../../src/core/edit';
import type { Project, Viseme } from '../../src/core/schema';
import { projectDuration, timelineOf } from '../../src/core/timeline';
import { alignScript, voiceFeatures } from '../../src/core/voice';
import { createProjectFrameSource } from '../../src/export/projectFrameSource';
import { assetIdFor, openProjectFile, saveProjectFile } from '../../src/host/node/projectFile';
import type { AssetData } from '../../src/node/assets';

/**
 * A character made to talk renders its mouth in the export as the keyframes say: `kindness
 * render-frame` at a moment of rest and a moment of speech gives the very pixels of the same
 * project with that mouth set by hand (the renderer the preview uses too), and the two moments
 * differ. The voice is synthesised with espeak-ng; the steps are the studio's (voicePlan.ts).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(root, 'dist/cli/kindness.js');
const LINES = ['Be brave, my friend.', 'Maybe people will help him.'];
let dir: string;
let talking: Project;
let assets: Map<string, AssetData>;
let cues: { time: number; mouth: Viseme }[];
const SCENE = 0;
const LEO = 'leo-1';

function kindness(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: dir }, (error, _stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stderr });
    });
  });
}

/** The same project with Leo's mouth set by hand to one shape (no mouth keyframes). */
async function stillMouthPng(mouth: Viseme, time: number): Promise<Buffer> {
  const sceneId = (talking.scenes[SCENE] as { id: string }).id;
  const still = setCharacterChoice(talking, sceneId, LEO, 'mouth', mouth);
  const source = await createProjectFrameSource(still, assets, {
    width: still.video.width,
    height: still.video.height,
    fps: still.video.fps,
    firstFrame: 0,
    watermark: null,
    log: () => {},
  });
  try {
    const png = source.renderPng?.(time);
    if (png === undefined) throw new Error('no pictures from this renderer');
    return Buffer.from(png);
  } finally {
    source.destroy();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-talk-export-'));
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  const opened = await openProjectFile(path.join(root, 'resources/templates/why-would-you.kindness.json'));
  if (!opened.ok) throw new Error('the template did not open');
  const voice = await synthesiseLines(LINES, { seed: 3 });
  const wav = wavBytes(voice.samples, voice.sampleRate);
  const assetId = assetIdFor(wav);
  const seconds = voice.samples.length / voice.sampleRate;
  let project = setAsset(opened.project, assetId, {
    kind: 'audio',
    name: 'voice.wav',
    mime: 'audio/wav',
    size: wav.length,
    duration: seconds,
  });
  project = addAudioTrack(project, { assetId, name: 'voice', start: 0 }).project;
  const aligned = alignScript({ samples: voice.samples, sampleRate: voice.sampleRate, script: LINES });
  project = applyAlignment(project, onTimeline(aligned.captions, 0), { from: 'script' });
  // What the host sends: speech and loudness as bytes.
  const features = voiceFeatures(voice.samples, voice.sampleRate);
  const bytes = (values: Float32Array) =>
    Buffer.from(Uint8Array.from(values, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255))).toString(
      'base64',
    );
  const activity = activityOf({
    frameSeconds: features.frameSeconds,
    speech: bytes(features.speech),
    loudness: bytes(features.loudness),
    nuclei: features.nuclei,
  });
  const span = timelineOf(project).spans[SCENE];
  if (span === undefined) throw new Error('no first scene');
  const track = project.audio[0];
  if (track === undefined) throw new Error('no sound');
  cues = talkingCues(project, span, audibleClip(track, seconds, projectDuration(project)), activity);
  talking = setMouthTrack(project, span.scene.id, LEO, cues);
  assets = new Map(opened.assets);
  assets.set(assetId, wav);
  await saveProjectFile(path.join(dir, 'talking.kindness'), talking, assets);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a talking character in the export', () => {
  it('renders the mouth the keyframes give, at rest and while speaking', async () => {
    const fps = talking.video.fps;
    // The middle of a held shape, so the moment is clearly inside it.
    const middleOf = (shape: (m: Viseme) => boolean): { time: number; mouth: Viseme } => {
      const i = cues.findIndex((c, k) => shape(c.mouth) && (cues[k + 1]?.time ?? 99) - c.time >= 2 / fps);
      const cue = cues[i];
      if (cue === undefined) throw new Error('no such shape');
      return { time: Math.round((cue.time + 1 / fps) * fps) / fps, mouth: cue.mouth };
    };
    const rest = middleOf((m) => m === 'rest');
    const open = middleOf((m) => m === 'C' || m === 'D' || m === 'E');
    const frames: Buffer[] = [];
    for (const [name, moment] of [
      ['rest', rest],
      ['open', open],
    ] as const) {
      const out = `${name}.png`;
      const run = await kindness([
        'render-frame',
        'talking.kindness',
        '--time',
        String(moment.time),
        '-o',
        out,
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const exported = await readFile(path.join(dir, out));
      expect(
        exported.equals(await stillMouthPng(moment.mouth, moment.time)),
        `${name} at ${moment.time} s`,
      ).toBe(true);
      frames.push(exported);
    }
    expect((frames[0] as Buffer).equals(frames[1] as Buffer)).toBe(false);
  }, 120_000);
});
