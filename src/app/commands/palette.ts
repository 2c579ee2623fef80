import { defineStore } from 'pinia';
import { ref } from 'vue';

/** Whether the command palette is open (session state). */
export const usePalette = defineStore('palette', () => {
  const open = ref(false);
  return { open };
});
