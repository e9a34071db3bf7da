import { renderStoryHtml, type RenderOptions } from '../../shared/render';
import type { ParseResult } from '../../shared/story';
import { caretAt, targetOf } from './dom-target';
import { sourceOffset } from './source-map';
import {
  STRUCTURAL_SELECTOR,
  diffStructure,
  nodeHtml,
  parseStructure,
  preorder,
  type ChildOp,
  type Patch,
  type StructNode,
} from './structure';

// The live preview, as plain DOM: the editor calls `update` on every change,
// so React stays out of the hot path. Each update renders the whole story
// with the shared renderer (the same HTML the export writes) and patches only
// the elements whose markup changed: the header, a section, a lens group, a
// take. Unchanged elements are never touched, so the reader's scroll position
// and selection survive typing.
//
// The container is the scrolling element: give it a height and
// `overflow: auto` (StoryPreviewPane does).

export interface PreviewCallbacks {
  /** An entity link was clicked (its slug). */
  onOpenEntity(slug: string): void;
  /** A link to another story was clicked (its slug). */
  onOpenStory(slug: string): void;
  /** Anything else was clicked: move the editor to this offset of the text. */
  onRevealSource(offset: number): void;
  /** An http(s) link was clicked; without this callback such a click does nothing. */
  onOpenExternal?(url: string): void;
  /** The reader scrolled the preview: the source offset now at its top. */
  onPreviewScroll?(offset: number): void;
}

/** What the controller passes to the renderer besides the locale and mode. */
export type PreviewRenderOptions = Pick<
  RenderOptions,
  'baseUrl' | 'lang' | 'storyTitle' | 'entitySlug'
>;

export interface UpdateStats {
  /** Whether the render differed from the one on screen. */
  changed: boolean;
  /** Elements replaced, inserted or removed. */
  patched: number;
  /** The whole story was re-rendered (first render, or a structure it could not patch). */
  full: boolean;
}

interface Anchor {
  el: Element;
  offset: number;
}

/** How long after the reader scrolls the preview it leads, and the editor's scroll echoes are ignored. */
const LEAD_MS = 250;

export class PreviewController {
  private readonly container: HTMLElement;
  private readonly callbacks: PreviewCallbacks;
  private renderOptions: PreviewRenderOptions = {};
  private optionsVersion = 0;

  private parse: ParseResult | null = null;
  private locale = '';
  private renderedVersion = -1;
  private html = '';
  private root: StructNode | null = null;
  /** Elements of the current render, by structural node. */
  private readonly elements = new Map<StructNode, Element>();
  private article: Element | null = null;

  private anchorEls: Element[] | null = null;
  private anchors: Anchor[] | null = null;

  /** The scrollTop the controller set itself, whose scroll event is an echo. */
  private expectedScrollTop: number | null = null;
  private lastUserScroll = -Infinity;
  /**
   * Set from a DOM patch or a programmatic scroll until two frames later: the
   * browser's scroll anchoring may scroll then (in the next frame's layout,
   * reported in the frame after), and that is no reader's doing.
   */
  private settling = false;
  private settleFrame = 0;
  private lastEmitted: number | null = null;
  private scrollFrame = 0;
  private correctFrame = 0;
  private lastStats: UpdateStats = { changed: false, patched: 0, full: false };

  constructor(container: HTMLElement, callbacks: PreviewCallbacks) {
    this.container = container;
    this.callbacks = callbacks;
    container.addEventListener('click', this.onClick);
    container.addEventListener('auxclick', this.onAuxClick);
    container.addEventListener('scroll', this.onScroll, { passive: true });
  }

  destroy(): void {
    this.container.removeEventListener('click', this.onClick);
    this.container.removeEventListener('auxclick', this.onAuxClick);
    this.container.removeEventListener('scroll', this.onScroll);
    if (this.scrollFrame) cancelAnimationFrame(this.scrollFrame);
    if (this.settleFrame) cancelAnimationFrame(this.settleFrame);
    if (this.correctFrame) cancelAnimationFrame(this.correctFrame);
  }

  /** Titles for Related links, entity slugs, base URL, date language. Re-renders when a story is shown. */
  setRenderOptions(options: PreviewRenderOptions): void {
    this.renderOptions = options;
    this.optionsVersion++;
    if (this.parse) this.update(this.parse, this.locale);
  }

  /** The parse the preview shows, for mapping positions. */
  get current(): ParseResult | null {
    return this.parse;
  }

  /** What the last `update` did. */
  get stats(): UpdateStats {
    return this.lastStats;
  }

  /**
   * Show a parse. Synchronous: when it returns, the DOM shows the story. Cheap
   * when nothing visible changed (the same parse, or a render equal to the
   * last one: no DOM work at all).
   */
  update(parse: ParseResult, locale: string): void {
    if (
      parse === this.parse &&
      locale === this.locale &&
      this.renderedVersion === this.optionsVersion
    )
      return;
    // Offsets move with every edit, even when nothing visible does.
    if (parse !== this.parse) this.anchors = null;
    this.parse = parse;
    this.locale = locale;
    this.renderedVersion = this.optionsVersion;
    let html: string;
    try {
      html = renderStoryHtml(parse.story, { ...this.renderOptions, locale, mode: 'preview' });
    } catch (error) {
      // The renderer never throws on a model; if it ever does, keep the last good preview.
      console.error('The preview could not render the story.', error);
      return;
    }
    if (html === this.html) {
      this.lastStats = { changed: false, patched: 0, full: false };
      return;
    }
    const root = parseStructure(html);
    const oldRoot = this.root;
    const oldHtml = this.html;
    this.html = html;
    this.anchorEls = null;
    this.anchors = null;
    this.settle();
    if (!root || !oldRoot || !this.article || !this.container.contains(this.article)) {
      this.renderAll(html, root);
      return;
    }
    const patch = diffStructure(oldHtml, oldRoot, html, root);
    const next = new Map<StructNode, Element>();
    const count = { n: 0 };
    const ok = this.apply(patch, next, count);
    if (!ok) {
      this.renderAll(html, root);
      return;
    }
    this.elements.clear();
    for (const [node, el] of next) this.elements.set(node, el);
    this.root = root;
    this.article = next.get(root) ?? null;
    this.lastStats = { changed: true, patched: count.n, full: false };
  }

  private renderAll(html: string, root: StructNode | null): void {
    const fragment = this.fromHtml(html);
    this.elements.clear();
    this.root = null;
    this.article = fragment.firstElementChild;
    if (root && this.article && this.assign(root, this.article, this.elements)) this.root = root;
    // Without a structure every later update renders everything again: slower, never wrong.
    this.container.replaceChildren(fragment);
    this.lastStats = { changed: true, patched: 1, full: true };
  }

  /** Map a subtree's nodes to the elements parsed from its markup; false when they disagree. */
  private assign(node: StructNode, el: Element, into: Map<StructNode, Element>): boolean {
    const nodes = preorder(node);
    const els = [el, ...el.querySelectorAll(STRUCTURAL_SELECTOR)];
    if (nodes.length !== els.length) return false;
    nodes.forEach((n, i) => into.set(n, els[i]!));
    return true;
  }

  private apply(
    patch: Patch | ChildOp,
    next: Map<StructNode, Element>,
    count: { n: number },
  ): boolean {
    switch (patch.kind) {
      case 'same': {
        // Unchanged markup: the element and everything inside it carry over.
        const oldNodes = preorder(patch.old);
        const newNodes = preorder(patch.next);
        for (let i = 0; i < oldNodes.length; i++) {
          const el = this.elements.get(oldNodes[i]!);
          if (!el) return false;
          next.set(newNodes[i]!, el);
        }
        return true;
      }
      case 'replace': {
        const el = this.elements.get(patch.old);
        const fresh = this.fromHtml(nodeHtml(this.html, patch.next)).firstElementChild;
        if (!el || !fresh || !this.assign(patch.next, fresh, next)) return false;
        el.replaceWith(fresh);
        count.n++;
        return true;
      }
      case 'children': {
        const parent = this.elements.get(patch.old);
        if (!parent) return false;
        next.set(patch.next, parent);
        const firstOld = patch.old.children[0];
        const firstOldEl = firstOld ? this.elements.get(firstOld) : undefined;
        let prev: Element | null = null;
        for (const op of patch.ops) {
          if (op.kind === 'insert') {
            const fresh = this.fromHtml(nodeHtml(this.html, op.next)).firstElementChild;
            if (!fresh || !this.assign(op.next, fresh, next)) return false;
            if (prev) prev.after(fresh);
            else if (firstOldEl?.parentElement === parent) parent.insertBefore(fresh, firstOldEl);
            else return false;
            prev = fresh;
            count.n++;
          } else if (op.kind === 'remove') {
            const el = this.elements.get(op.old);
            if (!el) return false;
            el.remove();
            count.n++;
          } else {
            if (!this.apply(op, next, count)) return false;
            prev = next.get(op.next) ?? prev;
          }
        }
        return true;
      }
      case 'insert':
      case 'remove':
        // Only inside a parent's children (handled above).
        return false;
    }
  }

  private fromHtml(html: string): DocumentFragment {
    // A <template> parses without running anything or loading anything; the
    // renderer's output is sanitized as well.
    const template = this.container.ownerDocument.createElement('template');
    template.innerHTML = html;
    return template.content;
  }

  // ---- clicks -------------------------------------------------------------

  private readonly onAuxClick = (event: MouseEvent) => {
    // A middle click would open a desk path in a new browser tab.
    if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
  };

  private readonly onClick = (event: MouseEvent) => {
    const start =
      event.target instanceof Element ? event.target : (event.target as Node | null)?.parentElement;
    if (!start || !this.article?.contains(start)) return;
    const link = start.closest('a');
    if (link) {
      // Never navigate: the app decides what a link opens.
      event.preventDefault();
      const el = link as HTMLAnchorElement;
      if (el.dataset.entity) this.callbacks.onOpenEntity(el.dataset.entity);
      else if (el.dataset.story) this.callbacks.onOpenStory(el.dataset.story);
      else {
        const href = el.getAttribute('href') ?? '';
        if (/^https?:\/\//i.test(href)) this.callbacks.onOpenExternal?.(href);
      }
      return;
    }
    // A drag that selected text is not a request to move the editor.
    const selection = this.container.ownerDocument.getSelection();
    if (selection && !selection.isCollapsed && this.container.contains(selection.anchorNode))
      return;
    const offset = this.offsetOfElement(start, event.clientX, event.clientY);
    if (offset !== null) this.callbacks.onRevealSource(offset);
  };

  /** The source offset an element (and, if given, the text under a point in it) stands for. */
  offsetOfElement(el: Element, clientX?: number, clientY?: number): number | null {
    if (!this.parse || !this.article) return null;
    const caret =
      clientX === undefined || clientY === undefined
        ? null
        : caretAt(this.container.ownerDocument, clientX, clientY);
    return sourceOffset(this.parse, targetOf(el, this.article, caret));
  }

  // ---- scroll sync ---------------------------------------------------------

  /** Elements that stand for a place in the text, in document order with rising offsets. */
  private getAnchors(): Anchor[] {
    if (this.anchors) return this.anchors;
    const parse = this.parse;
    const article = this.article;
    if (!parse || !article) return [];
    this.anchorEls ??= [
      ...article.querySelectorAll(
        '[data-field], [data-section], [data-group], [data-take], [data-number], [data-watch], ' +
          '[data-related], [data-entity-index], .prose > *',
      ),
    ];
    const anchors: Anchor[] = [];
    let last = -1;
    for (const el of this.anchorEls) {
      const offset = sourceOffset(parse, targetOf(el, article));
      if (offset === null || offset < last) continue;
      anchors.push({ el, offset });
      last = offset;
    }
    this.anchors = anchors;
    return anchors;
  }

  /** The element's top, in the container's scroll coordinates. */
  private topOf(el: Element, base: number): number {
    return el.getBoundingClientRect().top - base;
  }

  /**
   * Scroll so that the element for a source offset is at the top of the
   * preview, between elements in proportion. Called as the editor scrolls,
   * with its top visible offset; ignored while the reader is scrolling the
   * preview itself (that scroll is the one the editor follows).
   */
  scrollToSource(offset: number): void {
    if (performance.now() - this.lastUserScroll < LEAD_MS) return;
    // The editor reporting the offset the preview just sent it: already in place.
    if (offset === this.lastEmitted) {
      this.lastEmitted = null;
      return;
    }
    if (!this.scrollProgrammatically(offset)) return;
    // Anything that lays out late (a font arriving, a host's lazy styles)
    // can move the target: look once more in the next frame.
    if (this.correctFrame) cancelAnimationFrame(this.correctFrame);
    this.correctFrame = requestAnimationFrame(() => {
      this.correctFrame = 0;
      if (performance.now() - this.lastUserScroll >= LEAD_MS) this.scrollProgrammatically(offset);
    });
  }

  /** Put a source offset at the top; false when there is nothing to do. */
  private scrollProgrammatically(offset: number): boolean {
    const y = this.yOfOffset(offset);
    if (y === null) return false;
    const target = Math.max(0, Math.round(y));
    if (Math.abs(this.container.scrollTop - target) < 2) return false;
    this.container.scrollTop = target;
    this.expectedScrollTop = this.container.scrollTop;
    // Sections coming into view get laid out and the browser's scroll
    // anchoring may nudge the position: not the reader's doing either.
    this.settle();
    return true;
  }

  /** The scroll position (container coordinates) at which a source offset is at the top. */
  yOfOffset(offset: number): number | null {
    const anchors = this.getAnchors();
    if (!anchors.length) return null;
    let lo = 0;
    let hi = anchors.length - 1;
    if (offset < anchors[0]!.offset) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (anchors[mid]!.offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    const base =
      this.container.getBoundingClientRect().top +
      this.container.clientTop -
      this.container.scrollTop;
    const a = anchors[lo]!;
    const topA = this.topOf(a.el, base);
    let b: Anchor | undefined;
    for (let i = lo + 1; i < anchors.length; i++)
      if (anchors[i]!.offset > a.offset) {
        b = anchors[i];
        break;
      }
    if (!b) {
      const rect = a.el.getBoundingClientRect();
      return topA + Math.min(1, (offset - a.offset) / 200) * rect.height;
    }
    const topB = this.topOf(b.el, base);
    if (topB <= topA) return topA;
    return topA + ((offset - a.offset) / (b.offset - a.offset)) * (topB - topA);
  }

  /** The source offset at the top of the preview's viewport. */
  topOffset(): number | null {
    const anchors = this.getAnchors();
    if (!anchors.length) return null;
    const base =
      this.container.getBoundingClientRect().top +
      this.container.clientTop -
      this.container.scrollTop;
    const y = this.container.scrollTop;
    let lo = 0;
    let hi = anchors.length - 1;
    if (this.topOf(anchors[0]!.el, base) > y) return anchors[0]!.offset;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.topOf(anchors[mid]!.el, base) <= y) lo = mid;
      else hi = mid - 1;
    }
    const a = anchors[lo]!;
    const topA = this.topOf(a.el, base);
    for (let i = lo + 1; i < anchors.length; i++) {
      const b = anchors[i]!;
      const topB = this.topOf(b.el, base);
      if (topB > topA && b.offset > a.offset)
        return Math.round(a.offset + ((y - topA) / (topB - topA)) * (b.offset - a.offset));
    }
    return a.offset;
  }

  private settle(): void {
    this.settling = true;
    if (this.settleFrame) cancelAnimationFrame(this.settleFrame);
    this.settleFrame = requestAnimationFrame(() => {
      this.settleFrame = requestAnimationFrame(() => {
        this.settleFrame = 0;
        this.settling = false;
      });
    });
  }

  private readonly onScroll = () => {
    if (this.expectedScrollTop !== null) {
      const echo = Math.abs(this.container.scrollTop - this.expectedScrollTop) <= 1;
      this.expectedScrollTop = null;
      if (echo) return;
    }
    // Content above the viewport grew or shrank as the story was edited and
    // the browser kept the view in place: the editor must not follow that.
    if (this.settling) return;
    this.lastUserScroll = performance.now();
    if (!this.callbacks.onPreviewScroll || this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const offset = this.topOffset();
      if (offset === null || offset === this.lastEmitted) return;
      this.lastEmitted = offset;
      this.callbacks.onPreviewScroll?.(offset);
    });
  };
}
