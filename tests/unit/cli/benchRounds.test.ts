import { describe, expect, it } from 'vitest';
import { benchReport, benchRow, type BenchRound, type BenchRun } from '../../../src/cli/commands/bench';

/**
 * `kindness bench` runs each timed case's export and its baseline several times and reports the
 * round whose ratio is the median: one pair a few seconds apart on shared cores said as much
 * about the machine's other work as about the export.
 */

function round(exportWall: number, aloneWall: number, peakMb = 300): BenchRound {
  const run: BenchRun = {
    label: 'sample',
    frames: 600,
    width: 1080,
    height: 1920,
    fps: 30,
    wallSeconds: exportWall,
    ownCpuSeconds: 4,
    ffmpegCpuSeconds: 11,
    stages: { render: 1, readback: 1, convert: 1, pipe: 0.1 },
    peaks: [{ pid: 1, name: 'ffmpeg', peakBytes: peakMb * 1024 * 1024 }],
    outputs: [],
  };
  return { run, baseline: { wallSeconds: aloneWall, cpuSeconds: 9, peakBytes: 0 } };
}

describe('a bench case measured in rounds', () => {
  it('reports the round with the median ratio, whole, and every ratio', () => {
    const rounds = [round(8, 5), round(9, 5), round(7.5, 5)];
    const row = benchRow(rounds);
    expect(row.run.wallSeconds).toBe(8);
    expect(row.baseline?.wallSeconds).toBe(5);
    expect(row.ratios.map((r) => r.toFixed(2))).toEqual(['1.60', '1.80', '1.50']);
    const report = benchReport([row]);
    expect(report).toContain('8.0 s / 5.0 s / 1.60');
    expect(report).toContain('1.60 1.80 1.50');
    expect(report).toContain('time <= 1.6 x ffmpeg alone on the same frames: 1.60  PASS');
  });

  it('takes the largest peak of any round for the memory target', () => {
    const row = benchRow([round(8, 5, 300), round(9, 5, 420), round(7.5, 5, 310)]);
    expect(benchReport([row])).toContain('every process peaks <= 400 MB: 420 MB  MISS');
  });

  it('has no ratios for a case measured without a baseline', () => {
    const only = round(300, 1);
    const row = benchRow([{ run: only.run, baseline: null }]);
    expect(row.ratios).toEqual([]);
    expect(row.baseline).toBeNull();
  });
});
