import { stat } from 'node:fs/promises';
import { runTool } from '../ffmpeg/runTool';
import { judgeOutput, type OutputExpectation, type OutputReport, type ProbeResult } from './outputReport';

const PROBE_TIMEOUT_MS = 30_000;

/**
 * Reads a finished output back with ffprobe, as a platform would, and judges it. When ffprobe
 * cannot read it the report says so instead of failing the export: the file is saved.
 */
export async function checkOutput(
  ffprobePath: string,
  file: string,
  expectation: OutputExpectation,
): Promise<OutputReport> {
  try {
    const result = await runTool(
      ffprobePath,
      ['-v', 'error', '-count_packets', '-show_streams', '-show_format', '-of', 'json', file],
      PROBE_TIMEOUT_MS,
    );
    if (result.code !== 0) throw new Error(result.stderr.trim().split('\n').pop() ?? 'ffprobe failed');
    const probe = JSON.parse(result.stdout) as ProbeResult;
    const size = (await stat(file)).size;
    // GIFs carry no frame count in a header: ffprobe counts the packets instead.
    const streams = probe.streams.map((s) => {
      const packets = (s as { nb_read_packets?: string }).nb_read_packets;
      return s.nb_frames === undefined && packets !== undefined ? { ...s, nb_frames: packets } : s;
    });
    return judgeOutput({ ...probe, streams }, expectation, size);
  } catch (err) {
    return {
      level: 'warn',
      checks: [
        {
          label: 'Check',
          level: 'warn',
          detail: `The file was saved but could not be read back to check it (${err instanceof Error ? err.message : String(err)}).`,
        },
      ],
    };
  }
}
