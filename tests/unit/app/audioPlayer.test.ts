import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAudioPlayer, type SoundSource } from '../../../src/app/features/audio/audioPlayer';
import { AudioTrackSchema, type AudioTrack } from '../../../src/core/schema';

/** Just enough of Web Audio to see what the player schedules: sources, offsets, gain curves. */
interface Started {
  when: number;
  offset: number;
  duration: number;
  gain: [string, number, number][];
  stopped: boolean;
}
let started: Started[] = [];
let context: FakeContext | null = null;

class FakeContext {
  currentTime = 100;
  state: 'suspended' | 'running' = 'running';
  readonly destination = {};
  constructor() {
    // The test reads the clock of the context the player made.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    context = this;
  }
  createGain() {
    const gain: [string, number, number][] = [];
    return {
      gain: {
        setValueAtTime: (v: number, t: number) => gain.push(['set', v, t]),
        linearRampToValueAtTime: (v: number, t: number) => gain.push(['ramp', v, t]),
      },
      connect: (d: unknown) => d,
      record: gain,
    };
  }
  createBufferSource() {
    let entry: Started | null = null;
    const node = {
      buffer: null as unknown,
      connect: (g: { record: Started['gain'] }) => {
        node.gain = g.record;
        return g;
      },
      gain: [] as Started['gain'],
      start: (when: number, offset: number, duration: number) => {
        entry = { when, offset, duration, gain: node.gain, stopped: false };
        started.push(entry);
      },
      stop: () => {
        if (entry) entry.stopped = true;
      },
      disconnect: () => undefined,
    };
    return node;
  }
  resume() {
    this.state = 'running';
    return Promise.resolve();
  }
  close() {
    return Promise.resolve();
  }
}

const original = (globalThis as { AudioContext?: unknown }).AudioContext;
beforeEach(() => {
  started = [];
  (globalThis as { AudioContext?: unknown }).AudioContext = FakeContext;
});
afterEach(() => {
  (globalThis as { AudioContext?: unknown }).AudioContext = original;
});

function track(fields: Partial<AudioTrack>): AudioTrack {
  return AudioTrackSchema.parse({ id: 'a', assetId: 'f'.repeat(64), ...fields });
}

function source(tracks: AudioTrack[], fileDuration = 4): SoundSource {
  return {
    tracks: () => tracks,
    projectEnd: () => 10,
    fileDuration: () => fileDuration,
    decode: async () => ({ duration: fileDuration }) as AudioBuffer,
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the preview sound player', () => {
  it('starts a clip already under the playhead at the right place in its file', async () => {
    // The clip starts at 0.8 s with 0.5 s trimmed: at 1.0 s the file is at 0.7 s.
    const player = createAudioPlayer(source([track({ start: 0.8, trimStart: 0.5 })]));
    player.start(1);
    await settle();
    expect(started).toHaveLength(1);
    const [s] = started;
    const lead = (s?.when ?? 0) - 100;
    expect(lead).toBeGreaterThan(0);
    expect(s?.offset).toBeCloseTo(0.7);
    // It plays to the end of its file: 4 - 0.5 = 3.5 s long, 0.2 s already past.
    expect(s?.duration).toBeCloseTo(3.3);
  });

  it('schedules a later clip for when the playhead reaches it, and leaves muted ones out', async () => {
    const player = createAudioPlayer(
      source([track({ id: 'late', start: 3 }), track({ id: 'quiet', start: 0, muted: true })]),
    );
    player.start(1);
    await settle();
    expect(started).toHaveLength(1);
    expect((started[0]?.when ?? 0) - (context?.currentTime ?? 0)).toBeCloseTo(2 + 0.06);
    expect(started[0]?.offset).toBe(0);
  });

  it('applies volume and fades with the shapes the export uses', async () => {
    const player = createAudioPlayer(source([track({ start: 0, volume: 0.5, fadeIn: 1, fadeOut: 1 })]));
    player.start(0);
    await settle();
    const t0 = started[0]?.when ?? 0;
    // Silent at the start, full volume after 1 s, held until 3 s, silent at the end of the file (4 s).
    expect(started[0]?.gain).toEqual([
      ['set', 0, t0],
      ['ramp', 0.5, t0 + 1],
      ['set', 0.5, t0 + 3],
      ['ramp', 0, t0 + 4],
    ]);
  });

  it('lends its clock to the picture while it plays, and stops every clip on pause', async () => {
    const player = createAudioPlayer(source([track({ start: 0 })]));
    expect(player.time()).toBeNull();
    player.start(2);
    await settle();
    expect(player.state()).toBe('running');
    if (context) context.currentTime += 1.5;
    expect(player.time()).toBeCloseTo(2 + 1.5 - 0.06);
    player.stop();
    expect(started.every((s) => s.stopped)).toBe(true);
    expect(player.time()).toBeNull();
    expect(player.state()).toBe('idle');
  });
});
