import { describe, expect, it } from 'vitest';
import { LEGACY_FFMPEG, MODERN_FFMPEG, type EncodeSettings } from '../../../src/export/encodeSettings';
import { buildFluentCommand } from '../../../src/export/encoder/fluentEncoder';
import {
  buildFfmpegArgs,
  buildFfmpegInvocation,
  formatNumber,
  teeQuoted,
  toArgList,
  withCheckStream,
} from '../../../src/export/ffmpeg/args';
import { PRESETS, type ExportPreset } from '../../../src/export/presets';

function settings(preset: ExportPreset, overrides: Partial<EncodeSettings> = {}): EncodeSettings {
  return {
    width: preset.width,
    height: preset.height,
    fps: 30,
    frameCount: 90,
    video: preset.video,
    audio: preset.audio,
    faststart: preset.faststart,
    audioClips: [],
    metadata: { title: 'Be the reason', comment: '', description: '' },
    outputPath: '/out/clip.mp4.part',
    features: MODERN_FFMPEG,
    ...overrides,
  };
}

const RAW_VIDEO_IN = (size: string): string[] => [
  ...['-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', size, '-r', '30', '-i', 'pipe:0'],
];
const GLOBAL = ['-hide_banner', '-loglevel', 'warning', '-stats'];
const COLOUR = ['-vf', 'scale=out_color_matrix=bt709:out_range=tv'];
const TAGS = [
  '-color_primaries',
  'bt709',
  '-color_trc',
  'bt709',
  '-colorspace',
  'bt709',
  '-color_range',
  'tv',
];

describe('ffmpeg arguments', () => {
  it('encodes a TikTok export with a silent track', () => {
    expect(buildFfmpegArgs(settings(PRESETS.tiktok))).toEqual([
      ...RAW_VIDEO_IN('1080x1920'),
      ...['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo'],
      '-y',
      ...GLOBAL,
      ...['-map', '0:v:0', '-map', '1:a:0'],
      ...COLOUR,
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p'],
      ...['-crf', '20', '-maxrate', '8000k', '-bufsize', '16000k'],
      ...['-g', '15', '-keyint_min', '15', '-sc_threshold', '0', '-flags', '+cgop', '-bf', '2'],
      ...['-r', '30', '-fps_mode', 'cfr'],
      ...TAGS,
      ...['-c:a', 'aac', '-b:a', '192k', '-ar', '48000', '-ac', '2'],
      ...['-t', '3'],
      ...['-movflags', '+faststart'],
      ...['-metadata', 'title=Be the reason'],
      ...['-f', 'mp4', '/out/clip.mp4.part'],
    ]);
  });

  it('encodes a draft at half size, faster and smaller', () => {
    expect(buildFfmpegArgs(settings(PRESETS.draft, { frameCount: 45 }))).toEqual([
      ...RAW_VIDEO_IN('540x960'),
      ...['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo'],
      '-y',
      ...GLOBAL,
      ...['-map', '0:v:0', '-map', '1:a:0'],
      ...COLOUR,
      ...['-c:v', 'libx264', '-preset', 'superfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p'],
      ...['-crf', '28', '-maxrate', '2000k', '-bufsize', '4000k'],
      ...['-g', '15', '-keyint_min', '15', '-sc_threshold', '0', '-flags', '+cgop', '-bf', '2'],
      ...['-r', '30', '-fps_mode', 'cfr'],
      ...TAGS,
      ...['-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2'],
      ...['-t', '1.5'],
      ...['-movflags', '+faststart'],
      ...['-metadata', 'title=Be the reason'],
      ...['-f', 'mp4', '/out/clip.mp4.part'],
    ]);
  });

  it('takes frames already converted to yuv420p straight to x264, tagged as they were converted', () => {
    const args = buildFfmpegArgs(settings(PRESETS.tiktok, { inputPixFmt: 'yuv420p' }));
    expect(args.slice(0, 10)).toEqual([
      ...['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', '1080x1920', '-r', '30', '-i', 'pipe:0'],
    ]);
    // No conversion left for ffmpeg: the tags describe our BT.709 tv-range conversion.
    expect(args).not.toContain('-vf');
    expect(args.join(' ')).toContain(TAGS.join(' '));
  });

  it('scales converted frames for a smaller output keeping their matrix and range', () => {
    const args = buildFfmpegArgs(
      settings(PRESETS.draft, { inputPixFmt: 'yuv420p', source: { width: 1080, height: 1920 } }),
    );
    const vf = args[args.indexOf('-vf') + 1];
    expect(vf).toBe(
      'scale=540:960:flags=lanczos:in_color_matrix=bt709:in_range=tv:out_color_matrix=bt709:out_range=tv',
    );
  });

  const twoTracks = settings(PRESETS.shorts, {
    frameCount: 300,
    audioClips: [
      // Music from 2 s into its file, from the start, quieter, faded in and out.
      {
        file: '/tmp/k/aaa.mp3',
        fileStart: 2,
        clipDuration: 10,
        volume: 0.6,
        fadeIn: 1,
        fadeOut: 2.5,
        cutStart: 0,
        outputStart: 0,
      },
      // A voice line at 1.25 s into the video, at full volume, with a short fade-out.
      {
        file: '/tmp/k/bbb.wav',
        fileStart: 0,
        clipDuration: 3,
        volume: 1,
        fadeIn: 0,
        fadeOut: 0.5,
        cutStart: 0,
        outputStart: 1.25,
      },
    ],
  });

  it('mixes two audio tracks with trims, delays, volumes and fades', () => {
    expect(buildFfmpegArgs(twoTracks)).toEqual([
      ...RAW_VIDEO_IN('1080x1920'),
      ...['-i', '/tmp/k/aaa.mp3'],
      ...['-i', '/tmp/k/bbb.wav'],
      '-y',
      '-filter_complex',
      '[1:a]atrim=start=2:duration=10,asetpts=PTS-STARTPTS,' +
        'aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,volume=0.6,' +
        'afade=t=in:st=0:d=1,afade=t=out:st=7.5:d=2.5,apad[a0];' +
        '[2:a]atrim=start=0:duration=3,asetpts=PTS-STARTPTS,' +
        'aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,' +
        'afade=t=out:st=2.5:d=0.5,adelay=1250|1250,apad[a1];' +
        '[a0][a1]amix=inputs=2:normalize=0[aout]',
      ...GLOBAL,
      ...['-map', '0:v:0', '-map', '[aout]'],
      ...COLOUR,
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p'],
      ...['-crf', '20', '-maxrate', '8000k', '-bufsize', '16000k'],
      ...['-g', '15', '-keyint_min', '15', '-sc_threshold', '0', '-flags', '+cgop', '-bf', '2'],
      ...['-r', '30', '-fps_mode', 'cfr'],
      ...TAGS,
      ...['-c:a', 'aac', '-b:a', '384k', '-ar', '48000', '-ac', '2'],
      ...['-t', '10'],
      ...['-movflags', '+faststart'],
      ...['-metadata', 'title=Be the reason'],
      ...['-f', 'mp4', '/out/clip.mp4.part'],
    ]);
  });

  it('falls back to options the 2018 bundled ffmpeg understands', () => {
    const args = buildFfmpegArgs({ ...twoTracks, features: LEGACY_FFMPEG });
    expect(args).toContain('-vsync');
    expect(args).not.toContain('-fps_mode');
    const graph = args[args.indexOf('-filter_complex') + 1];
    expect(graph).toContain('[a0][a1]amix=inputs=2,volume=2[aout]');
  });

  it('cuts a clip that starts before the exported range', () => {
    const args = buildFfmpegArgs(
      settings(PRESETS.tiktok, {
        audioClips: [
          {
            file: '/a.m4a',
            fileStart: 0,
            clipDuration: 8,
            volume: 1,
            fadeIn: 2,
            fadeOut: 0,
            cutStart: 3,
            outputStart: 0,
          },
        ],
      }),
    );
    expect(args[args.indexOf('-filter_complex') + 1]).toBe(
      '[1:a]atrim=start=0:duration=8,asetpts=PTS-STARTPTS,' +
        'aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,' +
        'afade=t=in:st=0:d=2,atrim=start=3,asetpts=PTS-STARTPTS,apad[aout]',
    );
  });

  it('carries the post caption and hashtags, emoji included, as clean metadata', () => {
    const caption = 'Be the reason someone smiles today 💛\n\nShare kindness 🫶🏽\u0000\u001b[31m';
    const tagged = `${caption}\n\n#kindness #BeTheReason #stopbullying`;
    const args = buildFfmpegArgs(
      settings(PRESETS.reels, {
        metadata: { title: 'Kind\tWords 🌈', comment: tagged, description: tagged },
      }),
    );
    const expected =
      'Be the reason someone smiles today 💛 Share kindness 🫶🏽[31m #kindness #BeTheReason #stopbullying';
    expect(args.slice(args.indexOf('-movflags'))).toEqual([
      ...['-movflags', '+faststart'],
      ...['-metadata', 'title=Kind Words 🌈'],
      ...['-metadata', `comment=${expected}`],
      ...['-metadata', `description=${expected}`],
      ...['-f', 'mp4', '/out/clip.mp4.part'],
    ]);
  });

  it('is the very list fluent-ffmpeg runs', () => {
    for (const s of [settings(PRESETS.tiktok), twoTracks]) {
      const invocation = buildFfmpegInvocation({
        ...s,
        metadata: { title: 'A title with spaces', comment: 'x y', description: '' },
      });
      expect(buildFluentCommand(invocation)._getArguments()).toEqual(toArgList(invocation));
    }
  });

  it('writes the packets twice when checked while encoding: the file, and a stream on stdout', () => {
    const plain = buildFfmpegInvocation(settings(PRESETS.tiktok));
    const checked = withCheckStream(plain);
    const args = toArgList(checked);
    // The encode itself is unchanged but for x264's headers out of band, which the MP4
    // muxer asked for anyway; the format and the faststart move into the file's own slot.
    expect(args).not.toContain('-movflags');
    expect(args.slice(args.indexOf('-flags'), args.indexOf('-flags') + 2)).toEqual([
      '-flags',
      '+cgop+global_header',
    ]);
    expect(args.slice(-3)).toEqual([
      '-f',
      'tee',
      "[f=mp4:movflags=+faststart]'/out/clip.mp4.part'|" +
        '[f=mp4:movflags=frag_keyframe+empty_moov:onfail=ignore]pipe:1',
    ]);
    expect(buildFluentCommand(checked)._getArguments()).toEqual(args);
    const gif = { ...plain, outputOptions: [...plain.outputOptions.slice(0, -1), 'gif'] };
    expect(() => withCheckStream(gif)).toThrow(/MP4/);
  });

  it('quotes a file name for the tee list so nothing in it is read as syntax', () => {
    expect(teeQuoted('/a/b.mp4')).toBe("'/a/b.mp4'");
    expect(teeQuoted("C:\\Users\\Ana's [draft]|v2:final.mp4")).toBe(
      "'C:\\Users\\Ana'\\''s [draft]|v2:final.mp4'",
    );
  });

  it('writes numbers plainly', () => {
    expect([0, 3, 0.5, 10 / 3, 1e-7, 2.5000001].map(formatNumber)).toEqual([
      '0',
      '3',
      '0.5',
      '3.333333',
      '0',
      '2.5',
    ]);
  });
});
