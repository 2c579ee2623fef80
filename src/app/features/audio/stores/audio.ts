import { defineStore } from 'pinia';
import { computed, ref, shallowReactive, watch } from 'vue';
import {
  addAudioTrack,
  deleteAudioTrack,
  moveAudioTrack,
  renameAudioTrack,
  setAsset,
  setAudioFades,
  setAudioMuted,
  setAudioVolume,
  trimAudioEnd,
  trimAudioStart,
} from '../../../../core/edit';
import { projectDuration } from '../../../../core/timeline';
import type { AudioTrack, Project } from '../../../../core/schema';
import { createAudioPlayer } from '../audioPlayer';
import { base64ToBytes, fileToBase64 } from '../soundFiles';
import { useHost } from '../../../host/useHost';
import { useDocument } from '../../../state/document';
import { useNotices } from '../../../state/notices';
import { usePlayback } from '../../../state/playback';

/** What the timeline draws of a sound file: its length and waveform (min, max per column). */
export interface SoundInfo {
  readonly duration: number;
  readonly peaksPerSecond: number;
  readonly peaks: Int8Array;
}

/**
 * The studio's sound: the selected clip (session state), what is known of each sound file,
 * the audio commands (each one undo step through the document store) and the player that
 * keeps the sound in step with the preview.
 */
export const useAudio = defineStore('audio', () => {
  const host = useHost();
  const documentStore = useDocument();
  const playback = usePlayback();
  const notices = useNotices();

  const selectedTrackId = ref<string | null>(null);
  const importing = ref(false);
  const infos = shallowReactive(new Map<string, SoundInfo>());
  const failedInfo = new Set<string>();
  /** Bumped when the player starts, stops or schedules a clip (the UI shows its state). */
  const playerTick = ref(0);

  const tracks = computed<readonly AudioTrack[]>(() => documentStore.project?.audio ?? []);
  const selectedTrack = computed(() => tracks.value.find((t) => t.id === selectedTrackId.value) ?? null);
  const projectEnd = computed(() => (documentStore.project ? projectDuration(documentStore.project) : 0));

  function fileDuration(assetId: string): number | undefined {
    return infos.get(assetId)?.duration ?? documentStore.project?.assets[assetId]?.duration;
  }

  const player = createAudioPlayer(
    {
      tracks: () => tracks.value,
      projectEnd: () => projectEnd.value,
      fileDuration,
      decode: decodeSound,
    },
    () => playerTick.value++,
  );
  playback.follow(player);
  const playerState = computed(() => {
    void playerTick.value;
    return { state: player.state(), scheduled: player.scheduled() };
  });

  const tooLargeToPlay = new Set<string>();

  /** The page's own decoder first; the host's WAV version when it does not know the format. */
  async function decodeSound(context: BaseAudioContext, assetId: string): Promise<AudioBuffer> {
    const docId = documentStore.docId;
    if (docId === null) throw new Error('no document');
    const original = await host.readAsset({ docId, assetId });
    if (!original.ok) {
      // Too large to play in the preview: said once, so silence is never a mystery.
      if (original.error.kind === 'too-large' && !tooLargeToPlay.has(assetId)) {
        tooLargeToPlay.add(assetId);
        const name = documentStore.project?.assets[assetId]?.name ?? 'A sound';
        notices.show('warning', `“${name}” is not played in the preview. ${original.error.message}`);
      }
      throw new Error(original.error.message);
    }
    try {
      return await context.decodeAudioData(base64ToBytes(original.data).buffer);
    } catch {
      const preview = await host.audioPreview({ docId, assetId });
      if (!preview.ok) throw new Error(preview.error.message);
      return context.decodeAudioData(base64ToBytes(preview.data).buffer);
    }
  }

  async function loadInfo(assetId: string): Promise<void> {
    const docId = documentStore.docId;
    if (docId === null || infos.has(assetId) || failedInfo.has(assetId)) return;
    failedInfo.add(assetId);
    const result = await host.audioInfo({ docId, assetId });
    if (!result.ok) {
      notices.show('warning', result.error.message);
      return;
    }
    failedInfo.delete(assetId);
    const raw = base64ToBytes(result.info.peaks);
    infos.set(assetId, {
      duration: result.info.duration,
      peaksPerSecond: result.info.peaksPerSecond,
      peaks: new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength),
    });
  }

  // Waveforms of every sound the project uses (after opening, importing, undoing a delete).
  watch(
    () => tracks.value.map((t) => t.assetId).join(' '),
    () => {
      for (const t of tracks.value) {
        void loadInfo(t.assetId);
        player.prepare(t.assetId);
      }
    },
    { immediate: true },
  );
  watch(
    () => documentStore.docId,
    () => {
      failedInfo.clear();
      selectedTrackId.value = null;
    },
  );
  // An edit while playing is heard at once: the sound is scheduled again from where it is.
  watch(tracks, () => {
    if (playback.playing) player.start(player.time() ?? playback.time);
  });

  function apply(next: Project | undefined, label: string, coalesce?: string): void {
    if (next === undefined || next === documentStore.project) return;
    documentStore.apply(next, label, coalesce);
  }

  /** Adds a sound file to the document and places it on the timeline at `at` (the playhead). */
  async function importSound(file: File, at: number = playback.time): Promise<boolean> {
    const docId = documentStore.docId;
    if (docId === null) return false;
    importing.value = true;
    try {
      const result = await host.importAsset({
        docId,
        name: file.name,
        mime: file.type || 'application/octet-stream',
        data: await fileToBase64(file),
      });
      if (!result.ok) {
        notices.show('error', result.error.message);
        return false;
      }
      if (result.info.kind !== 'audio') {
        notices.show('warning', `“${file.name}” is not a sound. Drop pictures on the preview.`);
        return false;
      }
      const project = documentStore.project;
      if (project === null || documentStore.docId !== docId) return false;
      const withAsset = setAsset(project, result.assetId, result.info);
      const name = file.name.replace(/\.[^.]+$/, '') || file.name;
      const added = addAudioTrack(withAsset, { assetId: result.assetId, name, start: at });
      if (added.trackId === '') {
        notices.show('warning', 'This project already has the most sounds it can hold (32).');
        return false;
      }
      documentStore.apply(added.project, 'Add sound');
      selectedTrackId.value = added.trackId;
      return true;
    } finally {
      importing.value = false;
    }
  }

  const current = () => documentStore.project ?? undefined;
  const edits = {
    move(id: string, start: number, coalesce?: string): void {
      const p = current();
      apply(p && moveAudioTrack(p, id, start), 'Move sound', coalesce);
    },
    trimStart(id: string, edge: number, assetId: string, coalesce?: string): void {
      const p = current();
      apply(p && trimAudioStart(p, id, edge, fileDuration(assetId)), 'Trim sound', coalesce);
    },
    trimEnd(id: string, edge: number, assetId: string, coalesce?: string): void {
      const p = current();
      apply(p && trimAudioEnd(p, id, edge, fileDuration(assetId)), 'Trim sound', coalesce);
    },
    setVolume(id: string, volume: number): void {
      const p = current();
      apply(p && setAudioVolume(p, id, volume), 'Sound volume', `volume:${id}`);
    },
    setFades(id: string, fades: { fadeIn?: number; fadeOut?: number }): void {
      const p = current();
      apply(p && setAudioFades(p, id, fades), 'Sound fade', `fade:${id}`);
    },
    setMuted(id: string, muted: boolean): void {
      const p = current();
      apply(p && setAudioMuted(p, id, muted), muted ? 'Mute sound' : 'Unmute sound');
    },
    rename(id: string, name: string): void {
      const p = current();
      apply(p && renameAudioTrack(p, id, name), 'Rename sound', `rename:${id}`);
    },
    remove(id: string): void {
      const p = current();
      apply(p && deleteAudioTrack(p, id), 'Delete sound');
      if (selectedTrackId.value === id) selectedTrackId.value = null;
    },
  };

  function select(id: string | null): void {
    selectedTrackId.value = id;
  }

  return {
    tracks,
    selectedTrackId,
    selectedTrack,
    importing,
    infos,
    projectEnd,
    playerState,
    fileDuration,
    importSound,
    select,
    ...edits,
  };
});
