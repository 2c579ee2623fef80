import type { Project } from '../schema';

export const MAX_TITLE_LENGTH = 200;

/** Renames the project (the title shows on the start screen and names new files). */
export function setTitle(project: Project, title: string): Project {
  const next = title.slice(0, MAX_TITLE_LENGTH);
  return next === project.title ? project : { ...project, title: next };
}
