import { onBeforeUnmount, onMounted } from 'vue';
import { addElement, nextId, usedIds } from '../../../core/edit';
import { ElementSchema } from '../../../core/schema';
import { useCanvas } from './stores/canvas';
import { useClipboard } from './stores/clipboard';
import { usePictureImport } from './stores/pictureImport';
import { useDocument } from '../../state/document';
import { useSelection } from './stores/selection';
import { useStudio } from '../../state/studio';
import { isTextField } from '../../commands/textField';

const PICTURE_TYPES = /^image\/(png|jpeg|gif|webp|svg\+xml)$/;
/** The longest text a paste makes into one text element (the schema's limit). */
const MAX_TEXT = 5000;

/** Picture files on the clipboard: copied files, or a copied image (a screenshot, a browser image). */
export function picturesIn(data: DataTransfer): File[] {
  const files = [...data.files];
  for (const item of [...data.items]) {
    if (item.kind !== 'file') continue;
    const file = item.getAsFile();
    if (file && !files.some((f) => f.name === file.name && f.size === file.size)) files.push(file);
  }
  return files.filter((f) => PICTURE_TYPES.test(f.type));
}

/**
 * Ctrl+V: a picture on the system clipboard is added to the scene (centred, fitted in the
 * frame), text becomes a text element, and anything copied inside the studio pastes as before.
 * What was copied in the studio wins until the window loses focus (the user may then copy
 * something elsewhere); a browser that sends no paste event still gets the studio's paste.
 */
export function useSystemPaste(): void {
  const documentStore = useDocument();
  const studio = useStudio();
  const clipboard = useClipboard();
  const canvas = useCanvas();
  const selection = useSelection();
  let fallback: ReturnType<typeof setTimeout> | null = null;
  /** True while the studio's own copy is the latest thing the user copied. */
  let copiedHere = false;

  function ready(target: EventTarget | null): boolean {
    return documentStore.isOpen && studio.dialog === null && !isTextField(target);
  }

  function onKeydown(event: KeyboardEvent): void {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || event.altKey || event.shiftKey || !ready(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === 'c' || key === 'x') copiedHere = true;
    if (key !== 'v') return;
    if (fallback !== null) clearTimeout(fallback);
    fallback = setTimeout(() => {
      fallback = null;
      clipboard.paste();
    }, 60);
  }

  function pasteText(text: string): void {
    const project = documentStore.project;
    const scene = studio.selectedScene;
    if (project === null || scene === null) return;
    const clipped = text.slice(0, MAX_TEXT);
    const lines = clipped.split('\n').length;
    const fontSize = clipped.length > 80 ? 56 : 80;
    const width = Math.min(900, project.video.width - 120);
    const parsed = ElementSchema.safeParse({
      id: nextId('text', usedIds(project)),
      kind: 'text',
      text: clipped,
      x: project.video.width / 2,
      y: project.video.height / 2,
      width,
      anchorX: width / 2,
      anchorY: (Math.min(lines, 12) * fontSize * 1.15) / 2,
      fontFamily: 'Fredoka',
      fontSize,
      fill: '#ffffff',
      align: 'center',
    });
    if (!parsed.success) return;
    const added = addElement(project, scene.id, parsed.data);
    documentStore.apply(added.project, 'Paste text');
    canvas.setTool('select');
    selection.set([added.elementId]);
  }

  async function onPaste(event: ClipboardEvent): Promise<void> {
    if (!ready(event.target)) return;
    if (fallback !== null) clearTimeout(fallback);
    fallback = null;
    event.preventDefault();
    const data = event.clipboardData;
    if (data === null || (copiedHere && clipboard.clip !== null)) return clipboard.paste();
    const pictures = picturesIn(data);
    const text = data.getData('text/plain').replace(/\r\n?/g, '\n').trim();
    if (pictures.length > 0) {
      for (const file of pictures) await usePictureImport().importImage(file, null);
    } else if (text !== '') {
      pasteText(text);
    } else {
      clipboard.paste();
    }
  }

  const onBlur = () => (copiedHere = false);
  const pasteListener = (event: ClipboardEvent) => void onPaste(event);

  onMounted(() => {
    window.addEventListener('keydown', onKeydown);
    window.addEventListener('paste', pasteListener);
    window.addEventListener('blur', onBlur);
  });
  onBeforeUnmount(() => {
    if (fallback !== null) clearTimeout(fallback);
    window.removeEventListener('keydown', onKeydown);
    window.removeEventListener('paste', pasteListener);
    window.removeEventListener('blur', onBlur);
  });
}
