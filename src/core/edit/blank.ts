import {
  CURRENT_VERSION,
  PROJECT_FORMAT,
  ProjectSchema,
  SceneSchema,
  type Project,
  type Scene,
} from '../schema';

/** A fresh scene with the schema's defaults (dark background, cut, no elements). */
export function blankScene(id: string, name = ''): Scene {
  return SceneSchema.parse({ id, name, duration: 3 });
}

/** A new project: one empty scene, 1080x1920 at 30 fps, everything else at its default. */
export function blankProject(title = 'Untitled'): Project {
  return ProjectSchema.parse({
    format: PROJECT_FORMAT,
    version: CURRENT_VERSION,
    title,
    scenes: [{ id: 'scene-1', name: 'Scene 1', duration: 3 }],
  });
}
