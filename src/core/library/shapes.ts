import { ElementSchema } from '../schema';
import type { Element, ElementInput, PartCondition } from '../schema';
import type { IdSource } from './ids';

/**
 * Small constructors for library art: each takes the fields as written in a file (defaults
 * filled in by the schema, so every item is valid by construction) and a fresh id.
 */

type Without<K extends ElementInput['kind']> = Omit<Extract<ElementInput, { kind: K }>, 'id' | 'kind'>;
type GroupInput = Omit<Extract<ElementInput, { kind: 'group' }>, 'id' | 'kind' | 'children'>;

export interface Shapes {
  rect(hint: string, fields: Without<'rect'>): Element;
  ellipse(hint: string, fields: Without<'ellipse'>): Element;
  star(hint: string, fields: Without<'star'>): Element;
  path(hint: string, fields: Without<'path'>): Element;
  line(hint: string, fields: Without<'line'>): Element;
  text(hint: string, fields: Without<'text'>): Element;
  bubble(hint: string, fields: Without<'bubble'>): Element;
  polygon(hint: string, fields: Without<'polygon'>): Element;
  group(hint: string, fields: GroupInput, children: Element[]): Element;
}

export function shapes(ids: IdSource): Shapes {
  const make = (kind: ElementInput['kind'], hint: string, fields: object): Element =>
    ElementSchema.parse({ ...fields, kind, id: ids(hint) });
  return {
    rect: (h, f) => make('rect', h, f),
    ellipse: (h, f) => make('ellipse', h, f),
    star: (h, f) => make('star', h, f),
    path: (h, f) => make('path', h, f),
    line: (h, f) => make('line', h, f),
    text: (h, f) => make('text', h, f),
    bubble: (h, f) => make('bubble', h, f),
    polygon: (h, f) => make('polygon', h, f),
    group: (h, f, children) => ElementSchema.parse({ ...f, kind: 'group', id: ids(h), children }),
  };
}

/** `el` shown only for `condition` (a character part). */
export function only(el: Element, condition: PartCondition): Element {
  return { ...el, showFor: condition };
}
