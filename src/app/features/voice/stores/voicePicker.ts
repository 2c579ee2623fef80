import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { VoiceChoice } from '../voiceChoices';

export interface PickerQuestion {
  /** The dialog's title: "Which voice?" */
  readonly title: string;
  /** One line under it: what the choice is for. */
  readonly prompt: string;
  readonly choices: readonly VoiceChoice[];
}

/**
 * The one question the voice tools may ask at a time ("Which voice?", "Which character?"),
 * answered in VoiceChoiceDialog: the id of the choice, or null when the creator closes it.
 */
export const useVoicePicker = defineStore('voicePicker', () => {
  const question = ref<PickerQuestion | null>(null);
  let settle: ((id: string | null) => void) | null = null;

  function ask(next: PickerQuestion): Promise<string | null> {
    settle?.(null);
    question.value = next;
    return new Promise((resolve) => (settle = resolve));
  }

  function answer(id: string | null): void {
    const done = settle;
    settle = null;
    question.value = null;
    done?.(id);
  }

  return { question, ask, answer };
});
