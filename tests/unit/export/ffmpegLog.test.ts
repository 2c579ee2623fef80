import { describe, expect, it } from 'vitest';
import { FfmpegLog, lastComplaint } from '../../../src/export/encoder/ffmpegLog';

describe("ffmpeg's log as a creator may see it (issue 10)", () => {
  it('never carries the binary bytes ffmpeg quotes from a damaged file', () => {
    const log = new FfmpegLog();
    const garbage = Buffer.from([
      0x49, 0x44, 0x33, 0x00, 0x01, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe, 0x07, 0x7f,
    ]);
    log.add(`[mp3 @ 0x5581] Header missing ${garbage.toString('utf8')}\u202E`);
    log.add(`x${'y'.repeat(5000)}`);
    const summary = log.summary();
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(summary).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e\ufffd]/);
    expect(summary).toContain('[mp3 @ 0x5581] Header missing ID3');
    expect(summary.split('\n').every((line) => line.length <= 500)).toBe(true);
  });

  it("gives the last thing ffmpeg said about a file, naming it 'the file' and fit to show", () => {
    const file = '/home/ana/Videos/.clip.mp4.5bce98.part';
    const stderr = `[h264 @ 0x1] error while decoding MB 3 7\n${file}: Invalid data found when processing input\u202E\n\n`;
    expect(lastComplaint(stderr, file)).toBe('the file: Invalid data found when processing input\\u202E');
    expect(lastComplaint('  \n\n')).toBeNull();
  });
});
