import type { SafeZoneChoice } from '../core/captions';
import { videoLengthWarning } from '../core/platform/videoLength';
import type { Project } from '../core/schema';
import { projectDuration } from '../core/timeline/timeline';
import { captionReport, formatCaptionReportLine } from './captionReport';
import { endCardReport } from './endCardReport';
import type { AssetMap } from '../node/assets';

/**
 * The readability problems an export is about to burn in, one plain line each (after a warning
 * when the video is longer than every platform takes): every caption's
 * (reading speed, lines, contrast on the rendered frame, the platform's safe zone) and the end
 * card's. The CLI prints them before it exports; a studio export adds them to each output's
 * warnings, so the editor's live checks are made again at export.
 */
export async function readabilityReport(
  project: Project,
  assets: AssetMap,
  safeZone: SafeZoneChoice,
): Promise<string[]> {
  // The length first: a video no platform takes is worth knowing before anything else.
  const length = videoLengthWarning(projectDuration(project));
  const captions = await captionReport(project, assets, { safeZones: [safeZone] });
  return [
    ...(length === null ? [] : [length]),
    ...captions.map(formatCaptionReportLine),
    ...(await endCardReport(project, assets)),
  ];
}
