import type { Writable } from 'node:stream';

/** Writing frames into an encoder's input: wait for room, and end it once. */

/** Writes one frame; resolves when the sink wants more, or is gone. */
export function writeWithDrain(sink: Writable, pixels: Uint8Array): Promise<void> {
  if (sink.destroyed || sink.writableEnded) return Promise.resolve();
  if (sink.write(pixels)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      sink.off('drain', done);
      sink.off('close', done);
      resolve();
    };
    sink.on('drain', done);
    sink.on('close', done);
  });
}

/** Ends the input; resolves once it is closed (or was already). */
export function endSink(sink: Writable): Promise<void> {
  return new Promise<void>((resolve) => {
    if (sink.destroyed || sink.writableFinished) return resolve();
    sink.once('close', () => resolve());
    sink.once('finish', () => resolve());
    sink.end();
  });
}
