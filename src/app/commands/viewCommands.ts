import { useCanvas } from '../features/canvas/stores/canvas';
import { useDrawing } from '../features/canvas/stores/drawing';
import { useReview } from '../features/review/stores/review';
import { usePlayback } from '../state/playback';
import { useWorkspace } from '../state/workspace';
import { usePalette } from './palette';
import { editing, reviewing } from './predicates';
import type { Command } from './types';

/** Full screen for the review player (the section the player draws in). */
async function toggleReviewFullscreen(): Promise<void> {
  if (document.fullscreenElement) await document.exitFullscreen();
  else await document.querySelector<HTMLElement>('section.review-player')?.requestFullscreen();
}

/** The View menu, the command palette, and review mode's own keys. */
export const VIEW_COMMANDS: readonly Command[] = [
  {
    id: 'view.zoomIn',
    label: 'Zoom In',
    keys: ['Mod+=', 'Mod+Plus'],
    inFields: true,
    when: editing,
    menu: { name: 'view', group: 0 },
    run: () => useCanvas().zoomIn(),
  },
  {
    id: 'view.zoomOut',
    label: 'Zoom Out',
    keys: ['Mod+-'],
    inFields: true,
    when: editing,
    menu: { name: 'view', group: 0 },
    run: () => useCanvas().zoomOut(),
  },
  {
    id: 'view.zoomToFit',
    label: 'Zoom to Fit',
    keys: ['Mod+0'],
    inFields: true,
    when: editing,
    menu: { name: 'view', group: 0 },
    run: () => useCanvas().zoomToFit(),
  },
  {
    // Hides the storyboard and the inspector so the frame gets the room (the top bar has its button).
    id: 'view.toggleFocusMode',
    label: 'Focus Mode',
    keys: ['\\'],
    when: (ctx) => ctx.documentOpen,
    menu: { name: 'view', group: 1 },
    run: () => useWorkspace().toggleFocus(),
  },
  {
    id: 'view.toggleSafeZones',
    label: 'Safe Zones',
    keys: ['Mod+Shift+G'],
    inFields: true,
    when: (ctx) => ctx.documentOpen,
    menu: { name: 'view', group: 1 },
    run: () => useCanvas().toggleSafeZones(),
  },
  {
    id: 'view.toggleOnionSkin',
    label: 'Onion Skin',
    keys: ['Mod+Shift+O'],
    inFields: true,
    when: editing,
    menu: { name: 'view', group: 1 },
    run: () => useDrawing().toggleOnionSkin(),
  },
  {
    id: 'view.toggleReview',
    label: 'Review Mode',
    keys: ['Mod+Shift+R'],
    inFields: true,
    when: (ctx) => ctx.documentOpen,
    menu: { name: 'view', group: 2 },
    run: () => {
      const review = useReview();
      review.setActive(!review.active);
    },
  },
  {
    id: 'view.commandPalette',
    label: 'Command Palette…',
    keys: ['Mod+K'],
    inFields: true,
    when: (ctx) => ctx.documentOpen,
    menu: { name: 'view', group: 3 },
    run: () => {
      usePalette().open = true;
    },
  },
  {
    id: 'review.previousFrame',
    label: 'Previous Frame',
    keys: [',', 'ArrowLeft'],
    when: reviewing,
    run: () => usePlayback().step(-1),
  },
  {
    id: 'review.nextFrame',
    label: 'Next Frame',
    keys: ['.', 'ArrowRight'],
    when: reviewing,
    run: () => usePlayback().step(1),
  },
  {
    id: 'review.backSecond',
    label: 'Back One Second',
    keys: ['Shift+ArrowLeft'],
    when: reviewing,
    run: () => {
      const playback = usePlayback();
      playback.step(-playback.fps);
    },
  },
  {
    id: 'review.forwardSecond',
    label: 'Forward One Second',
    keys: ['Shift+ArrowRight'],
    when: reviewing,
    run: () => {
      const playback = usePlayback();
      playback.step(playback.fps);
    },
  },
  {
    id: 'review.loopIn',
    label: 'Set Loop Start',
    keys: ['I'],
    when: reviewing,
    run: () => useReview().setLoopIn(),
  },
  {
    id: 'review.loopOut',
    label: 'Set Loop End',
    keys: ['O'],
    when: reviewing,
    run: () => useReview().setLoopOut(),
  },
  {
    id: 'review.toggleLoop',
    label: 'Loop',
    keys: ['L'],
    when: reviewing,
    run: () => useReview().toggleLoop(),
  },
  {
    id: 'review.fullScreen',
    label: 'Full Screen',
    keys: ['F'],
    when: reviewing,
    run: toggleReviewFullscreen,
  },
  {
    id: 'review.previousComment',
    label: 'Previous Comment',
    keys: ['['],
    when: reviewing,
    run: () => useReview().jump(-1),
  },
  {
    id: 'review.nextComment',
    label: 'Next Comment',
    keys: [']'],
    when: reviewing,
    run: () => useReview().jump(1),
  },
  {
    id: 'review.stopMarking',
    label: 'Stop Pointing or Marking',
    keys: ['Escape'],
    hidden: true,
    when: reviewing,
    run: () => {
      useReview().tool = null;
    },
  },
];
