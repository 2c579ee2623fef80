/**
 * Runs on the audio thread (an AudioWorklet module, built to its own file by Vite): hands the
 * microphone's first channel to the page in chunks while told to record. Sample-exact, and
 * never starved by a busy page the way a ScriptProcessorNode would be.
 */

// The worklet scope's globals (not in the DOM library the studio is typed with).
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

/** About 85 ms at 48 kHz: few messages, little lost if the page closes mid-take. */
const CHUNK = 4096;

class RecorderProcessor extends AudioWorkletProcessor {
  private recording = false;
  private buffer = new Float32Array(CHUNK);
  private filled = 0;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<'start' | 'stop'>) => {
      if (event.data === 'start') {
        this.recording = true;
        this.filled = 0;
      } else {
        this.recording = false;
        this.flush();
        this.port.postMessage('stopped');
      }
    };
  }

  private flush(): void {
    if (this.filled === 0) return;
    const chunk = this.buffer.slice(0, this.filled);
    this.port.postMessage(chunk, [chunk.buffer]);
    this.filled = 0;
  }

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (!this.recording || channel === undefined) return true;
    let at = 0;
    while (at < channel.length) {
      const n = Math.min(channel.length - at, CHUNK - this.filled);
      this.buffer.set(channel.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === CHUNK) this.flush();
    }
    return true;
  }
}

registerProcessor('kindness-recorder', RecorderProcessor);
