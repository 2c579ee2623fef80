import { parseHashtag } from '../post';
import type { Project } from '../schema';

/** Post-text commands: each a new Project (the same one when nothing changes), so undoable. */

export const MAX_POST_CAPTION = 2200;
export const MAX_POST_HASHTAGS = 30;

export function setPostCaption(project: Project, caption: string): Project {
  const next = caption.slice(0, MAX_POST_CAPTION);
  return next === project.post.caption ? project : { ...project, post: { ...project.post, caption: next } };
}

/** Adds a hashtag at the end (typed with or without '#'); nothing when invalid, present or full. */
export function addHashtag(project: Project, typed: string): Project {
  const parsed = parseHashtag(typed);
  if (!('tag' in parsed)) return project;
  const tags = project.post.hashtags;
  if (tags.length >= MAX_POST_HASHTAGS) return project;
  if (tags.some((t) => t.toLocaleLowerCase() === parsed.tag.toLocaleLowerCase())) return project;
  return { ...project, post: { ...project.post, hashtags: [...tags, parsed.tag] } };
}

export function removeHashtag(project: Project, tag: string): Project {
  const tags = project.post.hashtags.filter((t) => t !== tag);
  return tags.length === project.post.hashtags.length
    ? project
    : { ...project, post: { ...project.post, hashtags: tags } };
}
