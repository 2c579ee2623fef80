import { nextId } from '../edit/ids';

/** Gives new element ids; `hint` names what the element is (`maya-eye`), so ids stay readable. */
export type IdSource = (hint: string) => string;

/** An id source that never repeats an id of `taken` (and adds each new one to it). */
export function idsAvoiding(taken: Set<string>): IdSource {
  return (hint) => nextId(hint, taken);
}
