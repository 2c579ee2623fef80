import { useCanvas } from '../features/canvas/stores/canvas';
import { useDrawing } from '../features/canvas/stores/drawing';
import { useDocument } from '../state/document';
import { useExports } from '../features/export/stores/exports';
import { useLibrary } from '../features/library/stores/library';
import { usePost } from '../features/post/stores/post';
import { useReview } from '../features/review/stores/review';
import { useSelection } from '../features/canvas/stores/selection';
import { useStudio } from '../state/studio';
import { usePalette } from './palette';
import type { CommandContext } from './types';

/** The command context as the stores have it now. */
export function readContext(): CommandContext {
  const documentStore = useDocument();
  const canvas = useCanvas();
  const studio = useStudio();
  return {
    documentOpen: documentStore.isOpen,
    review: useReview().active,
    editable: canvas.editable,
    selection: useSelection().count,
    tool: canvas.tool,
    drawingLayer: useDrawing().drawing !== null,
    sceneSelected: studio.selectedScene !== null,
  };
}

/** A modal dialog (or the palette) has the keyboard: no studio command runs from a key. */
export function dialogOpen(): boolean {
  return (
    useStudio().dialog !== null ||
    usePost().open ||
    useExports().dialogOpen ||
    useReview().shareDialogOpen ||
    useLibrary().saving !== null ||
    usePalette().open
  );
}
