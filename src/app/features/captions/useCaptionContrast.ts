import { onBeforeUnmount, watch } from 'vue';
import { lowContrastIssue, safeZoneIssue, type CaptionIssue } from '../../../core/captions';
import { measureCaptionContrastOverTime } from '../../../render';
import { useCanvas } from '../canvas/stores/canvas';
import { useCaptions } from './stores/captions';
import { useDocument } from '../../state/document';
import { imagesVersion } from '../../render/assetImages';
import { offscreenRenderer } from '../../render/offscreenRenderer';
import { fontsVersion } from '../../render/fonts';
import { useImages } from '../../render/useImages';

/** How long editing pauses before the pictures behind the captions are measured again. */
const SETTLE_MS = 400;
/** An off-screen canvas a quarter of the frame: plenty to judge contrast, cheap to draw. */
const SCALE = 0.25;
/** A project with more captions is measured at export (the CLI and the export dialog) instead. */
const MAX_MEASURED = 300;

/**
 * Measures, a moment after each edit, how well every caption stands out from the picture
 * behind it (over its whole time on screen, by the export's rule and renderer) and whether
 * its rendered box stays inside the chosen platform's safe zone, and
 * hands the problems to the caption store as readability problems.
 */
export function useCaptionContrast(): void {
  const documentStore = useDocument();
  const captions = useCaptions();
  const canvas = useCanvas();
  const images = useImages();
  const offscreen = offscreenRenderer(SCALE, images);
  let timer: ReturnType<typeof setTimeout> | null = null;

  function measure(): void {
    timer = null;
    const project = documentStore.project;
    if (project === null || project.captions.length === 0 || project.captions.length > MAX_MEASURED) {
      captions.setContrastIssues(new Map());
      return;
    }
    const r = offscreen.at(project);
    r.invalidate();
    const found = new Map<string, CaptionIssue[]>();
    for (const cue of project.captions) {
      if (!(cue.end > cue.start)) continue;
      const contrast = measureCaptionContrastOverTime(r, project, cue);
      if (contrast === null) continue;
      const issues = [
        safeZoneIssue(contrast.inkBox, canvas.safeZonePlatform, project.video),
        lowContrastIssue(contrast),
      ].filter((issue): issue is CaptionIssue => issue !== null);
      if (issues.length > 0) found.set(cue.id, issues);
    }
    captions.setContrastIssues(found);
  }

  function schedule(): void {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(measure, SETTLE_MS);
  }

  watch(() => documentStore.project, schedule, { immediate: true });
  watch([fontsVersion, imagesVersion, images, () => canvas.safeZonePlatform], schedule);
  onBeforeUnmount(() => {
    if (timer !== null) clearTimeout(timer);
    offscreen.destroy();
  });
}
