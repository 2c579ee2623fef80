import { isCharacter } from '../../../core/character';
import { useDocument } from '../../state/document';
import { useNotices } from '../../state/notices';
import { useStudio } from '../../state/studio';
import { useAudio } from '../audio/stores/audio';
import { useCanvas } from '../canvas/stores/canvas';
import { useVoice } from './stores/voice';
import { useVoicePicker } from './stores/voicePicker';
import { characterChoices, clipChoices, clipName } from './voiceChoices';

/**
 * "Time to voice" and "Make a character talk" from the timeline bar or the command palette,
 * whatever is selected: the selected clip or character is used; otherwise the only one there
 * is (and the message says which), or the creator picks one in VoiceChoiceDialog.
 */

const NO_VOICE =
  'There is no voice in this project yet: record one with Record (Shift+R) or add one with “Add sound”, then try again.';

/** The clip to listen to: the selected one, the only one, or the one picked; null when none. */
async function chooseClip(purpose: string): Promise<{ id: string; only: boolean } | null> {
  const audio = useAudio();
  if (audio.selectedTrack !== null) return { id: audio.selectedTrack.id, only: false };
  const choices = clipChoices(audio.tracks);
  if (choices.length === 0) {
    useNotices().show('warning', NO_VOICE);
    return null;
  }
  if (choices.length === 1) return { id: (choices[0] as { id: string }).id, only: true };
  const id = await useVoicePicker().ask({ title: 'Which voice?', prompt: purpose, choices });
  return id === null ? null : { id, only: false };
}

/** Shows what went wrong as a notice: the voice panels that show it are not open from here. */
function reportProblem(work: 'timing' | 'talking'): void {
  const voice = useVoice();
  if (voice.problem?.work === work) useNotices().show('warning', voice.problem.message);
}

/** Times the typed script, or else the project's captions, to a clip. */
export async function timeToVoiceAnyClip(): Promise<void> {
  const voice = useVoice();
  const documentStore = useDocument();
  const project = documentStore.project;
  if (project === null || voice.working !== null) return;
  const hasScript = voice.script.trim() !== '';
  if (!hasScript && project.captions.length === 0) {
    // Nothing to time yet: open the clip's Time to voice panel, where the script is typed.
    const clip = await chooseClip('The script you type is timed to it.');
    if (clip === null) return;
    useAudio().select(clip.id);
    useNotices().show(
      'info',
      `Type or paste the script in Time to voice, one caption per line, to time it to “${clipName(
        project.audio.find((t) => t.id === clip.id) ?? { name: '' },
      )}”.`,
    );
    return;
  }
  const clip = await chooseClip(
    hasScript ? 'Your script is timed to it, word by word.' : 'Your captions are timed to it, word by word.',
  );
  if (clip === null) return;
  const done = await voice.timeToVoice(clip.id, hasScript ? 'script' : 'captions', { only: clip.only });
  if (!done) reportProblem('timing');
}

/** Makes the selected character, or one of the scene's characters, talk with a clip. */
export async function makeAnyCharacterTalk(): Promise<void> {
  const voice = useVoice();
  const scene = useStudio().selectedScene;
  if (scene === null || voice.working !== null) return;
  const selected = useCanvas().selectedElement;
  let characterId: string | null = selected !== null && isCharacter(selected) ? selected.id : null;
  if (characterId === null) {
    const choices = characterChoices(scene);
    if (choices.length === 0) {
      useNotices().show(
        'warning',
        `There is no character with mouth shapes in “${scene.name}”: add a person from the Library, then make them talk.`,
      );
      return;
    }
    characterId =
      choices.length === 1
        ? (choices[0] as { id: string }).id
        : await useVoicePicker().ask({
            title: 'Which character?',
            prompt: `The characters in “${scene.name}”: the one you pick talks.`,
            choices,
          });
    if (characterId === null) return;
  }
  const clip = await chooseClip('The character’s mouth moves with it.');
  if (clip === null) return;
  const done = await voice.makeTalk(scene.id, characterId, clip.id, { only: clip.only });
  if (!done) reportProblem('talking');
}
