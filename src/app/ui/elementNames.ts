import type { Element } from '../../core/schema';

const KIND_NAMES: Partial<Record<Element['kind'], string>> = {
  rect: 'Rectangle',
  ellipse: 'Ellipse',
  text: 'Text',
  image: 'Picture',
  bubble: 'Speech bubble',
  brush: 'Brush stroke',
  star: 'Star',
  drawing: 'Drawing',
  group: 'Group',
};

/** What the studio calls an element: its own name, its text, or its kind. */
export function elementName(el: Element): string {
  if (el.name) return el.name;
  if (el.kind === 'text' || el.kind === 'bubble') return el.text.split('\n')[0]?.slice(0, 40) || 'Text';
  if (el.kind === 'line') return el.arrowStart || el.arrowEnd ? 'Arrow' : 'Line';
  return KIND_NAMES[el.kind] ?? el.kind[0]?.toUpperCase() + el.kind.slice(1);
}
