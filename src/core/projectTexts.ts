import type { Element, Project } from './schema';

function* elementTexts(elements: readonly Element[]): Generator<string> {
  for (const el of elements) {
    if (el.kind === 'text' || el.kind === 'bubble') yield el.text;
    else if (el.kind === 'group') yield* elementTexts(el.children);
  }
}

/** Every piece of text the project draws: elements, captions and the end card. */
export function* projectTexts(project: Project): Generator<string> {
  for (const scene of project.scenes) yield* elementTexts(scene.elements);
  for (const caption of project.captions) yield caption.text;
  const card = project.endCard;
  if (card) {
    yield card.message;
    yield card.handle;
    for (const resource of card.resources) yield `${resource.name} ${resource.contact}`;
  }
}
