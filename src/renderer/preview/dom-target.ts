import { isField, parseTakeKey, type PreviewTarget } from './source-map';

// Reads what a preview element stands for from the renderer's data
// attributes and classes, walking up to the story's root. The nearest value
// of each attribute wins: a take inside a lens inside a section names all
// three.

const TAKE_PARTS: [selector: string, part: NonNullable<PreviewTarget['takePart']>][] = [
  ['.outlet', 'outlet'],
  ['.chip.region', 'region'],
  ['.chip.language', 'language'],
  ['.summary', 'summary'],
  ['.quote', 'quote'],
  ['.source', 'source'],
];

function int(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

export function targetOf(start: Element, root: Element, caret?: CaretPoint | null): PreviewTarget {
  const target: PreviewTarget = {};
  for (let el: Element | null = start; el && el !== root.parentElement; el = el.parentElement) {
    const d = (el as HTMLElement).dataset;
    if (target.field === undefined && isField(d.field)) target.field = d.field;
    if (target.section === undefined && d.section !== undefined)
      target.section = int(d.section ?? null);
    if (target.group === undefined && d.group !== undefined) target.group = int(d.group ?? null);
    if (target.take === undefined && d.take !== undefined) {
      const key = parseTakeKey(d.take);
      if (key) target.take = key;
    }
    if (target.number === undefined && d.number !== undefined)
      target.number = int(d.number ?? null);
    if (target.watch === undefined && d.watch !== undefined) target.watch = int(d.watch ?? null);
    if (target.related === undefined && d.related !== undefined)
      target.related = int(d.related ?? null);
    if (target.entity === undefined && d.entityIndex !== undefined)
      target.entity = int(d.entityIndex ?? null);
    if (el === root) break;
  }
  if (target.take) {
    for (const [selector, part] of TAKE_PARTS)
      if (start.closest(selector)) {
        target.takePart = part;
        break;
      }
  }
  if (target.number !== undefined) {
    if (start.closest('.figure')) target.numberPart = 'figure';
    else if (start.closest('.note')) target.numberPart = 'note';
  }
  const heading = start.closest('h2, h3.lens-name');
  if (heading && root.contains(heading)) target.heading = true;
  const prose = start.closest('.prose');
  if (prose && prose !== start) {
    let block: Element = start;
    while (block.parentElement && block.parentElement !== prose) block = block.parentElement;
    target.block = Array.prototype.indexOf.call(prose.children, block);
  } else if (prose === start) target.block = 0;
  if (caret && caret.node.nodeType === 3 && start.contains(caret.node)) {
    const data = (caret.node as Text).data;
    target.text = { before: data.slice(0, caret.offset), after: data.slice(caret.offset) };
  }
  return target;
}

export interface CaretPoint {
  node: Node;
  offset: number;
}

/** The text position under a point, where the browser can tell. */
export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const pos = withPosition.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}
