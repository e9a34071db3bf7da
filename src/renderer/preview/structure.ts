// The preview patches the story's DOM instead of replacing it, so that a
// keystroke costs the parts it changed and scroll position and selection stay
// put. The renderer gives one HTML string; this file finds its structure
// (the nested <article>, <section>, <header> and <footer> elements: the story,
// its header, sections, lens groups, takes and footer) by scanning tags, and
// plans the smallest set of element replacements between two renders.
//
// Scanning tags is sound here because story text never reaches the output as
// markup: the renderer escapes every `<` of the user's text, and markdown-it
// runs with `html: false` and emits none of these four elements. Everything
// here is pure, so it runs and is tested without a DOM.

const STRUCTURAL = /<(\/?)(article|section|header|footer)\b[^>]*>/g;

/** The tag names the preview patches at; `querySelectorAll` finds them in the same order. */
export const STRUCTURAL_SELECTOR = 'article, section, header, footer';

export interface StructNode {
  tag: string;
  /** Offsets into the rendered HTML: `start` at `<`, `end` after the closing `>`. */
  start: number;
  end: number;
  /** Offset just after the opening tag's `>`. */
  openEnd: number;
  /** Offset of the closing tag's `<`. */
  closeStart: number;
  children: StructNode[];
}

/**
 * The element tree of one render, rooted at the story's <article>; null when
 * the HTML is not one balanced structural element (never, for the shared
 * renderer: the caller then falls back to replacing everything).
 */
export function parseStructure(html: string): StructNode | null {
  const stack: StructNode[] = [];
  let root: StructNode | null = null;
  STRUCTURAL.lastIndex = 0;
  for (let m = STRUCTURAL.exec(html); m; m = STRUCTURAL.exec(html)) {
    const tag = m[2]!;
    if (m[1] === '') {
      if (root !== null && stack.length === 0) return null; // a second root
      const node: StructNode = {
        tag,
        start: m.index,
        end: -1,
        openEnd: m.index + m[0].length,
        closeStart: -1,
        children: [],
      };
      if (stack.length) stack[stack.length - 1]!.children.push(node);
      else root = node;
      stack.push(node);
    } else {
      const node = stack.pop();
      if (!node || node.tag !== tag) return null;
      node.closeStart = m.index;
      node.end = m.index + m[0].length;
    }
  }
  if (!root || stack.length || html.slice(0, root.start).trim() || html.slice(root.end).trim())
    return null;
  return root;
}

/** What the text of a node is, in its render. */
export function nodeHtml(html: string, node: StructNode): string {
  return html.slice(node.start, node.end);
}

/**
 * The markup of a node that is not inside one of its structural children: the
 * opening tag, the text between children, the closing tag. Two nodes with the
 * same shell differ only inside their children.
 */
function gaps(html: string, node: StructNode): string[] {
  const out: string[] = [];
  let at = node.openEnd;
  for (const child of node.children) {
    out.push(html.slice(at, child.start));
    at = child.end;
  }
  out.push(html.slice(at, node.closeStart));
  return out;
}

const BLANK = /^\s*$/;

/**
 * How the DOM of the old render becomes the new one.
 * - `same`: leave the element alone.
 * - `replace`: swap the element for the new node's markup.
 * - `children`: keep the element; patch its children with `ops`, in order.
 */
export type Patch =
  | { kind: 'same'; old: StructNode; next: StructNode }
  | { kind: 'replace'; old: StructNode; next: StructNode }
  | { kind: 'children'; old: StructNode; next: StructNode; ops: ChildOp[] };

/**
 * One entry per child of the new node, in order, plus removals (which never
 * precede an entry that places an element). `insert` puts the new node's
 * markup after the element the previous entry placed, or before the old
 * node's first child when it is the first.
 */
export type ChildOp =
  Patch | { kind: 'insert'; next: StructNode } | { kind: 'remove'; old: StructNode };

export function diffStructure(
  oldHtml: string,
  old: StructNode,
  nextHtml: string,
  next: StructNode,
): Patch {
  const same = oldHtml.slice(old.start, old.end) === nextHtml.slice(next.start, next.end);
  if (same) return { kind: 'same', old, next };
  if (old.tag !== next.tag || !old.children.length || !next.children.length)
    return { kind: 'replace', old, next };
  const a = gaps(oldHtml, old);
  const b = gaps(nextHtml, next);
  // Open tag and the text before the first child and after the last one.
  if (
    oldHtml.slice(old.start, old.openEnd) !== nextHtml.slice(next.start, next.openEnd) ||
    a[0] !== b[0] ||
    a[a.length - 1] !== b[b.length - 1]
  )
    return { kind: 'replace', old, next };
  const middleSame =
    a.length === b.length && a.every((gap, i) => i === 0 || i === a.length - 1 || gap === b[i]);
  if (middleSame) {
    const ops = old.children.map((child, i) =>
      diffStructure(oldHtml, child, nextHtml, next.children[i]!),
    );
    return { kind: 'children', old, next, ops };
  }
  // Children came or went. Only a plain list (nothing but whitespace between
  // the children) can be reconciled without knowing what the gaps mean.
  const plain = (g: string[]) =>
    g.every((gap, i) => i === 0 || i === g.length - 1 || BLANK.test(gap));
  if (!plain(a) || !plain(b)) return { kind: 'replace', old, next };
  return {
    kind: 'children',
    old,
    next,
    ops: reconcile(oldHtml, old.children, nextHtml, next.children),
  };
}

function reconcile(
  oldHtml: string,
  olds: StructNode[],
  nextHtml: string,
  nexts: StructNode[],
): ChildOp[] {
  const eq = (o: StructNode, n: StructNode) =>
    o.end - o.start === n.end - n.start && nodeHtml(oldHtml, o) === nodeHtml(nextHtml, n);
  let head = 0;
  while (head < olds.length && head < nexts.length && eq(olds[head]!, nexts[head]!)) head++;
  let tail = 0;
  while (
    tail < olds.length - head &&
    tail < nexts.length - head &&
    eq(olds[olds.length - 1 - tail]!, nexts[nexts.length - 1 - tail]!)
  )
    tail++;
  const ops: ChildOp[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: 'same', old: olds[i]!, next: nexts[i]! });
  const oldMid = olds.slice(head, olds.length - tail);
  const nextMid = nexts.slice(head, nexts.length - tail);
  const paired = Math.min(oldMid.length, nextMid.length);
  for (let i = 0; i < paired; i++)
    ops.push(diffStructure(oldHtml, oldMid[i]!, nextHtml, nextMid[i]!));
  for (let i = paired; i < nextMid.length; i++) ops.push({ kind: 'insert', next: nextMid[i]! });
  for (let i = paired; i < oldMid.length; i++) ops.push({ kind: 'remove', old: oldMid[i]! });
  for (let i = 0; i < tail; i++)
    ops.push({
      kind: 'same',
      old: olds[olds.length - tail + i]!,
      next: nexts[nexts.length - tail + i]!,
    });
  return ops;
}

/** Pre-order list of a tree's nodes: the order `querySelectorAll` returns their elements in. */
export function preorder(node: StructNode, out: StructNode[] = []): StructNode[] {
  out.push(node);
  for (const child of node.children) preorder(child, out);
  return out;
}

/** How many elements a patch replaces or inserts (0 for an unchanged render): for tests and stats. */
export function countChanges(patch: Patch | ChildOp): number {
  switch (patch.kind) {
    case 'same':
      return 0;
    case 'replace':
    case 'insert':
    case 'remove':
      return 1;
    case 'children':
      return patch.ops.reduce((n, op) => n + countChanges(op), 0);
  }
}
