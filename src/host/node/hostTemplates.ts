import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { blankProject } from '../../core/edit';
import type { Project } from '../../core/schema';
import { projectDuration } from '../../core/timeline';
import type { TemplateSummary } from '../contract';
import { openProjectFile } from './projectFile';

export const BLANK_TEMPLATE_ID = 'blank';

const TEMPLATE_SUFFIX = '.kindness.json';

export type TemplateLoad =
  | { ok: true; project: Project; assets: Map<string, Buffer> }
  | { ok: false; error: { kind: string; message: string } };

function summary(id: string, project: Project, description: string): TemplateSummary {
  return {
    id,
    title: project.title,
    description,
    sceneCount: project.scenes.length,
    duration: projectDuration(project),
  };
}

/** The templates: a blank project, then every sample project in `folder`. */
export async function listTemplates(folder: string): Promise<TemplateSummary[]> {
  const templates = [summary(BLANK_TEMPLATE_ID, blankProject(), 'One empty scene, ready for your idea.')];
  let names: string[] = [];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith(TEMPLATE_SUFFIX)).sort();
  } catch {
    return templates; // no samples folder: the blank template still works
  }
  for (const name of names) {
    const opened = await openProjectFile(join(folder, name));
    if (!opened.ok) continue; // a broken sample is skipped rather than breaking the start screen
    const firstNote = opened.project.scenes[0]?.notes ?? '';
    templates.push(summary(name.slice(0, -TEMPLATE_SUFFIX.length), opened.project, firstNote));
  }
  return templates;
}

export async function loadTemplate(folder: string, id: string): Promise<TemplateLoad> {
  if (id === BLANK_TEMPLATE_ID) return { ok: true, project: blankProject(), assets: new Map() };
  const notFound: TemplateLoad = {
    ok: false,
    error: { kind: 'not-found', message: `There is no template called "${id}".` },
  };
  if (!/^[A-Za-z0-9._-]+$/.test(id) || id.startsWith('.')) return notFound;
  const opened = await openProjectFile(join(folder, `${id}${TEMPLATE_SUFFIX}`));
  if (!opened.ok) return opened.error.kind === 'not-found' ? notFound : { ok: false, error: opened.error };
  return { ok: true, project: opened.project, assets: opened.assets };
}
