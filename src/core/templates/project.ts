import type {
  Background,
  CaptionSettings,
  CaptionStyle,
  Element,
  ProjectInput,
  SafetyRegion,
} from '../schema';
import { CURRENT_VERSION, PROJECT_FORMAT } from '../schema';
import type { BundledSafetyDirectory } from '../safety/directory';
import type { TemplateEndCard } from './kit';

/** One storyboard beat of a template. */
export interface Beat {
  id: string;
  name: string;
  duration: number;
  background: Background;
  /** What the beat is for (the incident, its impact, the choice, the kindness, help). */
  notes: string;
  transition?: {
    kind: 'cut' | 'crossfade' | 'slide' | 'wipe';
    duration: number;
    direction?: 'left' | 'right' | 'up' | 'down';
  };
  elements: Element[];
  /** The caption spoken over this beat (placed from 0.3 s to 0.3 s before its end). */
  caption: string;
  captionStyle?: CaptionStyle;
}

export interface TemplateProjectInput {
  title: string;
  beats: Beat[];
  captionSettings: Pick<CaptionSettings, 'fontFamily' | 'fontSize' | 'position'>;
  endCard: TemplateEndCard & { duration: number };
  post: { caption: string; hashtags: string[] };
}

/** The directory entries by id, as the end card prints them; throws on an id not in it. */
function resources(directory: BundledSafetyDirectory, region: SafetyRegion, ids: readonly string[]) {
  return ids.map((id) => {
    const entry = directory.resources.find((r) => r.id === id);
    if (entry === undefined) throw new Error(`The safety directory has no ${id}`);
    if (entry.region !== region && entry.region !== 'global') throw new Error(`${id} is not for ${region}`);
    return { name: entry.name, contact: entry.contact };
  });
}

/** A template's project: its beats become scenes and captions, then its end card. */
export function templateProject(
  input: TemplateProjectInput,
  directory: BundledSafetyDirectory,
): ProjectInput {
  let start = 0;
  const captions = input.beats.map((beat, i) => {
    const cue = {
      id: `cap-${i + 1}`,
      start: Math.round((start + 0.3) * 100) / 100,
      end: Math.round((start + beat.duration - 0.3) * 100) / 100,
      text: beat.caption,
      style: beat.captionStyle ?? 'outline',
    };
    start += beat.duration;
    return cue;
  });
  return {
    format: PROJECT_FORMAT,
    version: CURRENT_VERSION,
    title: input.title,
    video: { width: 1080, height: 1920, fps: 30 },
    scenes: input.beats.map((beat) => ({
      id: beat.id,
      name: beat.name,
      duration: beat.duration,
      background: beat.background,
      notes: beat.notes,
      transition: { direction: 'left', ...(beat.transition ?? { kind: 'cut', duration: 0 }) },
      elements: beat.elements,
    })),
    captions,
    captionSettings: input.captionSettings,
    endCard: {
      enabled: true,
      template: input.endCard.template,
      message: input.endCard.message,
      region: input.endCard.region,
      resources: resources(directory, input.endCard.region, input.endCard.resources),
      handle: 'yourhandle',
      duration: input.endCard.duration,
    },
    audio: [],
    post: input.post,
    review: { status: 'draft', comments: [], shares: [] },
    assets: {},
  };
}

export function gradient(top: string, bottom: string, angle = 0): Background {
  return {
    type: 'gradient',
    angle,
    stops: [
      { offset: 0, color: top },
      { offset: 1, color: bottom },
    ],
  };
}
