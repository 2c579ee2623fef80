import path from 'node:path';
import type { Project } from '../../core/schema';
import { ffmpegFeaturesFor, rawFrameBytes, type EncodeSettings, type InputPixFmt } from '../encodeSettings';
import type { Encoder } from '../encoder/encoder';
import { createFluentEncoder } from '../encoder/fluentEncoder';
import { writeFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Chunk } from '../chunks/chunkPlan';
import {
  buildChunkInvocation,
  buildFfmpegInvocation,
  buildGifInvocation,
  buildRemuxInvocation,
  concatInput,
  concatList,
  toArgList,
  withCheckStream,
  type FfmpegInvocation,
} from '../ffmpeg/args';
import type { FoundFfmpeg } from '../ffmpeg/discover';
import type { ExportPreset } from '../presets';
import { postText } from '../sidecars/postText';
import type { RenderGroup } from './batchPlan';
import type { OutputRun } from './outputRun';
import { SharedVideo } from './sharedVideo';
import { startStreamCheck, type StreamCheck } from '../verify/streamCheck';

/** What the encoder stage needs to know about one render group's run. */
export interface EncoderStageInput {
  readonly group: RenderGroup;
  /** The outputs still wanted. */
  readonly runs: readonly OutputRun[];
  /** Frames rendered for the group (before any output's frame step). */
  readonly renderedCount: number;
  readonly audioClips: EncodeSettings['audioClips'];
  readonly ffmpeg: FoundFfmpeg;
  readonly project: Project;
  /** Where shared videos are made before each output adds its sound. */
  readonly tempDir: string;
  readonly log: (line: string) => void;
}

/**
 * The encoder stage: starts one ffmpeg per distinct video and ties each output to it. Outputs
 * whose video settings are identical (TikTok, Reels and Shorts today) share one video encode;
 * each then gets its own audio and metadata around a copy of that video. Every encoder started
 * here is stopped by its outputs' `settle()`, whatever happens next.
 */
export function startEncoders(input: EncoderStageInput): void {
  const { group, renderedCount, audioClips, ffmpeg, project, tempDir, log } = input;
  const encoderFor = (
    label: string,
    invocation: FfmpegInvocation,
    pixFmt: InputPixFmt,
    onOutput?: (stdout: Readable) => void,
  ): Encoder => {
    log(`ffmpeg (${label}) ${toArgList(invocation).join(' ')}`);
    return createFluentEncoder({
      ffmpegPath: ffmpeg.path,
      invocation,
      frameBytes: rawFrameBytes(pixFmt, group.width, group.height),
      onLogLine: (line) => log(`ffmpeg (${label}): ${line}`),
      onOutput,
    });
  };
  for (const members of sameVideo(input.runs)) {
    if (members.length === 1) {
      const run = members[0] as OutputRun;
      const invocation = invocationFor(run, group, renderedCount, audioClips, ffmpeg, project);
      // A video with an encode of its own is decoded while it is encoded (verify/streamCheck.ts).
      if (run.planned.preset.id !== 'gif' && ffmpegFeaturesFor(ffmpeg.version).checkWhileEncoding) {
        let check: StreamCheck | null = null;
        // The encoder hands over its stdout only once it has started, inside run.begin.
        const encoder = encoderFor(run.id, withCheckStream(invocation), run.pixFmt, (stdout) =>
          check?.feed(stdout),
        );
        // Started once nothing can throw before the run owns it (its stop() ends the checker).
        check = startStreamCheck(ffmpeg.path);
        run.begin(renderedCount, encoder, ffmpeg.path, log, check);
        continue;
      }
      run.begin(renderedCount, encoderFor(run.id, invocation, run.pixFmt), ffmpeg.path, log);
      continue;
    }
    const first = members[0] as OutputRun;
    const videoFile = path.join(tempDir, `video-${first.id}.mp4`);
    const invocation = buildFfmpegInvocation({
      ...encodeSettingsFor(first, group, renderedCount, [], ffmpeg, project),
      metadata: { title: '', comment: '', description: '' },
      faststart: false,
      outputPath: videoFile,
    });
    const label = members.map((m) => m.id).join('+');
    const shared = new SharedVideo(
      [encoderFor(label, invocation, 'yuv420p')],
      { options: [], source: videoFile },
      videoFile,
    );
    for (const run of members) {
      const settings = encodeSettingsFor(run, group, renderedCount, audioClips, ffmpeg, project);
      run.beginShared(renderedCount, shared, buildRemuxInvocation(settings, videoFile), ffmpeg.path, log);
    }
  }
}

/**
 * The encoder stage of a chunked export (video outputs only): for each distinct video, one
 * ffmpeg per chunk, each encoding its chunk's frames to its own file in `tempDir` with the very
 * settings of a single pass. The outputs then share that video as they would share one encode:
 * each joins the chunk files without re-encoding and adds its sound. Returns the videos, whose
 * `sinkOf(chunk)` takes the chunk's frames.
 */
export function startChunkedEncoders(input: EncoderStageInput, chunks: readonly Chunk[]): SharedVideo[] {
  const { group, renderedCount, audioClips, ffmpeg, project, tempDir, log } = input;
  const videos: SharedVideo[] = [];
  sameVideo(input.runs).forEach((members, v) => {
    const first = members[0] as OutputRun;
    if (first.planned.preset.id === 'gif') throw new Error('a GIF cannot be made in chunks');
    const names = chunks.map((c) => `video-${v}-chunk-${c.index}.mp4`);
    const encoders = chunks.map((chunk, c) => {
      const invocation = buildChunkInvocation({
        ...encodeSettingsFor(first, group, chunk.count, [], ffmpeg, project),
        outputPath: path.join(tempDir, names[c] as string),
      });
      const label = `${members.map((m) => m.id).join('+')} chunk ${chunk.index + 1}/${chunks.length}`;
      log(`ffmpeg (${label}) ${toArgList(invocation).join(' ')}`);
      return createFluentEncoder({
        ffmpegPath: ffmpeg.path,
        invocation,
        frameBytes: rawFrameBytes('yuv420p', group.width, group.height),
        onLogLine: (line) => log(`ffmpeg (${label}): ${line}`),
      });
    });
    const listFile = path.join(tempDir, `video-${v}-chunks.txt`);
    // Written before the encoders start: the names are known, and a failure here throws early.
    writeFileSync(listFile, concatList(names));
    const joined = concatInput(listFile);
    const video = new SharedVideo(encoders, joined, path.join(tempDir, `video-${v}.mp4`));
    for (const run of members) {
      const settings = encodeSettingsFor(run, group, renderedCount, audioClips, ffmpeg, project);
      run.beginShared(renderedCount, video, buildRemuxInvocation(settings, joined), ffmpeg.path, log);
    }
    videos.push(video);
  });
  return videos;
}

function invocationFor(
  run: OutputRun,
  group: RenderGroup,
  renderedCount: number,
  audioClips: EncodeSettings['audioClips'],
  ffmpeg: FoundFfmpeg,
  project: Project,
): FfmpegInvocation {
  const { planned } = run;
  const source = { width: group.width, height: group.height };
  if (planned.preset.id === 'gif') {
    return buildGifInvocation({
      source,
      width: planned.width,
      height: planned.height,
      fps: planned.fps,
      frameCount: Math.ceil(renderedCount / planned.step),
      maxColors: planned.preset.maxColors,
      bayerScale: planned.preset.bayerScale,
      loop: planned.preset.loop,
      outputPath: run.partPath,
    });
  }
  return buildFfmpegInvocation(encodeSettingsFor(run, group, renderedCount, audioClips, ffmpeg, project));
}

function encodeSettingsFor(
  run: OutputRun,
  group: RenderGroup,
  renderedCount: number,
  audioClips: EncodeSettings['audioClips'],
  ffmpeg: FoundFfmpeg,
  project: Project,
): EncodeSettings {
  const { planned } = run;
  const source = { width: group.width, height: group.height };
  const preset = planned.preset as ExportPreset;
  const post = postText(project.post, preset.platform);
  return {
    width: planned.width,
    height: planned.height,
    source,
    inputPixFmt: run.pixFmt,
    fps: planned.fps,
    frameCount: renderedCount,
    video: preset.video,
    audio: preset.audio,
    faststart: preset.faststart,
    audioClips,
    metadata: { title: project.title, comment: post.text, description: post.text },
    outputPath: run.partPath,
    features: ffmpegFeaturesFor(ffmpeg.version),
  };
}

/** Video outputs with identical video settings, grouped (GIFs each stand alone). */
function sameVideo(runs: readonly OutputRun[]): OutputRun[][] {
  const groups = new Map<string, OutputRun[]>();
  for (const run of runs) {
    const p = run.planned;
    const key =
      p.preset.id === 'gif'
        ? `gif:${run.id}`
        : JSON.stringify([p.width, p.height, p.fps, (p.preset as ExportPreset).video]);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()];
}
