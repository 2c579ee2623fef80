import { PerformanceObserver, constants } from 'node:perf_hooks';
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

  it('collects the young generation once per frame, and not after a frame that was not drawn', async () => {
    // Node reports each collection as a performance entry; a minor one is what frees a frame.
    const minor = constants.NODE_PERFORMANCE_GC_MINOR;
    let seen = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        // Node's gc entries carry the kind of collection in `detail` (not in the DOM's type).
        const detail = (entry as { detail?: { kind?: number } }).detail;
        if (detail?.kind === minor) seen++;
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    const settle = async (until: number) => {
      for (let turn = 0; turn < 100 && seen < until; turn++) await new Promise((r) => setImmediate(r));
    };
    try {
      for (let frame = 0; frame < 3; frame++) await releaseFrameMemory();
      await settle(3);
      expect(seen).toBeGreaterThanOrEqual(3);
      // An unchanged frame reuses the pixels already read: no new buffer to give back.
      seen = 0;
      for (let frame = 0; frame < 3; frame++) await releaseFrameMemory(false);
      await settle(3);
      expect(seen).toBeLessThan(3);
    } finally {
      observer.disconnect();
    }
  });
});
