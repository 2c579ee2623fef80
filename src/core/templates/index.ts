import { ProjectSchema, type Project } from '../schema';
import type { BundledSafetyDirectory } from '../safety/directory';
import { blockTheBullies } from './blockTheBullies';
import { whyWouldYou } from './whyWouldYou';
import { holdOnTo } from './holdOnTo';
import { walkAway } from './walkAway';
import { powerOfWords } from './powerOfWords';
import { whatWeDontSee } from './whatWeDontSee';
import { TEMPLATE_THEMES, type TemplateDefinition } from './types';

export { TEMPLATE_THEMES, type TemplateDefinition, type TemplateTheme } from './types';

/** The story templates, in the order the start screen lists them. */
export const TEMPLATES: readonly TemplateDefinition[] = [
  blockTheBullies,
  whyWouldYou,
  holdOnTo,
  walkAway,
  powerOfWords,
  whatWeDontSee,
];

/** A template's project, built from its definition and the safety directory (for its end card). */
export function buildTemplate(template: TemplateDefinition, directory: BundledSafetyDirectory): Project {
  return ProjectSchema.parse(template.build(directory));
}

/** One start-screen card: what `resources/templates/manifest.json` lists for each template. */
export interface TemplateManifestEntry {
  id: string;
  title: string;
  theme: string;
  themeLabel: string;
  description: string;
  /** Seconds, end card included. */
  duration: number;
  sceneCount: number;
  /** The poster frame (seconds). */
  keyFrame: number;
  /** The project file, beside the manifest. */
  file: string;
}

export function templateManifest(directory: BundledSafetyDirectory): { templates: TemplateManifestEntry[] } {
  return {
    templates: TEMPLATES.map((t) => {
      const project = buildTemplate(t, directory);
      const scenes = project.scenes.reduce((sum, s) => sum + s.duration, 0);
      return {
        id: t.id,
        title: t.title,
        theme: t.theme,
        themeLabel: TEMPLATE_THEMES.find((th) => th.id === t.theme)?.label ?? t.theme,
        description: t.description,
        duration:
          Math.round((scenes + (project.endCard?.enabled ? project.endCard.duration : 0)) * 100) / 100,
        sceneCount: project.scenes.length,
        keyFrame: t.keyFrame,
        file: `${t.id}.kindness.json`,
      };
    }),
  };
}
