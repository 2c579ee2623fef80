import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { addHashtag, removeHashtag, setPostCaption } from '../../../../core/edit';
import { PLATFORM_IDS, type PlatformId } from '../../../../core/platform/platforms';
import { checkPostText, composePostText, parseHashtag } from '../../../../core/post';
import { useDocument } from '../../../state/document';
import { useNotices } from '../../../state/notices';

/**
 * The post-text composer: which platforms to check against (session state), and undoable edits
 * of the project's post caption and hashtags (saved in the project, so the export picks them up).
 */
export const usePost = defineStore('post', () => {
  const documentStore = useDocument();
  const notices = useNotices();
  const open = ref(false);
  const platforms = ref<PlatformId[]>([...PLATFORM_IDS]);

  const post = computed(() => documentStore.project?.post ?? { caption: '', hashtags: [] });
  const text = computed(() => composePostText(post.value));
  const checks = computed(() => platforms.value.map((p) => checkPostText(post.value, p)));

  function setCaption(caption: string): void {
    const project = documentStore.project;
    if (project !== null)
      documentStore.apply(setPostCaption(project, caption), 'Edit post caption', 'post-caption');
  }

  /** Adds a hashtag; returns a plain reason when it cannot be added. */
  function addTag(typed: string): string | null {
    const project = documentStore.project;
    if (project === null) return null;
    const parsed = parseHashtag(typed);
    if ('problem' in parsed) return parsed.problem;
    const next = addHashtag(project, parsed.tag);
    if (next === project) return `#${parsed.tag} is already there, or the post has 30 hashtags.`;
    documentStore.seal();
    documentStore.apply(next, 'Add hashtag');
    documentStore.seal();
    return null;
  }

  function removeTag(tag: string): void {
    const project = documentStore.project;
    if (project === null) return;
    documentStore.seal();
    documentStore.apply(removeHashtag(project, tag), 'Remove hashtag');
    documentStore.seal();
  }

  function togglePlatform(id: PlatformId): void {
    platforms.value = platforms.value.includes(id)
      ? platforms.value.filter((p) => p !== id)
      : PLATFORM_IDS.filter((p) => p === id || platforms.value.includes(p));
  }

  /** Copies the caption and hashtags exactly as they will be posted. */
  async function copy(): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text.value);
      notices.show('success', 'Post text copied: paste it into the caption box.');
      return true;
    } catch {
      notices.show('error', 'The post text could not be copied. Select it and copy it by hand.');
      return false;
    }
  }

  return { open, platforms, post, text, checks, setCaption, addTag, removeTag, togglePlatform, copy };
});
