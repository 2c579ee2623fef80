import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useFiles } from '../../../src/app/features/files/stores/files';
import { useVoice } from '../../../src/app/features/voice/stores/voice';
import { useDocument } from '../../../src/app/state/document';
import { synthesiseLines, wavBytes, type CorpusSentence } from '../../../src/cli/bench/alignCorpus';
import { addAudioTrack, moveAudioTrack, setAsset } from '../../../src/core/edit';
import type { GroupElement } from '../../../src/core/schema';
import { storeHarness, type StoreHarness } from './helpers';

/**
 * The voice store against the real Node host (ffmpeg decodes): Time to voice and Make this
 * character talk on the "Why Would You…" story with a voice synthesised by espeak-ng, each one
 * undo step, and the messages a creator gets when something is missing.
 */
const LINES = ['Be brave, my friend.', 'Maybe people will help him.'];
let voiceSound: CorpusSentence;
let harness: StoreHarness;

beforeAll(async () => {
  voiceSound = await synthesiseLines(LINES, { seed: 3 });
}, 60_000);
beforeEach(async () => {
  harness = await storeHarness();
});
afterEach(async () => {
  await harness.cleanup();
});

/** The story open, with the voice added as a sound at `start` seconds. */
async function storyWithVoice(start = 0) {
  return harness.run(async () => {
    expect(await useFiles().newFromTemplate('why-would-you')).toBe(true);
    const doc = useDocument();
    const wav = wavBytes(voiceSound.samples, voiceSound.sampleRate);
    const added = await harness.host.importAsset({
      docId: doc.docId as string,
      name: 'voice.wav',
      mime: 'audio/wav',
      data: wav.toString('base64'),
    });
    if (!added.ok) throw new Error(added.error.message);
    const project = setAsset(projectOf(doc), added.assetId, added.info);
    const track = addAudioTrack(project, { assetId: added.assetId, name: 'voice', start });
    doc.apply(track.project, 'Add sound');
    return { doc, voice: useVoice(), trackId: track.trackId };
  });
}

function projectOf(doc: ReturnType<typeof useDocument>) {
  if (doc.project === null) throw new Error('no project open');
  return doc.project;
}

const leoOf = (doc: ReturnType<typeof useDocument>) =>
  doc.project?.scenes[0]?.elements.find((e) => e.id === 'leo-1') as GroupElement;

describe('Time to voice in the studio', () => {
  it('times the typed script to the sound as one undo step', async () => {
    const { doc, voice, trackId } = await storyWithVoice();
    const before = doc.project?.captions;
    voice.script = `  ${LINES[0]}\n\n${LINES[1]}\n`;
    expect(await voice.timeToVoice(trackId, 'script')).toBe(true);
    expect(doc.project?.captions.map((c) => c.text)).toEqual(LINES);
    const first = doc.project?.captions[0];
    expect(Math.abs((first?.start ?? 0) - (voiceSound.words[0]?.start ?? 0))).toBeLessThan(0.2);
    expect(first?.words?.length).toBe(4);
    expect(doc.undoText).toBe('Time to voice');
    doc.undo();
    expect(doc.project?.captions).toBe(before);
  });

  it('places the captions after where the clip starts on the timeline', async () => {
    const { doc, voice, trackId } = await storyWithVoice(2);
    voice.script = LINES.join('\n');
    expect(await voice.timeToVoice(trackId, 'script')).toBe(true);
    expect(
      Math.abs((doc.project?.captions[0]?.start ?? 0) - (2 + (voiceSound.words[0]?.start ?? 0))),
    ).toBeLessThan(0.2);
  });

  it('says what is missing: an empty script, no captions to use', async () => {
    const { doc, voice, trackId } = await storyWithVoice();
    voice.script = ' \n ';
    expect(await voice.timeToVoice(trackId, 'script')).toBe(false);
    expect(voice.problem?.message).toBe(
      'The script is empty: type or paste the words that are said, one caption per line.',
    );
    doc.apply({ ...projectOf(doc), captions: [] }, 'Clear captions');
    expect(await voice.timeToVoice(trackId, 'captions')).toBe(false);
    expect(voice.problem?.message).toBe(
      'There are no captions to time. Type the script instead, one caption per line.',
    );
  });
});

describe('Make this character talk in the studio', () => {
  it("keyframes Leo's mouth from the voice as one undo step, and undo takes it back", async () => {
    const { doc, voice, trackId } = await storyWithVoice();
    voice.script = LINES.join('\n');
    await voice.timeToVoice(trackId, 'script');
    expect(leoOf(doc).keyframes?.mouth).toBeUndefined();
    expect(await voice.makeTalk('scene-urge', 'leo-1', trackId)).toBe(true);
    const track = leoOf(doc).keyframes?.mouth ?? [];
    expect(track.length).toBeGreaterThan(10);
    expect(track[0]).toMatchObject({ time: 0, value: 'rest' });
    expect(track.some((k) => k.value === 'A')).toBe(true);
    expect(track.every((k) => k.easing === 'hold' && k.time <= 4)).toBe(true);
    expect(doc.undoText).toBe('Make character talk');
    doc.undo();
    expect(leoOf(doc).keyframes?.mouth).toBeUndefined();
  });

  it('says so when the sound does not play in the scene or the element is not a character', async () => {
    const { doc, voice, trackId } = await storyWithVoice();
    expect(await voice.makeTalk('scene-urge', 'shadow-1', trackId)).toBe(false);
    expect(voice.problem?.message).toBe('Select a character from the library (one with mouth shapes) first.');
    doc.apply(moveAudioTrack(projectOf(doc), trackId, 9), 'Move sound');
    expect(await voice.makeTalk('scene-urge', 'leo-1', trackId)).toBe(false);
    expect(voice.problem?.message).toMatch(
      /^“voice” does not play during “The urge” \(0:00\.0 – 0:04\.0\)\./,
    );
  });
});
