import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useAudio } from '../../../src/app/features/audio/stores/audio';
import { useFiles } from '../../../src/app/features/files/stores/files';
import { useVoice } from '../../../src/app/features/voice/stores/voice';
import { useVoicePicker } from '../../../src/app/features/voice/stores/voicePicker';
import { makeAnyCharacterTalk, timeToVoiceAnyClip } from '../../../src/app/features/voice/voiceActions';
import { useDocument } from '../../../src/app/state/document';
import { useNotices } from '../../../src/app/state/notices';
import { synthesiseLines, wavBytes, type CorpusSentence } from '../../../src/cli/bench/alignCorpus';
import { addAudioTrack, duplicateElements, setAsset } from '../../../src/core/edit';
import type { GroupElement, Project } from '../../../src/core/schema';
import { storeHarness, type StoreHarness } from './helpers';

/**
 * Time to voice and Make a character talk with nothing selected (the timeline bar's Voice menu,
 * the palette): which clip and which character they use, what they ask, and what they say
 * when there is nothing to use. The real Node host decodes and listens.
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

const projectOf = (): Project => {
  const project = useDocument().project;
  if (project === null) throw new Error('no project open');
  return project;
};

/** Adds a sound (the voice, or 2 s of silence) named `name` at 0 s; returns its clip id. */
async function addSound(name: string, silent = false): Promise<string> {
  const doc = useDocument();
  const samples = silent ? new Float32Array(2 * voiceSound.sampleRate) : voiceSound.samples;
  const added = await harness.host.importAsset({
    docId: doc.docId as string,
    name: `${name}.wav`,
    mime: 'audio/wav',
    data: wavBytes(samples, voiceSound.sampleRate).toString('base64'),
  });
  if (!added.ok) throw new Error(added.error.message);
  const track = addAudioTrack(setAsset(projectOf(), added.assetId, added.info), {
    assetId: added.assetId,
    name,
    start: 0,
  });
  doc.apply(track.project, 'Add sound');
  return track.trackId;
}

/** Answers the picker's next question with the choice named `name`; returns what it asked. */
async function answer(name: string): Promise<{ title: string; names: string[] }> {
  const picker = useVoicePicker();
  await expect.poll(() => picker.question).not.toBeNull();
  const question = picker.question as NonNullable<typeof picker.question>;
  const chosen = question.choices.find((c) => c.name === name);
  if (chosen === undefined) throw new Error(`no choice named ${name}`);
  const asked = { title: question.title, names: question.choices.map((c) => `${c.name} (${c.detail})`) };
  picker.answer(chosen.id);
  return asked;
}

const lastNotice = () => useNotices().items.at(-1)?.text;

describe('with nothing selected', () => {
  it('says to record or add a voice when the project has none, and asks nothing', async () => {
    await harness.run(async () => {
      expect(await useFiles().newFromTemplate('why-would-you')).toBe(true);
      await timeToVoiceAnyClip();
      expect(useVoicePicker().question).toBeNull();
      expect(lastNotice()).toBe(
        'There is no voice in this project yet: record one with Record (Shift+R) or add one with “Add sound”, then try again.',
      );
    });
  });

  it('times the captions to the clip picked among several, as one undo step', async () => {
    await harness.run(async () => {
      expect(await useFiles().newFromTemplate('why-would-you')).toBe(true);
      const doc = useDocument();
      doc.apply({ ...projectOf(), captions: [] }, 'Clear captions');
      await addSound('hum', true);
      await addSound('my voice');
      const before = projectOf();
      const running = timeToVoiceAnyClip();
      // No script and no captions: nothing to time yet, so the clip's panel is opened instead.
      expect(await answer('my voice')).toEqual({
        title: 'Which voice?',
        names: ['hum (starts at 0:00.0)', 'my voice (starts at 0:00.0)'],
      });
      await running;
      expect(projectOf()).toBe(before);
      expect(lastNotice()).toMatch(/^Type or paste the script in Time to voice/);

      doc.apply({ ...projectOf(), captions: [] }, 'Clear captions');
      useVoice().script = LINES.join('\n');
      useAudio().select(null);
      const timing = timeToVoiceAnyClip();
      await answer('my voice');
      await timing;
      expect(projectOf().captions.map((c) => c.text)).toEqual(LINES);
      expect(lastNotice()).toBe('Timed 2 captions to “my voice”.');
      expect(doc.undoText).toBe('Time to voice');
      doc.undo();
      expect(projectOf().captions).toEqual([]);
    });
  });

  it('asks which character when the scene has several, then uses the only voice and says so', async () => {
    await harness.run(async () => {
      expect(await useFiles().newFromTemplate('why-would-you')).toBe(true);
      const doc = useDocument();
      const copy = duplicateElements(projectOf(), 'scene-urge', ['leo-1']);
      doc.apply(copy.project, 'Duplicate');
      await addSound('my voice');
      useAudio().select(null);
      const talking = makeAnyCharacterTalk();
      const asked = await answer('Leo');
      expect(asked.title).toBe('Which character?');
      expect(asked.names).toEqual(['Leo (in The urge)', 'Leo (in The urge)']);
      await talking;
      const leo = projectOf().scenes[0]?.elements.find((e) => e.id === 'leo-1') as GroupElement;
      expect(leo.keyframes?.mouth?.length ?? 0).toBeGreaterThan(10);
      expect(lastNotice()).toMatch(
        /^Leo talks with “my voice”, the only sound in the project(: \d+ mouth keyframes)?\./,
      );
      expect(doc.undoText).toBe('Make character talk');
    });
  });

  it('says so when the scene has no character with mouth shapes', async () => {
    await harness.run(async () => {
      expect(await useFiles().newFromTemplate('blank')).toBe(true);
      await makeAnyCharacterTalk();
      expect(useVoicePicker().question).toBeNull();
      expect(lastNotice()).toMatch(/^There is no character with mouth shapes in “.+”: add a person/);
    });
  });

  it('stops when asked: nothing changes and the notice says so', async () => {
    await harness.run(async () => {
      expect(await useFiles().newFromTemplate('why-would-you')).toBe(true);
      await addSound('my voice');
      const before = projectOf();
      const voice = useVoice();
      voice.script = LINES.join('\n');
      const timing = timeToVoiceAnyClip();
      await expect.poll(() => voice.working).toBe('timing');
      await voice.stop();
      await timing;
      expect(projectOf()).toBe(before);
      expect(voice.problem).toBeNull();
      expect(lastNotice()).toBe('Stopped listening: nothing was changed.');
    });
  });
});
