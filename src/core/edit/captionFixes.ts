import {
  CAPTION_LIMITS,
  graphemeCount,
  nearestSafePosition,
  type CaptionAudience,
  type CaptionIssueCode,
} from '../captions';
import type { Project } from '../schema';
import { findCaption, retimeCaption, setCaptionSettings, setCaptionStyle, splitCaption } from './captions';

/** A readability problem's one-click fix, named the way the button says it. */
export interface CaptionFix {
  readonly label: string;
  readonly apply: (project: Project, captionId: string) => Project;
}

/** Rounded up to a tenth of a second, so the fixed caption clears the limit it was under. */
const upToTenth = (t: number): number => Math.ceil(t * 10 - 1e-9) / 10;

/** Lengthens a caption to `seconds`: later end first, then (blocked by the next caption or the video's end) an earlier start. */
function showFor(seconds: (project: Project, captionId: string) => number): CaptionFix['apply'] {
  return (project, captionId) => {
    const cue = findCaption(project, captionId);
    if (cue === null) return project;
    const needed = seconds(project, captionId);
    const later = retimeCaption(project, captionId, { end: cue.start + needed });
    const stretched = findCaption(later, captionId);
    if (stretched === null || stretched.end - stretched.start >= needed - 1e-6) return later;
    return retimeCaption(later, captionId, { start: stretched.end - needed });
  };
}

function splitInTwo(project: Project, captionId: string): Project {
  const cue = findCaption(project, captionId);
  return cue === null ? project : splitCaption(project, captionId, (cue.start + cue.end) / 2).project;
}

/** Seconds a caption needs to be read at the audience's speed. */
export function secondsToRead(text: string, audience: CaptionAudience = 'general'): number {
  const speed =
    audience === 'children' ? CAPTION_LIMITS.maxCharsPerSecondChildren : CAPTION_LIMITS.maxCharsPerSecond;
  return graphemeCount(text.trim().replace(/\s+/g, ' ')) / speed;
}

/**
 * The fix for each readability problem that has one. Extending stops at the next caption; what
 * the fix could not reach shows up again in the live check, so nothing claims to be fixed when
 * it is not.
 */
export function captionFixFor(code: CaptionIssueCode): CaptionFix | null {
  switch (code) {
    case 'too-fast':
      return {
        label: 'Show it longer',
        apply: showFor((project, id) => {
          const cue = findCaption(project, id);
          const audience = project.captionSettings.audience ?? 'general';
          return cue === null
            ? 0
            : Math.max(CAPTION_LIMITS.minSeconds, upToTenth(secondsToRead(cue.text, audience)));
        }),
      };
    case 'too-short':
      return {
        label: `Show it for ${CAPTION_LIMITS.minSeconds} s`,
        apply: showFor(() => CAPTION_LIMITS.minSeconds),
      };
    case 'too-long':
    case 'too-many-lines':
    case 'line-too-long':
      return { label: 'Split in two', apply: splitInTwo };
    case 'low-contrast':
      return { label: 'Add a box', apply: (project, id) => setCaptionStyle(project, id, 'box') };
    case 'outside-safe-zone':
      // Captions are placed together, so all of them move: to the nearest preset position,
      // which sits inside the box clear on every platform.
      return {
        label: 'Move inside the safe zone',
        apply: (project) =>
          setCaptionSettings(project, { position: nearestSafePosition(project.captionSettings) }),
      };
    default:
      return null;
  }
}
