import { checkCaption, lowContrastIssue, safeZoneIssue, type SafeZoneChoice } from '../core/captions';
import type { Project } from '../core/schema';
import { measureCaptionContrastOverTime } from '../render/caption/contrast';
import { withProjectRenderer } from './projectRenderer';
import type { AssetMap } from '../node/assets';

export interface CaptionReportLine {
  readonly captionId: string;
  readonly start: number;
  readonly text: string;
  readonly code: string;
  readonly message: string;
}

export interface CaptionReportOptions {
  /** The platforms whose safe zones the captions must stay inside (default: the box clear on all). */
  readonly safeZones?: readonly SafeZoneChoice[];
}

/**
 * Every caption's readability problems before an export: reading speed, lines, time on
 * screen (the core's checks, at the project's audience), the contrast of the text against
 * what it is read on (its outline, box or shadow over the rendered picture; see the rule in
 * core/captions/contrast.ts) at its worst moment on screen, and whether its rendered box stays
 * inside each target platform's safe zone. The export dialog and the CLI both show this list.
 */
export async function captionReport(
  project: Project,
  assets: AssetMap,
  options: CaptionReportOptions = {},
): Promise<CaptionReportLine[]> {
  const safeZones = options.safeZones ?? ['all'];
  const lines: CaptionReportLine[] = [];
  if (project.captions.length === 0) return lines;
  const audience = project.captionSettings.audience ?? 'general';
  await withProjectRenderer(project, assets, async (renderer) => {
    for (const [index, cue] of project.captions.entries()) {
      // The canvas's pixel copies are freed by finalizers that run between turns of the event
      // loop: give them a turn now and then, so memory stays flat however many captions there are.
      if (index % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
      const found: { code: string; message: string }[] = checkCaption(cue, { audience });
      if (cue.end > cue.start) {
        const contrast = measureCaptionContrastOverTime(renderer, project, cue);
        if (contrast !== null) {
          // One line per caption for the safe zone: the first target platform it leaves.
          const outside = safeZones
            .map((zone) => safeZoneIssue(contrast.inkBox, zone, project.video))
            .find((issue) => issue !== null);
          if (outside !== undefined && outside !== null) found.push(outside);
          const issue = lowContrastIssue(contrast);
          if (issue !== null) found.push(issue);
        }
      }
      for (const f of found) lines.push({ captionId: cue.id, start: cue.start, text: cue.text, ...f });
    }
  });
  return lines;
}

/** One report line as the CLI prints it: where the caption is, what it says, what is wrong. */
export function formatCaptionReportLine(line: CaptionReportLine): string {
  const minutes = Math.floor(line.start / 60);
  const seconds = (line.start - minutes * 60).toFixed(1).padStart(4, '0');
  const text = line.text.replace(/\s+/g, ' ');
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return `Caption at ${minutes}:${seconds} (“${short}”): ${line.message}`;
}
