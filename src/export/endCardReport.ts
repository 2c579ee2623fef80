import { endCardIssues } from '../core/endCard/readability';
import type { Project } from '../core/schema';
import { timelineOf } from '../core/timeline';
import { measureProjectEndCard } from '../render/endCardText';
import { withProjectRenderer } from './projectRenderer';
import type { AssetMap } from '../node/assets';

/**
 * The end card's readability before an export, measured on the card as the export draws it
 * (full size, the project's pictures): each text's contrast against the pixels behind it and
 * its size. One plain line per problem, for the CLI and the export dialog; empty when the card
 * reads well or there is none.
 */
export async function endCardReport(project: Project, assets: AssetMap): Promise<string[]> {
  if (timelineOf(project).endCardStart === null) return [];
  return withProjectRenderer(project, assets, (renderer) =>
    endCardIssues(measureProjectEndCard(renderer, project), project.video).map(
      (issue) => `End card: ${issue.message}`,
    ),
  );
}
