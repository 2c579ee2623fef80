import { afterEach, describe, expect, it } from 'vitest';
import {
  disableStageMeter,
  enableStageMeter,
  metered,
  SAMPLE_EVERY,
  stageSeconds,
} from '../../../src/export/pipeline/stageMeter';

/** A CPU clock that moves only when a stage "works": each read is counted. */
function fakeClock() {
  let now = 0;
  let reads = 0;
  return {
    read: () => {
      reads++;
      return now;
    },
    spend: (micros: number) => (now += micros),
    get reads() {
      return reads;
    },
  };
}

afterEach(() => disableStageMeter());

describe('the bench stage meter', () => {
  it('reads the clock for one call in SAMPLE_EVERY only, and scales the sampled time to every call', () => {
    const clock = fakeClock();
    enableStageMeter(clock.read);
    const calls = SAMPLE_EVERY * 30;
    for (let i = 0; i < calls; i++) metered('render', () => clock.spend(2000));
    // Two reads (before, after) per sampled call: the meter itself stays cheap.
    expect(clock.reads).toBe(2 * 30);
    expect(stageSeconds().render).toBeCloseTo((calls * 2000) / 1e6, 9);
  });

  it('samples each stage on its own count, so a stage called less often is still measured', () => {
    const clock = fakeClock();
    enableStageMeter(clock.read);
    for (let i = 0; i < 100; i++) {
      metered('render', () => clock.spend(1000));
      if (i % 4 === 0) metered('readback', () => clock.spend(3000));
    }
    const seconds = stageSeconds();
    expect(seconds.render).toBeCloseTo(0.1, 6);
    expect(seconds.readback).toBeCloseTo(0.075, 6);
    expect(seconds.convert).toBe(0);
  });

  it('costs nothing but a test when off, and passes results and errors through', () => {
    const clock = fakeClock();
    enableStageMeter(clock.read);
    disableStageMeter();
    expect(metered('pipe', () => 42)).toBe(42);
    expect(clock.reads).toBe(0);
    enableStageMeter(clock.read);
    expect(() =>
      metered('convert', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(clock.reads).toBe(2);
  });
});
