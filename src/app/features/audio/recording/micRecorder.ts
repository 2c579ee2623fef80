import workletUrl from './recorderWorklet.ts?worker&url';
import { joinChunks } from './wav';

/**
 * The microphone, open: a live level for the meter, and a take recorded sample by sample on
 * the audio thread. Echo cancellation, noise suppression and automatic gain are off: they are
 * for calls and would colour a voice-over (and pump the level while the creator speaks).
 */
export interface OpenMicrophone {
  readonly sampleRate: number;
  /** The input's level now, 0 (silence) to 1 (full scale), for the meter. */
  level(): number;
  /** Starts keeping samples. */
  start(): void;
  /** Stops keeping samples and resolves with every sample kept since start(). */
  stop(): Promise<Float32Array>;
  /** Lets go of the microphone (the system's recording indicator goes off). */
  close(): void;
}

export async function openMicrophone(): Promise<OpenMicrophone> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new TypeError('getUserMedia is not available');
  }
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    video: false,
  });
  const context = new AudioContext();
  try {
    await context.audioWorklet.addModule(workletUrl);
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    const recorder = new AudioWorkletNode(context, 'kindness-recorder', {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      channelCount: 1,
      channelCountMode: 'explicit',
    });
    // The graph is pulled from the output: a silent path to it keeps the recorder running.
    const mute = context.createGain();
    mute.gain.value = 0;
    source.connect(analyser);
    source.connect(recorder).connect(mute).connect(context.destination);
    if (context.state !== 'running') await context.resume();
    return liveMicrophone(stream, context, analyser, recorder);
  } catch (error) {
    for (const track of stream.getTracks()) track.stop();
    void context.close();
    throw error;
  }
}

function liveMicrophone(
  stream: MediaStream,
  context: AudioContext,
  analyser: AnalyserNode,
  recorder: AudioWorkletNode,
): OpenMicrophone {
  const wave = new Float32Array(analyser.fftSize);
  let chunks: Float32Array[] = [];
  let stopped: (() => void) | null = null;
  recorder.port.onmessage = (event: MessageEvent<Float32Array | 'stopped'>) => {
    if (event.data === 'stopped') stopped?.();
    else chunks.push(event.data);
  };
  return {
    sampleRate: context.sampleRate,
    level() {
      analyser.getFloatTimeDomainData(wave);
      let peak = 0;
      for (const s of wave) peak = Math.max(peak, Math.abs(s));
      return Math.min(1, peak);
    },
    start() {
      chunks = [];
      recorder.port.postMessage('start');
    },
    stop() {
      return new Promise<Float32Array>((resolve) => {
        stopped = () => {
          stopped = null;
          resolve(joinChunks(chunks));
          chunks = [];
        };
        recorder.port.postMessage('stop');
      });
    },
    close() {
      for (const track of stream.getTracks()) track.stop();
      recorder.port.onmessage = null;
      void context.close();
    },
  };
}
