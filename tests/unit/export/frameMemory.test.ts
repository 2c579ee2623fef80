import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectYoungGeneration, releaseFrameMemory } from '../../../src/export/pipeline/frameMemory';

describe('releaseFrameMemory', () => {
  it('runs a young-generation collection in Node without --expose-gc', () => {
    // Without it each frame's 8 MB buffer lands in fresh memory (kindness bench measures it).
    expect(collectYoungGeneration()).toBe(true);
  });

  it('leaves no gc function behind in other contexts', () => {
    collectYoungGeneration();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });

  it('frees a dropped frame-sized buffer before the next frame', async () => {
    // A FinalizationRegistry callback shows that the buffer was found dead and collected.
    let freed = false;
    const registry = new FinalizationRegistry(() => (freed = true));
    (() => registry.register(new Uint8Array(1080 * 1920 * 4), 'frame'))();
    for (let turn = 0; turn < 5 && !freed; turn++) await releaseFrameMemory();
    expect(freed).toBe(true);
  });
});
