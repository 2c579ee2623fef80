import type { Element, Project } from '../../schema';
import type { PathSegment } from '../docPath';

/** Visits every element of every scene, depth first (group children after their group). */
export function forEachElement(
  project: Project,
  visit: (element: Element, path: readonly PathSegment[]) => void,
): void {
  const walk = (elements: readonly Element[], prefix: readonly PathSegment[]): void => {
    elements.forEach((element, index) => {
      const path = [...prefix, index];
      visit(element, path);
      if (element.kind === 'group') walk(element.children, [...path, 'children']);
    });
  };
  project.scenes.forEach((scene, index) => walk(scene.elements, ['scenes', index, 'elements']));
}
