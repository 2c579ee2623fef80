import { FONT_FAMILIES, KNOWN_FONT_FAMILIES } from '../../fonts';
import type { Project } from '../../schema';
import { formatPath, type PathSegment } from '../docPath';
import type { Repair } from '../types';
import { forEachElement } from './walk';

/** The shipped family with this name (any letter case), or undefined. */
function knownFamily(name: string): string | undefined {
  const lower = name.trim().toLowerCase();
  return KNOWN_FONT_FAMILIES.find((family) => family.toLowerCase() === lower);
}

/** Returns the family to use and adds a repair when `family` is not one the app ships. */
function checkFamily(
  family: string,
  fallback: string,
  path: readonly PathSegment[],
  repairs: Repair[],
): string {
  if (KNOWN_FONT_FAMILIES.includes(family)) return family;
  const match = knownFamily(family);
  const replacement = match ?? fallback;
  repairs.push({
    path: formatPath(path),
    message:
      match !== undefined
        ? `font "${family}" written as "${match}"`
        : `the font "${family}" is not available in Kindness Studio; using "${fallback}" instead`,
  });
  return replacement;
}

/**
 * Text may only use the fonts the app ships: a system font would look different (or be missing)
 * on another machine and in the export. Unknown families fall back to each field's default.
 */
export function replaceUnknownFonts(project: Project): Repair[] {
  const repairs: Repair[] = [];
  forEachElement(project, (element, path) => {
    if (element.kind === 'text' || element.kind === 'bubble') {
      element.fontFamily = checkFamily(
        element.fontFamily,
        FONT_FAMILIES.text,
        [...path, 'fontFamily'],
        repairs,
      );
    }
  });
  const settings = project.captionSettings;
  settings.fontFamily = checkFamily(
    settings.fontFamily,
    FONT_FAMILIES.display,
    ['captionSettings', 'fontFamily'],
    repairs,
  );
  return repairs;
}
