/**
 * Calls back once when an element first comes into view. One IntersectionObserver serves every
 * caller: a storyboard of a hundred scenes registers a hundred cards, and an observer each
 * costs more to set up than the cards themselves.
 */
const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const seen = waiting.get(entry.target);
      stopWatching(entry.target);
      seen?.();
    }
  });
  return observer;
}

function stopWatching(el: Element): void {
  if (!waiting.delete(el)) return;
  observer?.unobserve(el);
}

/** Runs `seen` the first time `el` is on screen; the returned function cancels the wait. */
export function onceVisible(el: Element, seen: () => void): () => void {
  waiting.set(el, seen);
  shared().observe(el);
  return () => stopWatching(el);
}
