import { onBeforeUnmount, shallowRef, watch, type ShallowRef } from 'vue';
import { endCardIssues, type EndCardIssue } from '../../../core/endCard';
import { measureProjectEndCard } from '../../../render';
import { useDocument } from '../../state/document';
import { imagesVersion } from '../../render/assetImages';
import { offscreenRenderer } from '../../render/offscreenRenderer';
import { fontsVersion } from '../../render/fonts';
import { useImages } from '../../render/useImages';

/** How long editing pauses before the card is drawn and measured again. */
const SETTLE_MS = 300;
/** An off-screen canvas half the frame: enough to judge the pixels behind small text. */
const SCALE = 0.5;

/**
 * The end card's readability measured on its rendered pixels (each text's contrast against
 * what is drawn behind it, and its size), a moment after each edit, with the export's
 * renderer. Null until the first measurement (the caller falls back to the colour model).
 */
export function useEndCardReadability(): ShallowRef<EndCardIssue[] | null> {
  const documentStore = useDocument();
  const images = useImages();
  const issues = shallowRef<EndCardIssue[] | null>(null);
  const offscreen = offscreenRenderer(SCALE, images);
  let timer: ReturnType<typeof setTimeout> | null = null;

  function measure(): void {
    timer = null;
    const project = documentStore.project;
    if (project === null || project.endCard?.enabled !== true) {
      issues.value = [];
      return;
    }
    const r = offscreen.at(project);
    r.invalidate();
    issues.value = endCardIssues(measureProjectEndCard(r, project), project.video);
  }

  function schedule(): void {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(measure, SETTLE_MS);
  }

  watch(() => [documentStore.project?.endCard, documentStore.project?.video], schedule, { immediate: true });
  watch([fontsVersion, imagesVersion, images], schedule);
  onBeforeUnmount(() => {
    if (timer !== null) clearTimeout(timer);
    offscreen.destroy();
  });
  return issues;
}
