import type { AudioClipPlan, EncodeSettings, InputPixFmt } from '../encodeSettings';
import { sanitizeMetadataValue } from './metadata';

/**
 * The ffmpeg command for one export, built from validated settings by pure functions.
 *
 * It is kept in parts (inputs, global options, filter graph, output options) because
 * fluent-ffmpeg assembles its command from exactly these parts; `toArgList` puts them in the
 * order fluent-ffmpeg does, so the list the tests check is the list that runs.
 *
 * No user text ever reaches a filter argument: filters get numbers only. User text (title,
 * caption, hashtags) appears only as `-metadata` values, cleaned by `sanitizeMetadataValue`.
 */
export interface FfmpegInput {
  readonly options: readonly string[];
  readonly source: string;
}

export interface FfmpegInvocation {
  readonly inputs: readonly FfmpegInput[];
  readonly globalOptions: readonly string[];
  readonly filterComplex: string | null;
  readonly outputOptions: readonly string[];
  readonly output: string;
}

/** The raw frames (RGBA or yuv420p) our frame pump writes to stdin. */
export const VIDEO_INPUT = 'pipe:0';
/** A silent stereo track: every export carries audio (PLATFORM_SPECS.md). */
export const SILENCE_SOURCE = 'anullsrc=r=48000:cl=stereo';
const MIX_LABEL = 'aout';

/** Up to 6 decimals, no exponent, no trailing zeros: `3`, `0.5`, `3.333333`. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const s = n.toFixed(6).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

export function buildFfmpegInvocation(s: EncodeSettings): FfmpegInvocation {
  const fps = String(s.fps);
  const duration = formatNumber(s.frameCount / s.fps);
  const source = s.source ?? { width: s.width, height: s.height };
  const scaled = source.width !== s.width || source.height !== s.height;
  const pixFmt = s.inputPixFmt ?? 'rgba';
  const videoInput: FfmpegInput = {
    options: ['-f', 'rawvideo', '-pix_fmt', pixFmt, '-s', `${source.width}x${source.height}`, '-r', fps],
    source: VIDEO_INPUT,
  };

  const audioInputs: FfmpegInput[] =
    s.audioClips.length === 0
      ? [{ options: ['-f', 'lavfi'], source: SILENCE_SOURCE }]
      : s.audioClips.map((clip) => ({ options: [], source: clip.file }));
  const filterComplex = s.audioClips.length === 0 ? null : audioGraph(s.audioClips, s.features.amixNormalize);
  const audioMap = filterComplex === null ? '1:a:0' : `[${MIX_LABEL}]`;

  const outputOptions = [
    ...['-map', '0:v:0', '-map', audioMap],
    ...videoEncodeOptions(s, scaled, pixFmt),
    ...['-c:a', s.audio.codec, '-b:a', `${s.audio.bitrateKbps}k`],
    ...['-ar', String(s.audio.sampleRate), '-ac', String(s.audio.channels)],
    // The audio inputs are padded without end: the output stops with the last video frame.
    ...['-t', duration],
    ...(s.faststart ? ['-movflags', '+faststart'] : []),
    ...metadataOptions(s.metadata),
    ...['-f', 'mp4'],
  ];

  return {
    inputs: [videoInput, ...audioInputs],
    // `-stats` keeps the progress lines when the log level hides everything below warnings.
    globalOptions: ['-hide_banner', '-loglevel', 'warning', '-stats'],
    filterComplex,
    outputOptions,
    output: s.outputPath,
  };
}

/** The video half of an export's output options: scaling, x264 and its settings, colour tags. */
function videoEncodeOptions(s: EncodeSettings, scaled: boolean, pixFmt: InputPixFmt): string[] {
  const fps = String(s.fps);
  const gop = String(gopFrames(s.fps, s.video.gopSeconds));
  return [
    ...videoFilter(s.width, s.height, scaled, pixFmt),
    ...['-c:v', s.video.codec, '-preset', s.video.x264Preset, '-profile:v', s.video.profile],
    ...['-pix_fmt', s.video.pixFmt],
    ...[
      '-crf',
      String(s.video.crf),
      '-maxrate',
      `${s.video.maxrateKbps}k`,
      '-bufsize',
      `${s.video.bufsizeKbps}k`,
    ],
    // Closed GOP of a fixed length: no scene-cut keyframes, no references across GOPs.
    ...[
      '-g',
      gop,
      '-keyint_min',
      gop,
      '-sc_threshold',
      '0',
      '-flags',
      '+cgop',
      '-bf',
      String(s.video.bFrames),
    ],
    ...['-r', fps, ...(s.features.fpsMode ? ['-fps_mode', 'cfr'] : ['-vsync', 'cfr'])],
    ...['-color_primaries', 'bt709', '-color_trc', 'bt709', '-colorspace', 'bt709', '-color_range', 'tv'],
  ];
}

/** Frames in one GOP (a keyframe every `gopSeconds`). */
export function gopFrames(fps: number, gopSeconds: number): number {
  return Math.max(1, Math.round(fps * gopSeconds));
}

/**
 * The same encode, its packets also written to stdout as a fragmented MP4 for the stream check
 * (verify/streamCheck.ts), through ffmpeg's tee muxer. The file is byte for byte what the plain
 * invocation writes (the MP4 muxer asks x264 for its headers out of band anyway; with tee in
 * between that has to be said, `+global_header`). The copy on stdout may fail without failing
 * the file (`onfail=ignore`): the check then reports it.
 */
export function withCheckStream(inv: FfmpegInvocation): FfmpegInvocation {
  const options = [...inv.outputOptions];
  const take = (name: string): string | null => {
    const at = options.indexOf(name);
    if (at < 0 || at + 1 >= options.length) return null;
    const [, value] = options.splice(at, 2);
    return value ?? null;
  };
  if (take('-f') !== 'mp4') throw new Error('only an MP4 output can be checked while it is encoded');
  const movflags = take('-movflags');
  const flags = take('-flags');
  options.push('-flags', `${flags ?? ''}+global_header`, '-f', 'tee');
  const file = `[f=mp4${movflags === null ? '' : `:movflags=${movflags}`}]${teeQuoted(inv.output)}`;
  return {
    ...inv,
    outputOptions: options,
    output: `${file}|[f=mp4:movflags=frag_keyframe+empty_moov:onfail=ignore]pipe:1`,
  };
}

/**
 * A file name inside a tee muxer's list: single-quoted, so `|`, `[`, `]`, `:` and backslashes
 * (a Windows folder) are taken literally; a quote in the name is closed, escaped and reopened.
 */
export function teeQuoted(file: string): string {
  return `'${file.split("'").join("'\\''")}'`;
}

/**
 * One chunk of a chunked export: `frameCount` raw frames from stdin, encoded with exactly the
 * export's video settings into a video-only MP4 (the chunks are joined and the sound added
 * afterwards, see buildRemuxInvocation). x264 starts every encode with an IDR frame, and the
 * GOPs are closed, so the joined chunks decode as one stream.
 */
export function buildChunkInvocation(s: EncodeSettings): FfmpegInvocation {
  const source = s.source ?? { width: s.width, height: s.height };
  const scaled = source.width !== s.width || source.height !== s.height;
  const pixFmt = s.inputPixFmt ?? 'rgba';
  return {
    inputs: [
      {
        options: [
          '-f',
          'rawvideo',
          '-pix_fmt',
          pixFmt,
          '-s',
          `${source.width}x${source.height}`,
          '-r',
          String(s.fps),
        ],
        source: VIDEO_INPUT,
      },
    ],
    globalOptions: ['-hide_banner', '-loglevel', 'warning', '-stats'],
    filterComplex: null,
    outputOptions: [
      ...['-map', '0:v:0'],
      ...videoEncodeOptions(s, scaled, pixFmt),
      ...['-t', formatNumber(s.frameCount / s.fps)],
      ...['-f', 'mp4'],
    ],
    output: s.outputPath,
  };
}

/** ffmpeg's input for chunk files joined without re-encoding: a concat list beside them. */
export function concatInput(listFile: string): FfmpegInput {
  return { options: ['-f', 'concat'], source: listFile };
}

/** The concat list's text: file names relative to the list (plain names: safe mode accepts them). */
export function concatList(chunkFileNames: readonly string[]): string {
  for (const name of chunkFileNames) {
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new Error(`not a plain chunk file name: ${name}`);
  }
  return ['ffconcat version 1.0', ...chunkFileNames.map((name) => `file ${name}`), ''].join('\n');
}

/**
 * The colour conversion ffmpeg still has to make. RGBA is converted with the HD (BT.709)
 * matrix to tv range, the colours the tags below announce. Frames already in yuv420p were
 * converted that way by us (pixels/rgbaToYuv420p): they go to x264 untouched, or are scaled
 * for a smaller output keeping the same matrix and range.
 */
function videoFilter(width: number, height: number, scaled: boolean, pixFmt: InputPixFmt): string[] {
  if (pixFmt === 'yuv420p') {
    if (!scaled) return [];
    const keep = 'in_color_matrix=bt709:in_range=tv:out_color_matrix=bt709:out_range=tv';
    return ['-vf', `scale=${width}:${height}:flags=lanczos:${keep}`];
  }
  return [
    '-vf',
    scaled
      ? `scale=${width}:${height}:flags=lanczos:out_color_matrix=bt709:out_range=tv`
      : 'scale=out_color_matrix=bt709:out_range=tv',
  ];
}

function metadataOptions(m: EncodeSettings['metadata']): string[] {
  const out: string[] = [];
  for (const [key, value] of [
    ['title', m.title],
    ['comment', m.comment],
    ['description', m.description],
  ] as const) {
    const clean = sanitizeMetadataValue(value);
    if (clean !== '') out.push('-metadata', `${key}=${clean}`);
  }
  return out;
}

/**
 * One chain per clip: cut it from its file, fade it on its own timeline, drop what lies before
 * the exported range, delay it to its start, pad it with silence; then mix the chains.
 */
function audioGraph(clips: readonly AudioClipPlan[], amixNormalize: boolean): string {
  if (clips.length === 1) return `[1:a]${clipChain(clips[0] as AudioClipPlan)}[${MIX_LABEL}]`;
  const chains = clips.map((clip, i) => `[${i + 1}:a]${clipChain(clip)}[a${i}]`);
  const labels = clips.map((_, i) => `[a${i}]`).join('');
  let mix: string;
  if (amixNormalize) {
    mix = `${labels}amix=inputs=${clips.length}:normalize=0[${MIX_LABEL}]`;
  } else {
    // Older amix divides every input by the number of inputs (all stay active: they are
    // padded): multiply back so each clip keeps the volume the creator set.
    mix = `${labels}amix=inputs=${clips.length},volume=${clips.length}[${MIX_LABEL}]`;
  }
  return [...chains, mix].join(';');
}

function clipChain(c: AudioClipPlan): string {
  const f: string[] = [
    `atrim=start=${formatNumber(c.fileStart)}:duration=${formatNumber(c.clipDuration)}`,
    'asetpts=PTS-STARTPTS',
    'aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo',
  ];
  if (c.volume !== 1) f.push(`volume=${formatNumber(c.volume)}`);
  if (c.fadeIn > 0) f.push(`afade=t=in:st=0:d=${formatNumber(c.fadeIn)}`);
  if (c.fadeOut > 0) {
    f.push(`afade=t=out:st=${formatNumber(c.clipDuration - c.fadeOut)}:d=${formatNumber(c.fadeOut)}`);
  }
  if (c.cutStart > 0) f.push(`atrim=start=${formatNumber(c.cutStart)}`, 'asetpts=PTS-STARTPTS');
  if (c.outputStart > 0) {
    // Whole milliseconds (well under a frame): every ffmpeg version parses them.
    const ms = Math.round(c.outputStart * 1000);
    f.push(`adelay=${ms}|${ms}`);
  }
  f.push('apad');
  return f.join(',');
}

/**
 * The flat argument list, in the order fluent-ffmpeg runs it: each input's options and `-i`,
 * `-y` (fluent-ffmpeg adds it for file outputs; a stale `.part` is ours to replace), the
 * filter graph, then the global options (fluent-ffmpeg has no call for them, so they lead the
 * output options; ffmpeg reads global options wherever they stand), the output options and
 * the output path.
 */
export function toArgList(inv: FfmpegInvocation): string[] {
  return [
    ...inv.inputs.flatMap((input) => [...input.options, '-i', input.source]),
    '-y',
    ...(inv.filterComplex !== null ? ['-filter_complex', inv.filterComplex] : []),
    ...inv.globalOptions,
    ...inv.outputOptions,
    inv.output,
  ];
}

export function buildFfmpegArgs(s: EncodeSettings): string[] {
  return toArgList(buildFfmpegInvocation(s));
}

/** What the GIF encoder needs: plain numbers, checked by the caller. */
export interface GifSettings {
  /** Raw frames on stdin. */
  readonly source: { readonly width: number; readonly height: number };
  readonly width: number;
  readonly height: number;
  /** The GIF's frame rate (frames are picked from the render before they reach ffmpeg). */
  readonly fps: number;
  readonly frameCount: number;
  readonly maxColors: number;
  readonly bayerScale: number;
  readonly loop: number;
  readonly outputPath: string;
}

/**
 * An animated GIF in one ffmpeg run: the frames are scaled, split, one branch builds a
 * palette over the whole clip and the other is mapped through it. ffmpeg holds the scaled
 * frames until the palette is known (at the end), so GIFs suit short clips.
 */
export function buildGifInvocation(s: GifSettings): FfmpegInvocation {
  const graph = [
    `[0:v]scale=${s.width}:${s.height}:flags=lanczos,split[frames][forpalette]`,
    `[forpalette]palettegen=max_colors=${s.maxColors}:stats_mode=full[palette]`,
    `[frames][palette]paletteuse=dither=bayer:bayer_scale=${s.bayerScale}[gif]`,
  ].join(';');
  return {
    inputs: [
      {
        options: [
          '-f',
          'rawvideo',
          '-pix_fmt',
          'rgba',
          '-s',
          `${s.source.width}x${s.source.height}`,
          '-r',
          formatNumber(s.fps),
        ],
        source: VIDEO_INPUT,
      },
    ],
    globalOptions: ['-hide_banner', '-loglevel', 'warning', '-stats'],
    filterComplex: graph,
    outputOptions: [
      ...['-map', '[gif]', '-loop', String(s.loop)],
      ...['-t', formatNumber(s.frameCount / s.fps)],
      ...['-f', 'gif'],
    ],
    output: s.outputPath,
  };
}

/**
 * One platform's file from a video stream already encoded for another with the same video
 * settings: the video is copied as it is, and the platform's own audio (bitrate, clips) and
 * metadata are added. A batch encodes identical video once this way.
 */
export function buildRemuxInvocation(s: EncodeSettings, video: string | FfmpegInput): FfmpegInvocation {
  const videoInput: FfmpegInput = typeof video === 'string' ? { options: [], source: video } : video;
  const duration = formatNumber(s.frameCount / s.fps);
  const audioInputs: FfmpegInput[] =
    s.audioClips.length === 0
      ? [{ options: ['-f', 'lavfi'], source: SILENCE_SOURCE }]
      : s.audioClips.map((clip) => ({ options: [], source: clip.file }));
  const filterComplex = s.audioClips.length === 0 ? null : audioGraph(s.audioClips, s.features.amixNormalize);
  const audioMap = filterComplex === null ? '1:a:0' : `[${MIX_LABEL}]`;
  return {
    inputs: [videoInput, ...audioInputs],
    globalOptions: ['-hide_banner', '-loglevel', 'warning'],
    filterComplex,
    outputOptions: [
      ...['-map', '0:v:0', '-map', audioMap, '-c:v', 'copy'],
      ...['-c:a', s.audio.codec, '-b:a', `${s.audio.bitrateKbps}k`],
      ...['-ar', String(s.audio.sampleRate), '-ac', String(s.audio.channels)],
      ...['-t', duration],
      ...(s.faststart ? ['-movflags', '+faststart'] : []),
      ...metadataOptions(s.metadata),
      ...['-f', 'mp4'],
    ],
    output: s.outputPath,
  };
}
