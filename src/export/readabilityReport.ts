import type { SafeZoneChoice } from '../core/captions';
import type { Project } from '../core/schema';
import { captionReport, formatCaptionReportLine } from './captionReport';
import { endCardReport } from './endCardReport';

/**
 * The readability problems an export is about to burn in, one plain line each: every caption's
 * (reading speed, lines, contrast on the rendered frame, the platform's safe zone) and the end
 * card's. The CLI prints them before it exports; a studio export adds them to each output's
 * warnings, so the editor's live checks are made again at export.
 */
export async function readabilityReport(
  project: Project,
  assets: ReadonlyMap<string, Uint8Array>,
  safeZone: SafeZoneChoice,
): Promise<string[]> {
  const captions = await captionReport(project, assets, { safeZones: [safeZone] });
  return [...captions.map(formatCaptionReportLine), ...(await endCardReport(project, assets))];
}
