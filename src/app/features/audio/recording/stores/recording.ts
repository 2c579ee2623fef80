import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { audibleClip } from '../../../../../core/audio';
import { addAudioTrack, punchInAudio, setAsset } from '../../../../../core/edit';
import type { Project } from '../../../../../core/schema';
import { useHost } from '../../../../host/useHost';
import { useShell } from '../../../../host/shell';
import { useDocument } from '../../../../state/document';
import { useNotices } from '../../../../state/notices';
import { usePlayback } from '../../../../state/playback';
import { useAudio } from '../../stores/audio';
import { levelPercent } from '../levelMeter';
import { micMessage } from '../micErrors';
import { openMicrophone, type OpenMicrophone } from '../micRecorder';
import { bytesToBase64, encodeWav } from '../wav';

/** Where a take is: asking for the microphone, counting in, recording, storing it. */
export type RecordingPhase = 'idle' | 'asking' | 'counting' | 'recording' | 'saving';

/** Seconds of count-in before the take starts. */
export const COUNT_IN = 3;
/** The longest take: the longest video a platform takes (Reels, 15 min), within the host's limit. */
export const MAX_TAKE_SECONDS = 10 * 60;
/** A take shorter than this is a slip of the finger, not a recording. */
const MIN_TAKE_SECONDS = 0.1;

/**
 * Recording a voice-over: Record voice asks for the microphone (telling the desktop shell
 * first, which allows it only then), counts in 3-2-1, then records while the video plays from
 * the playhead, with a live level. Stopping stores the take as a WAV sound in the project,
 * through the host's import like any other sound, placed where the take started: one undo
 * step. With a range marked, the take replaces that range of the sound under it (punch-in).
 */
export const useRecording = defineStore('recording', () => {
  const host = useHost();
  const shell = useShell();
  const documentStore = useDocument();
  const playback = usePlayback();
  const notices = useNotices();
  const audio = useAudio();

  const phase = ref<RecordingPhase>('idle');
  const count = ref(0);
  /** The meter, 0-100 (a dB scale from -60 to 0 dBFS). */
  const level = ref(0);
  /** Seconds recorded so far. */
  const elapsed = ref(0);
  /** Where the take started on the timeline. */
  const startedAt = ref(0);
  /** The punch-in range's ends (project seconds), set at the playhead. */
  const markIn = ref<number | null>(null);
  const markOut = ref<number | null>(null);

  const active = computed(() => phase.value !== 'idle');
  const range = computed(() => {
    if (markIn.value === null || markOut.value === null) return null;
    const from = Math.min(markIn.value, markOut.value);
    const to = Math.max(markIn.value, markOut.value);
    return to - from > 0 ? { from, to } : null;
  });

  let mic: OpenMicrophone | null = null;
  let meterFrame = 0;
  let cancelCountIn: (() => void) | null = null;
  /** The punch-in range of the take being recorded (null: a plain take). */
  let takeRange: { from: number; to: number } | null = null;

  function meter(): void {
    if (mic === null) return;
    level.value = levelPercent(mic.level());
    if (phase.value === 'recording') {
      elapsed.value = Math.max(0, playback.time - startedAt.value);
      const end = takeRange?.to ?? startedAt.value + MAX_TAKE_SECONDS;
      if (playback.time >= end - 1e-6) void stop();
    }
    meterFrame = requestAnimationFrame(meter);
  }

  /** Waits a second of the count-in; false when the creator stopped meanwhile. */
  function beat(): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        cancelCountIn = null;
        resolve(true);
      }, 1000);
      cancelCountIn = () => {
        clearTimeout(timer);
        cancelCountIn = null;
        resolve(false);
      };
    });
  }

  function release(): void {
    cancelAnimationFrame(meterFrame);
    mic?.close();
    mic = null;
    level.value = 0;
    count.value = 0;
  }

  /** Record voice: a take from the playhead, or over the marked range when `overRange`. */
  async function record(options: { overRange?: boolean } = {}): Promise<void> {
    if (phase.value !== 'idle' || documentStore.docId === null) return;
    takeRange = options.overRange ? range.value : null;
    if (options.overRange && takeRange === null) {
      notices.show(
        'warning',
        'Mark where the range starts and ends first (Mark range start, Mark range end).',
      );
      return;
    }
    playback.pause();
    phase.value = 'asking';
    try {
      // The desktop app allows the microphone only after this (and only to the studio's page).
      await shell?.requestMicrophone();
      mic = await openMicrophone();
    } catch (error) {
      phase.value = 'idle';
      release();
      notices.show(
        'error',
        micMessage(error),
        error instanceof Error ? `${error.name}: ${error.message}` : undefined,
      );
      return;
    }
    meterFrame = requestAnimationFrame(meter);
    phase.value = 'counting';
    for (let n = COUNT_IN; n > 0; n--) {
      count.value = n;
      if (!(await beat())) {
        phase.value = 'idle';
        release();
        return;
      }
    }
    count.value = 0;
    startedAt.value = takeRange?.from ?? playback.time;
    playback.seek(startedAt.value);
    elapsed.value = 0;
    mic.start();
    playback.play();
    phase.value = 'recording';
  }

  // The video reached its end (or something paused it): the take ends there.
  watch(
    () => playback.playing,
    (playing) => {
      if (!playing && phase.value === 'recording') void stop();
    },
  );

  /** Stops: during the count-in nothing is kept; during a take, the take is stored. */
  async function stop(): Promise<void> {
    if (phase.value === 'asking') return;
    if (phase.value === 'counting') {
      cancelCountIn?.();
      return;
    }
    if (phase.value !== 'recording' || mic === null) return;
    phase.value = 'saving';
    const current = mic;
    // How far the picture went while recording: the take's end is now, at this playhead.
    const travelled = Math.max(0, playback.time - startedAt.value);
    playback.pause();
    try {
      const samples = await current.stop();
      release();
      await storeTake(alignToPicture(samples, current.sampleRate, travelled), current.sampleRate);
    } finally {
      release();
      phase.value = 'idle';
    }
  }

  /**
   * The picture waits for the sound clock when playback starts (a moment, more on a busy
   * machine) while the microphone already records: the samples from before the picture moved
   * are dropped, so the take's end stays where it was stopped and its start where it started.
   */
  function alignToPicture(samples: Float32Array, sampleRate: number, travelled: number): Float32Array {
    const keep = Math.round(travelled * sampleRate);
    // Within a frame or two the two clocks agree: keep every sample.
    if (keep <= 0 || samples.length - keep < sampleRate / 15) return samples;
    return samples.subarray(samples.length - keep);
  }

  function takeName(project: Project): string {
    const taken = new Set(project.audio.map((t) => t.name));
    let n = 1;
    while (taken.has(`Voice ${n}`)) n++;
    return `Voice ${n}`;
  }

  async function storeTake(samples: Float32Array, sampleRate: number): Promise<void> {
    const seconds = samples.length / sampleRate;
    if (seconds < MIN_TAKE_SECONDS) {
      notices.show('warning', 'Nothing was recorded: the take was stopped before it started.');
      return;
    }
    const docId = documentStore.docId;
    const before = documentStore.project;
    if (docId === null || before === null) return;
    const name = takeName(before);
    const result = await host.importAsset({
      docId,
      name: `${name}.wav`,
      mime: 'audio/wav',
      data: bytesToBase64(encodeWav(samples, sampleRate)),
    });
    if (!result.ok) {
      notices.show('error', `The recording could not be kept: ${result.error.message}`);
      return;
    }
    const project = documentStore.project;
    if (project === null || documentStore.docId !== docId) return;
    const withAsset = setAsset(project, result.assetId, result.info);
    const at = startedAt.value;
    const added =
      takeRange === null
        ? addAudioTrack(withAsset, { assetId: result.assetId, name, start: at })
        : punchInAudio(
            withAsset,
            { from: takeRange.from, to: Math.min(takeRange.to, takeRange.from + seconds) },
            {
              assetId: result.assetId,
              name,
              replace: tracksUnder(withAsset, takeRange),
              fileDuration: (id) => (id === result.assetId ? seconds : audio.fileDuration(id)),
            },
          );
    if (added.trackId === '') {
      notices.show('warning', 'This project already has the most sounds it can hold (32).');
      return;
    }
    documentStore.apply(added.project, takeRange === null ? 'Record voice' : 'Record over range');
    audio.select(added.trackId);
    notices.show('success', `Recorded “${name}” (${seconds.toFixed(1)} s).`);
  }

  /** The clips a punch-in replaces: the selected clip when it is under the range, else all under it. */
  function tracksUnder(project: Project, over: { from: number; to: number }): string[] {
    const end = audio.projectEnd;
    const under = project.audio
      .filter((t) => {
        const clip = audibleClip(t, audio.fileDuration(t.assetId), end);
        return clip.length > 0 && clip.start < over.to && clip.end > over.from;
      })
      .map((t) => t.id);
    const selected = audio.selectedTrackId;
    return selected !== null && under.includes(selected) ? [selected] : under;
  }

  function setMarkIn(): void {
    markIn.value = playback.time;
  }
  function setMarkOut(): void {
    markOut.value = playback.time;
  }
  function clearRange(): void {
    markIn.value = null;
    markOut.value = null;
  }

  // Another document: its own range, and never a take carried over.
  watch(
    () => documentStore.docId,
    () => {
      clearRange();
      if (phase.value === 'counting') cancelCountIn?.();
    },
  );

  return {
    phase,
    count,
    level,
    elapsed,
    startedAt,
    markIn,
    markOut,
    range,
    active,
    record,
    stop,
    setMarkIn,
    setMarkOut,
    clearRange,
  };
});
