import { defineStore } from 'pinia';
import { ref } from 'vue';

/** Session state of the timeline (never saved): how far it is zoomed, whether element rows show. */
export const useTimelineView = defineStore('timelineView', () => {
  /** 1 shows the whole video; larger values make the timeline content that many times wider. */
  const zoom = ref(1);
  const rowsOpen = ref(true);
  return { zoom, rowsOpen };
});
