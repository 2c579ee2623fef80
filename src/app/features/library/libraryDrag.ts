/** What a library item carries while it is dragged onto the canvas: its id, under our own type. */
export const LIBRARY_DRAG_TYPE = 'application/x-kindness-library-item';

/** The library item a drag carries, or null (files, text, anything else). */
export function draggedLibraryItem(event: DragEvent): string | null {
  const transfer = event.dataTransfer;
  if (!transfer || !transfer.types.includes(LIBRARY_DRAG_TYPE)) return null;
  const id = transfer.getData(LIBRARY_DRAG_TYPE);
  return id === '' ? null : id;
}
