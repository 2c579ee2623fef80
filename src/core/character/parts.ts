import { EXPRESSIONS, VISEMES } from '../schema';
import type { Element, Expression, GroupElement, PartCondition, Viseme } from '../schema';

/**
 * Which parts of a character show for its expression and mouth. The document keeps every part;
 * evaluation hands the renderer the parts that do not apply as hidden copies, made once per
 * part (and per choice for the groups around them), so a still character costs nothing a frame.
 */

/** A character is a group with an expression or a mouth. */
export function isCharacter(el: Element): el is GroupElement {
  return el.kind === 'group' && (el.expression !== undefined || el.mouth !== undefined);
}

/** The character's expression, the first one (happy) when it has none. */
export function expressionOf(group: GroupElement): Expression {
  return group.expression ?? EXPRESSIONS[0];
}

/** The character's mouth shape, `rest` when it has none. */
export function mouthOf(group: GroupElement): Viseme {
  return group.mouth ?? VISEMES[0];
}

/** Whether a part with this condition shows for the character's choices. */
export function partShows(
  condition: PartCondition | undefined,
  expression: Expression,
  mouth: Viseme,
): boolean {
  if (condition === undefined) return true;
  if (condition.expression !== undefined && !condition.expression.includes(expression)) return false;
  if (condition.mouth !== undefined && !condition.mouth.includes(mouth)) return false;
  return true;
}

const hiddenCopies = new WeakMap<Element, Element>();
/** Groups with some parts hidden, per group object and choice key. */
const selectedGroups = new WeakMap<Element, Map<string, GroupElement>>();

function hidden(el: Element): Element {
  if (!el.visible) return el;
  let copy = hiddenCopies.get(el);
  if (copy === undefined) {
    copy = { ...el, visible: false };
    hiddenCopies.set(el, copy);
  }
  return copy;
}

function withChildren(group: GroupElement, children: Element[], key: string): GroupElement {
  let byKey = selectedGroups.get(group);
  const memo = byKey?.get(key);
  if (memo !== undefined) return memo;
  const copy: GroupElement = { ...group, children };
  if (byKey === undefined) selectedGroups.set(group, (byKey = new Map()));
  byKey.set(key, copy);
  return copy;
}

/**
 * `elements` with the parts that do not show for (expression, mouth) hidden, looking inside
 * plain groups but not inside nested characters (they choose their own parts). Returns the same
 * array when nothing needs hiding.
 */
function selectParts(
  elements: readonly Element[],
  expression: Expression,
  mouth: Viseme,
  key: string,
): readonly Element[] {
  let out: Element[] | null = null;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i] as Element;
    let v: Element = el;
    if (!partShows(el.showFor, expression, mouth)) v = hidden(el);
    else if (el.kind === 'group' && el.expression === undefined && el.mouth === undefined) {
      const children = selectParts(el.children, expression, mouth, key);
      if (children !== el.children) v = withChildren(el, children as Element[], key);
    }
    if (out === null) {
      if (v === el) continue;
      out = elements.slice(0, i);
    }
    out.push(v);
  }
  return out ?? elements;
}

/**
 * A character (already evaluated at some time) with only the parts for its expression and mouth
 * showing; any other element is returned as it is.
 */
export function showCharacterParts(el: Element): Element {
  if (!isCharacter(el)) return el;
  const expression = expressionOf(el);
  const mouth = mouthOf(el);
  const key = `${expression}|${mouth}`;
  const children = selectParts(el.children, expression, mouth, key);
  return children === el.children ? el : withChildren(el, children as Element[], key);
}
