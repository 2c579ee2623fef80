import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'warning' | 'error';
  text: string;
}

/** Short messages for the creator; errors stay until dismissed, the rest fade after a while. */
export const useNotices = defineStore('notices', () => {
  const items = ref<Notice[]>([]);
  let next = 1;

  function dismiss(id: number): void {
    items.value = items.value.filter((n) => n.id !== id);
  }

  function show(tone: Notice['tone'], text: string): void {
    const id = next++;
    items.value = [...items.value.slice(-3), { id, tone, text }];
    if (tone !== 'error') setTimeout(() => dismiss(id), tone === 'warning' ? 8000 : 3500);
  }

  return { items, show, dismiss };
});
