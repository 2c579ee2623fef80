import { audibleClip, clipGainAt, type AudibleClip } from '../../../core/audio';
import type { AudioTrack } from '../../../core/schema';

/**
 * Plays the project's sound with Web Audio, in step with the preview. The playback store tells
 * it where playback starts (play, seek while playing, an edit while playing) and when it stops;
 * while it plays, its clock (the sound card's) is the clock the picture follows, so picture and
 * sound cannot drift apart. Volume, fades and mute are applied with the same shapes as the
 * export (`audibleClip`, `clipGainAt`).
 */
export interface SoundSource {
  /** The track list and what the player needs to know about it, read when playback starts. */
  tracks(): readonly AudioTrack[];
  projectEnd(): number;
  fileDuration(assetId: string): number | undefined;
  /** Decoded sound of an asset; rejects when it cannot be decoded. */
  decode(context: BaseAudioContext, assetId: string): Promise<AudioBuffer>;
}

export interface AudioPlayer {
  /** Decodes a sound ahead of time, so Play is heard at once. */
  prepare(assetId: string): void;
  /** Starts (or restarts) the sound at project time `time`. */
  start(time: number): void;
  stop(): void;
  /** Project seconds by the sound clock while sound plays; null when the picture keeps its own clock. */
  time(): number | null;
  /** 'running' while the sound clock drives playback; for the UI and tests. */
  readonly state: () => 'idle' | 'starting' | 'running';
  /** Clips scheduled in the current run (for the UI and tests). */
  readonly scheduled: () => number;
  dispose(): void;
}

/** Sound starts a moment after play is pressed, so every clip can be scheduled on time. */
const START_LEAD = 0.06;

export function createAudioPlayer(source: SoundSource, onChange: () => void = () => undefined): AudioPlayer {
  let context: AudioContext | null = null;
  // Sounds are decoded on a context of their own: one that never plays needs no user gesture.
  let decoder: BaseAudioContext | null = null;
  const buffers = new Map<string, Promise<AudioBuffer | null>>();
  let run: {
    id: number;
    projectStart: number;
    contextStart: number;
    nodes: AudioScheduledSourceNode[];
  } | null = null;
  let runs = 0;
  let starting = false;

  function contextOrNull(): AudioContext | null {
    if (context === null && typeof AudioContext !== 'undefined') context = new AudioContext();
    return context;
  }

  function decodingContext(): BaseAudioContext | null {
    if (decoder === null && typeof OfflineAudioContext !== 'undefined') {
      decoder = new OfflineAudioContext(2, 1, 48000);
    }
    return decoder ?? contextOrNull();
  }

  function bufferFor(assetId: string): Promise<AudioBuffer | null> {
    let pending = buffers.get(assetId);
    if (pending === undefined) {
      const ctx = decodingContext();
      if (ctx === null) return Promise.resolve(null);
      pending = source.decode(ctx, assetId).catch(() => null);
      buffers.set(assetId, pending);
      // A failure is tried again next time (the asset may arrive later).
      void pending.then((b) => {
        if (b === null) buffers.delete(assetId);
      });
    }
    return pending;
  }

  function schedule(
    ctx: AudioContext,
    current: NonNullable<typeof run>,
    track: AudioTrack,
    clip: AudibleClip,
    buffer: AudioBuffer,
  ): void {
    // Where the project is now on this run's clock (later than its start if decoding took a while).
    const now = ctx.currentTime;
    const projectNow = current.projectStart + Math.max(0, now - current.contextStart);
    const from = Math.max(clip.start, projectNow);
    if (from >= clip.end) return;
    const when = current.contextStart + (from - current.projectStart);
    const offset = clip.fileStart + (from - clip.start);
    if (offset >= buffer.duration) return;
    const node = ctx.createBufferSource();
    node.buffer = buffer;
    const gain = ctx.createGain();
    envelope(gain.gain, track, clip, from, when);
    node.connect(gain).connect(ctx.destination);
    node.start(Math.max(when, now), offset, clip.end - from);
    current.nodes.push(node);
    onChange();
  }

  /** Volume and linear fades as gain automation from `from` (project time) at `when` (context time). */
  function envelope(
    param: AudioParam,
    track: AudioTrack,
    clip: AudibleClip,
    from: number,
    when: number,
  ): void {
    const at = (t: number): number => when + (t - from);
    param.setValueAtTime(clipGainAt(track, clip, from), when);
    const fadeInEnd = clip.start + clip.fadeIn;
    if (clip.fadeIn > 0 && from < fadeInEnd) param.linearRampToValueAtTime(track.volume, at(fadeInEnd));
    const fadeOutStart = clip.end - clip.fadeOut;
    if (clip.fadeOut > 0) {
      if (from < fadeOutStart) param.setValueAtTime(track.volume, at(fadeOutStart));
      param.linearRampToValueAtTime(0, at(clip.end));
    }
  }

  function stopNodes(): void {
    for (const node of run?.nodes ?? []) {
      try {
        node.stop();
      } catch {
        // Not started yet or already stopped: nothing to stop.
      }
      node.disconnect();
    }
    run = null;
  }

  return {
    prepare(assetId) {
      void bufferFor(assetId);
    },
    start(time) {
      stopNodes();
      const heard = source.tracks().filter((t) => !t.muted && t.volume > 0);
      if (heard.length === 0) return;
      const ctx = contextOrNull();
      if (ctx === null) return;
      const current = {
        id: ++runs,
        projectStart: time,
        contextStart: ctx.currentTime + START_LEAD,
        nodes: [],
      };
      run = current;
      starting = ctx.state !== 'running';
      onChange();
      // Pressing play is a user gesture: the context may resume now.
      void ctx.resume().then(() => {
        if (run?.id !== current.id) return;
        if (starting) {
          // It was suspended: start the clock from now so the picture does not jump.
          current.contextStart = ctx.currentTime + START_LEAD;
          starting = false;
          onChange();
        }
      });
      const end = source.projectEnd();
      for (const track of heard) {
        const clip = audibleClip(track, source.fileDuration(track.assetId), end);
        if (clip.length <= 0 || clip.end <= time) continue;
        void bufferFor(track.assetId).then((buffer) => {
          if (buffer !== null && run?.id === current.id) schedule(ctx, current, track, clip, buffer);
        });
      }
    },
    stop() {
      stopNodes();
      starting = false;
      onChange();
    },
    time() {
      if (run === null || context === null || starting || context.state !== 'running') return null;
      return run.projectStart + Math.max(0, context.currentTime - run.contextStart);
    },
    state: () => (run === null ? 'idle' : starting || context?.state !== 'running' ? 'starting' : 'running'),
    scheduled: () => run?.nodes.length ?? 0,
    dispose() {
      stopNodes();
      void context?.close();
      context = null;
      buffers.clear();
    },
  };
}
