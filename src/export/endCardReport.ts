import { endCardIssues } from '../core/endCard/readability';
import { projectTexts } from '../core/projectTexts';
import type { Project } from '../core/schema';
import { timelineOf } from '../core/timeline';
import { installKonvaNodeBackend } from '../render/backends/node';
import { measureProjectEndCard } from '../render/endCardText';
import { createRenderer } from '../render/renderer';
import { decodeImages } from './projectFrameSource';

/**
 * The end card's readability before an export, measured on the card as the export draws it
 * (full size, the project's pictures): each text's contrast against the pixels behind it and
 * its size. One plain line per problem, for the CLI and the export dialog; empty when the card
 * reads well or there is none.
 */
export async function endCardReport(
  project: Project,
  assets: ReadonlyMap<string, Uint8Array>,
): Promise<string[]> {
  if (timelineOf(project).endCardStart === null) return [];
  const backend = installKonvaNodeBackend(projectTexts(project));
  const images = await decodeImages(project, assets, backend, undefined);
  const renderer = createRenderer({
    width: project.video.width,
    height: project.video.height,
    backend,
    images: (assetId) => images.get(assetId) ?? null,
  });
  try {
    return endCardIssues(measureProjectEndCard(renderer, project), project.video).map(
      (issue) => `End card: ${issue.message}`,
    );
  } finally {
    renderer.destroy();
  }
}
