import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'warning' | 'error';
  text: string;
  /** Technical words for whoever helps the creator (a library's error), behind "Details". */
  detail?: string;
}

/** Short messages for the creator; errors stay until dismissed, the rest fade after a while. */
export const useNotices = defineStore('notices', () => {
  const items = ref<Notice[]>([]);
  let next = 1;

  function dismiss(id: number): void {
    items.value = items.value.filter((n) => n.id !== id);
  }

  function show(tone: Notice['tone'], text: string, detail?: string): void {
    const id = next++;
    const notice: Notice = detail ? { id, tone, text, detail } : { id, tone, text };
    // Kept in the log too, where a bug report can quote it.
    if (detail) console.warn(`${text} Details: ${detail}`);
    items.value = [...items.value.slice(-3), notice];
    if (tone !== 'error') setTimeout(() => dismiss(id), tone === 'warning' ? 8000 : 3500);
  }

  return { items, show, dismiss };
});
