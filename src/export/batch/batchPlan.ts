import type { Project } from '../../core/schema';
import { exportFps, exportSize } from '../encodeSettings';
import {
  gifFrameStep,
  outputPreset,
  type ExportPreset,
  type OutputPreset,
  type OutputPresetId,
} from '../presets';

/** One file a batch makes. */
export interface BatchOutputRequest {
  /** Names the output in progress reports and cancel requests (e.g. the preset id). */
  readonly id: string;
  /** A preset by id, or a video preset of the caller's own (a draft with its own watermark). */
  readonly preset: OutputPresetId | ExportPreset;
  /** The finished file's path; `NAME.part` is written first. */
  readonly outputPath: string;
}

export interface PlannedOutput {
  readonly request: BatchOutputRequest;
  readonly preset: OutputPreset;
  readonly width: number;
  readonly height: number;
  /** The output's own frame rate (a GIF's is a fraction of its group's). */
  readonly fps: number;
  /** Every `step`-th rendered frame goes to this output (1 for videos). */
  readonly step: number;
}

/**
 * Outputs drawn by one renderer: the same frame rate and the same overlay (a draft's
 * watermark is drawn into its frames, so a draft cannot share frames with a clean upload).
 * The render is at the largest output's size; ffmpeg scales it for the smaller ones.
 */
export interface RenderGroup {
  readonly fps: number;
  readonly watermark: string | null;
  readonly width: number;
  readonly height: number;
  readonly outputs: readonly PlannedOutput[];
}

/** The id of a request's preset (its own preset carries one too). */
export function presetIdOf(request: BatchOutputRequest): OutputPresetId {
  return typeof request.preset === 'string' ? request.preset : request.preset.id;
}

/** Groups the outputs so that each frame is drawn once per distinct look, in request order. */
export function planBatch(project: Project, requests: readonly BatchOutputRequest[]): RenderGroup[] {
  interface Draft {
    fps: number;
    watermark: string | null;
    members: { request: BatchOutputRequest; preset: OutputPreset; width: number; height: number }[];
  }
  const groups: Draft[] = [];
  const gifs: BatchOutputRequest[] = [];
  for (const request of requests) {
    const preset = typeof request.preset === 'string' ? outputPreset(request.preset) : request.preset;
    if (preset.id === 'gif') {
      gifs.push(request);
      continue;
    }
    const video = preset as Exclude<OutputPreset, { id: 'gif' }>;
    const fps = exportFps(project, video);
    const size = exportSize(project, video);
    let group = groups.find((g) => g.fps === fps && g.watermark === video.watermark);
    if (group === undefined) {
      group = { fps, watermark: video.watermark, members: [] };
      groups.push(group);
    }
    group.members.push({ request, preset, ...size });
  }
  for (const request of gifs) {
    const preset = outputPreset('gif');
    const size = gifSize(project, preset.width);
    // A GIF picks frames from a clean render when there is one; otherwise it gets its own.
    let group = groups.find((g) => g.watermark === null);
    if (group === undefined) {
      group = { fps: Math.min(120, Math.max(1, project.video.fps)), watermark: null, members: [] };
      groups.push(group);
    }
    group.members.push({ request, preset, ...size });
  }
  return groups.map((g) => {
    const largest = g.members.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    return {
      fps: g.fps,
      watermark: g.watermark,
      width: largest.width,
      height: largest.height,
      outputs: g.members.map((m) => {
        if (m.preset.id !== 'gif') return { ...m, fps: g.fps, step: 1 };
        const { step, fps } = gifFrameStep(g.fps, m.preset.maxFps);
        return { ...m, fps, step };
      }),
    };
  });
}

/** The GIF's size: `width` wide (never wider than the project), the project's aspect, even sides. */
export function gifSize(project: Project, width: number): { width: number; height: number } {
  const w = Math.min(width, project.video.width);
  const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));
  return { width: even(w), height: even((w * project.video.height) / project.video.width) };
}
