import { FrameFormats } from '../pipeline/frameConversion';
import { releaseFrameMemory } from '../pipeline/frameMemory';
import { createProjectFrameSource } from '../projectFrameSource';
import type { ChunkJob, ChunkProcessMessage } from './chunkWorkerProtocol';

/**
 * A process that draws one chunk of an export (see childChunkFrames.ts): it takes its job from
 * the first IPC message and writes the chunk's frames, converted to yuv420p, to its stdout.
 * Writes to a pipe block on Linux when it is full, so it draws no further ahead than the
 * encoder reads, and its memory stays flat however long the chunk. A process of its own keeps
 * each renderer's memory apart (every process stays under the export's memory budget).
 * Built next to each Node bundle as renderChunkWorker.js (scripts/build-cli.mjs, build-web.mjs).
 */
const send = (message: ChunkProcessMessage): Promise<void> =>
  new Promise((resolve) => {
    if (process.send === undefined) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });

function writeFrame(frame: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(frame, (err) => (err ? reject(err) : resolve()));
  });
}

async function run(job: ChunkJob): Promise<void> {
  let index = 0;
  try {
    const source = await createProjectFrameSource(job.project, job.assets, {
      ...job.request,
      log: (line) => void send({ type: 'log', line }),
    });
    const formats = new FrameFormats(source.width, source.height);
    let previous: Uint8Array | null = null;
    let reused = 0;
    for (; index < job.count; index++) {
      const drawn = source.renderFrame(index);
      if (drawn === null) reused++;
      const pixels: Uint8Array | null = drawn ?? previous;
      if (pixels === null) throw new Error('the first frame was reported unchanged');
      previous = pixels;
      formats.set(pixels);
      await writeFrame(formats.get('yuv420p'));
      await releaseFrameMemory(drawn !== null);
    }
    source.destroy();
    await send({ type: 'done', reused });
    process.exit(0);
  } catch (err) {
    await send({ type: 'error', frame: index, message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  }
}

if (process.send === undefined) {
  process.stderr.write('renderChunkWorker is started by the exporter, not by hand.\n');
  process.exit(2);
}
process.once('message', (job: ChunkJob) => void run(job));
// The exporter gone: nothing will read the frames.
process.on('disconnect', () => process.exit(1));
