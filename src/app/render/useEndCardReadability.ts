import { onBeforeUnmount, shallowRef, watch, type ShallowRef } from 'vue';
import { endCardIssues, type EndCardIssue } from '../../core/endCard';
import type { Project } from '../../core/schema';
import { measureProjectEndCard } from '../../render';
import { createRenderer, type Renderer } from '../../render/renderer';
import { useDocument } from '../stores/document';
import { imagesVersion } from './assetImages';
import { fontsVersion } from './fonts';
import { useImages } from './useImages';

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
  let renderer: Renderer | null = null;
  let rendererFor: { width: number; height: number; images: unknown } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function rendererAt(project: Project): Renderer {
    const width = Math.max(2, Math.round(project.video.width * SCALE));
    const height = Math.max(2, Math.round(project.video.height * SCALE));
    const source = images.value;
    if (
      renderer === null ||
      rendererFor?.width !== width ||
      rendererFor.height !== height ||
      rendererFor.images !== source
    ) {
      renderer?.destroy();
      renderer = createRenderer({ width, height, pixelRatio: 1, ...(source ? { images: source } : {}) });
      rendererFor = { width, height, images: source };
    }
    return renderer;
  }

  function measure(): void {
    timer = null;
    const project = documentStore.project;
    if (project === null || project.endCard?.enabled !== true) {
      issues.value = [];
      return;
    }
    const r = rendererAt(project);
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
    renderer?.destroy();
    renderer = null;
  });
  return issues;
}
