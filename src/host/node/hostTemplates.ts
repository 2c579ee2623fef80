import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { blankProject } from '../../core/edit';
import type { Project } from '../../core/schema';
import { z } from 'zod';
import { projectDuration } from '../../core/timeline';
import type { TemplateSummary } from '../contract';
import { openProjectFile } from './projectFile';
import { releaseAssets, type AssetData } from '../../node/assets';

export const BLANK_TEMPLATE_ID = 'blank';

const TEMPLATE_SUFFIX = '.kindness.json';

export type TemplateLoad =
  | { ok: true; project: Project; assets: Map<string, AssetData> }
  | { ok: false; error: { kind: string; message: string } };

function summary(id: string, project: Project, description: string): TemplateSummary {
  const first = project.scenes[0];
  return {
    id,
    title: project.title,
    description,
    sceneCount: project.scenes.length,
    duration: projectDuration(project),
    // A sample's card shows the middle of its first scene, where its opening idea is set up.
    ...(first === undefined ? {} : { posterTime: first.duration / 2 }),
  };
}

/** What `manifest.json` in the story-templates folder lists for each template (src/core/templates). */
const ManifestSchema = z.object({
  templates: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]{1,80}$/),
      title: z.string().max(200),
      theme: z.string().max(100),
      themeLabel: z.string().max(100),
      description: z.string().max(1000),
      duration: z.number().min(0),
      sceneCount: z.number().int().min(0),
      keyFrame: z.number().min(0).optional(),
    }),
  ),
});

/**
 * The #CreateKindness story templates, from the manifest beside them (no need to open six
 * projects to draw the start screen). None when the folder or its manifest is missing or damaged.
 */
export async function listStoryTemplates(folder: string): Promise<TemplateSummary[]> {
  try {
    const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')));
    return manifest.templates.map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      sceneCount: t.sceneCount,
      duration: t.duration,
      theme: t.theme,
      themeLabel: t.themeLabel,
      ...(t.keyFrame === undefined ? {} : { posterTime: t.keyFrame }),
    }));
  } catch {
    return []; // the start screen still offers the blank project and the samples
  }
}

/**
 * The templates: a blank project, every sample project in `folder`, then the story templates in
 * `storyFolder` (when given).
 */
export async function listTemplates(folder: string, storyFolder?: string): Promise<TemplateSummary[]> {
  const stories = storyFolder === undefined ? [] : await listStoryTemplates(storyFolder);
  const templates = [summary(BLANK_TEMPLATE_ID, blankProject(), 'One empty scene, ready for your idea.')];
  let names: string[] = [];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith(TEMPLATE_SUFFIX)).sort();
  } catch {
    return [...templates, ...stories]; // no samples folder: the blank template still works
  }
  for (const name of names) {
    const opened = await openProjectFile(join(folder, name));
    if (!opened.ok) continue; // a broken sample is skipped rather than breaking the start screen
    await releaseAssets(opened.assets); // only its summary is wanted here
    const firstNote = opened.project.scenes[0]?.notes ?? '';
    templates.push(summary(name.slice(0, -TEMPLATE_SUFFIX.length), opened.project, firstNote));
  }
  return [...templates, ...stories];
}

/** Opens a template by id: a sample in `folder`, else a story template in `storyFolder`. */
export async function loadTemplate(folder: string, id: string, storyFolder?: string): Promise<TemplateLoad> {
  if (id === BLANK_TEMPLATE_ID) return { ok: true, project: blankProject(), assets: new Map() };
  const notFound: TemplateLoad = {
    ok: false,
    error: { kind: 'not-found', message: `There is no template called "${id}".` },
  };
  if (!/^[A-Za-z0-9._-]+$/.test(id) || id.startsWith('.')) return notFound;
  let opened = await openProjectFile(join(folder, `${id}${TEMPLATE_SUFFIX}`));
  if (!opened.ok && opened.error.kind === 'not-found' && storyFolder !== undefined) {
    opened = await openProjectFile(join(storyFolder, `${id}${TEMPLATE_SUFFIX}`));
  }
  if (!opened.ok) return opened.error.kind === 'not-found' ? notFound : { ok: false, error: opened.error };
  return { ok: true, project: opened.project, assets: opened.assets };
}
