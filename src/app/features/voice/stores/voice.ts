import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { audibleClip } from '../../../../core/audio';
import { isCharacter } from '../../../../core/character';
import { applyAlignment, findElement, setMouthTrack } from '../../../../core/edit';
import type { AudioTrack, Project } from '../../../../core/schema';
import { projectDuration, timelineOf } from '../../../../core/timeline';
import { formatTime } from '../../../ui/format';
import { elementName } from '../../../ui/elementNames';
import { useHost } from '../../../host/useHost';
import { useDocument } from '../../../state/document';
import { useNotices } from '../../../state/notices';
import { useAudio } from '../../audio/stores/audio';
import { activityOf, captionScript, onTimeline, scriptLines, talkingCues, wordsOverClip } from '../voicePlan';

/** How the clip was chosen: `only` when it was used because the project has no other sound. */
export interface VoiceHow {
  readonly only?: boolean;
}

const onlyNote = (how: VoiceHow): string => (how.only === true ? ', the only sound in the project' : '');

/** What the voice tools are doing: the panels show it and keep their buttons off meanwhile. */
export type VoiceWork = 'timing' | 'talking' | null;

/**
 * "Time to voice" (a script or the captions timed to a sound clip) and "Make this character
 * talk" (a character's mouth keyframed from a clip). The host decodes and listens
 * (src/host/contract/voiceChannels.ts); each result is one undo step here. Messages for the
 * creator go to `problem` (shown in the panel) and success to the notices.
 */
export const useVoice = defineStore('voice', () => {
  const host = useHost();
  const documentStore = useDocument();
  const notices = useNotices();
  const audio = useAudio();

  const working = ref<VoiceWork>(null);
  /** The last thing that went wrong and in which tool, in words for the creator (cleared by the next try). */
  const problem = ref<{ work: 'timing' | 'talking'; message: string } | null>(null);
  /** The script as typed in the Time to voice panel (kept while the creator picks other things). */
  const script = ref('');
  /** The host's work id of the listening under way, so Stop can end it. */
  let workId: string | null = null;
  let works = 0;

  function nextWorkId(): string {
    works += 1;
    workId = `voice-${Date.now().toString(36)}-${works}`;
    return workId;
  }

  /** Stops the listening under way: nothing is changed, and the creator is told so. */
  async function stop(): Promise<void> {
    if (workId === null) return;
    await host.cancelVoiceWork({ workId });
  }

  /** A stopped listening is no problem to show: the notice says it stopped. */
  function stopped(result: { ok: false; error: { kind: string } }): boolean {
    if (result.error.kind !== 'cancelled') return false;
    notices.show('info', 'Stopped listening: nothing was changed.');
    return true;
  }

  // Another document: its own script, and nothing said about the last one.
  watch(
    () => documentStore.docId,
    () => {
      script.value = '';
      problem.value = null;
    },
  );

  /** Forgets a message of `work` (the creator picked another sound or character). */
  function clearProblem(work: 'timing' | 'talking'): void {
    if (problem.value?.work === work) problem.value = null;
  }

  function clipOf(project: Project, track: AudioTrack) {
    return audibleClip(track, audio.fileDuration(track.assetId), projectDuration(project));
  }

  function fail(work: 'timing' | 'talking', message: string): false {
    problem.value = { work, message };
    return false;
  }

  /** Times the script (or the project's captions) to the clip `trackId`: one undo step. */
  async function timeToVoice(
    trackId: string,
    from: 'script' | 'captions',
    how: VoiceHow = {},
  ): Promise<boolean> {
    const project = documentStore.project;
    const docId = documentStore.docId;
    if (project === null || docId === null || working.value !== null) return false;
    problem.value = null;
    const track = project.audio.find((t) => t.id === trackId);
    if (track === undefined || project.assets[track.assetId] === undefined)
      return fail('timing', 'This sound is missing from the project: add the voice again.');
    const lines = from === 'script' ? scriptLines(script.value) : captionScript(project.captions);
    if (lines.length === 0)
      return fail(
        'timing',
        from === 'script'
          ? 'The script is empty: type or paste the words that are said, one caption per line.'
          : 'There are no captions to time. Type the script instead, one caption per line.',
      );
    const clip = clipOf(project, track);
    if (clip.length <= 0)
      return fail('timing', 'This sound is not heard in the video: it starts after the video ends.');
    working.value = 'timing';
    try {
      const result = await host.alignVoice({
        workId: nextWorkId(),
        docId,
        assetId: track.assetId,
        from: clip.fileStart,
        length: clip.length,
        script: lines,
        audience: project.captionSettings.audience ?? 'general',
      });
      if (!result.ok) return stopped(result) ? false : fail('timing', result.error.message);
      // The creator may have edited meanwhile: the captions are placed on the project as it is now.
      const now = documentStore.project;
      if (now === null || documentStore.docId !== docId) return false;
      const next = applyAlignment(now, onTimeline(result.captions, clip.start), { from });
      documentStore.apply(next, 'Time to voice');
      const count = result.captions.length;
      const last = next.captions.at(-1);
      const end = projectDuration(next);
      if (last !== undefined && last.end > end + 1e-6)
        notices.show(
          'warning',
          `The voice runs to ${formatTime(last.end)} but the video ends at ${formatTime(end)}: captions after the end are not shown. Make the scenes longer.`,
        );
      else
        notices.show(
          'success',
          `Timed ${count} caption${count === 1 ? '' : 's'} to “${track.name || 'the sound'}”${onlyNote(how)}.`,
        );
      return true;
    } finally {
      working.value = null;
      workId = null;
    }
  }

  /** Keyframes the mouth of character `elementId` in scene `sceneId` from clip `trackId`: one undo step. */
  async function makeTalk(
    sceneId: string,
    elementId: string,
    trackId: string,
    how: VoiceHow = {},
  ): Promise<boolean> {
    const project = documentStore.project;
    const docId = documentStore.docId;
    if (project === null || docId === null || working.value !== null) return false;
    problem.value = null;
    const span = timelineOf(project).spans.find((s) => s.scene.id === sceneId);
    const character = span ? findElement(span.scene.elements, elementId) : undefined;
    if (span === undefined || character === undefined || !isCharacter(character))
      return fail('talking', 'Select a character from the library (one with mouth shapes) first.');
    const track = project.audio.find((t) => t.id === trackId);
    if (track === undefined || project.assets[track.assetId] === undefined)
      return fail('talking', 'Choose the sound with the voice in it (add one with “Add sound”).');
    const clip = clipOf(project, track);
    if (clip.end <= span.start || clip.start >= span.end)
      return fail(
        'talking',
        `“${track.name || 'This sound'}” does not play during “${span.scene.name}” (${formatTime(span.start)} – ${formatTime(span.end)}). Move the sound or choose another.`,
      );
    working.value = 'talking';
    try {
      const result = await host.voiceActivity({
        workId: nextWorkId(),
        docId,
        assetId: track.assetId,
        from: clip.fileStart,
        length: clip.length,
      });
      if (!result.ok) return stopped(result) ? false : fail('talking', result.error.message);
      const now = documentStore.project;
      if (now === null || documentStore.docId !== docId) return false;
      const cues = talkingCues(now, span, clip, activityOf(result));
      const next = setMouthTrack(now, sceneId, elementId, cues);
      if (next === now)
        return fail('talking', 'The voice changed nothing: the mouth already moves this way.');
      documentStore.apply(next, 'Make character talk');
      const name = elementName(character);
      const closesLips = wordsOverClip(now.captions, clip).length > 0;
      notices.show(
        closesLips ? 'success' : 'info',
        closesLips
          ? `${name} talks with “${track.name || 'the sound'}”${onlyNote(how)}: ${cues.length} mouth keyframes.`
          : `${name} talks with “${track.name || 'the sound'}”${onlyNote(how)}. With captions timed to the voice (Time to voice) the lips also close on m, b and p.`,
      );
      return true;
    } finally {
      working.value = null;
      workId = null;
    }
  }

  return { working, problem, script, timeToVoice, makeTalk, stop, clearProblem };
});
