import type { Command } from './types';

/**
 * How well a label fits what was typed: 0 when it does not, higher is better. Every typed word
 * must be in the label; a label that starts with the text, then one whose words start with the
 * typed words, come first. Without any word matching, the typed letters in order still match
 * ("svas" finds "Save As…") but rank last.
 */
export function paletteScore(label: string, query: string): number {
  const text = label.toLowerCase();
  const typed = query.trim().toLowerCase();
  if (typed === '') return 1;
  if (text.startsWith(typed)) return 4;
  const words = typed.split(/\s+/);
  if (words.every((word) => text.includes(word))) {
    const starts = words.every((word) => text.split(/[\s/–-]+/).some((part) => part.startsWith(word)));
    return starts ? 3 : 2;
  }
  let at = 0;
  for (const letter of typed.replace(/\s+/g, '')) {
    at = text.indexOf(letter, at);
    if (at < 0) return 0;
    at += 1;
  }
  return 1;
}

/** The commands that fit the typed text, best first, keeping the registry's order among equals. */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  return commands
    .map((command, index) => ({ command, index, score: paletteScore(command.label, query) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.command);
}
