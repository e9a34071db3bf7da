import { type EditorState, type Extension, type Range } from '@codemirror/state';
import {
  Decoration,
  ViewPlugin,
  type DecorationSet,
  type EditorView,
  type ViewUpdate,
} from '@codemirror/view';
import type { LinkFact, Span, StoryFacts } from '../../shared/story';
import { highlightTheme } from './highlight-theme';
import { parsedStory, storyParse } from './parse-field';
import { eachBetween } from './spans';

// Marks the parts of the layout from the parse's facts: no grammar of its own,
// so the colours can never disagree with what the parser (and so the checks,
// the preview and the forms) read. Only the visible ranges are decorated, and
// they are rebuilt when the text or the viewport changes: the facts are already
// computed, so a rebuild is a few binary searches and a few hundred marks.

const marks = new Map<string, Decoration>();
const lines = new Map<string, Decoration>();
const mark = (name: string) => {
  let d = marks.get(name);
  if (!d) marks.set(name, (d = Decoration.mark({ class: `cm-story-${name}` })));
  return d;
};
const line = (name: string) => {
  let d = lines.get(name);
  if (!d) lines.set(name, (d = Decoration.line({ class: `cm-story-${name}-line` })));
  return d;
};

const bySpan = (x: { span: Span }) => x.span;
const byHeading = (x: { headingSpan: Span }) => x.headingSpan;
const COUNT = /^\d+ (?:takes?|lens|lenses|regions?)$/;
const INLINE = /\*\*(?=\S)([^*\n]+?)\*\*|(?<![*\w])\*(?=[^\s*])([^*\n]+?)\*(?![*\w])/g;
const YAML_KEY = /^(\s*(?:- )?)([^\s#:'"][^:#]*?):(?=\s|$)/;

class Builder {
  readonly out: Range<Decoration>[] = [];
  lo = 0;
  hi = 0;

  constructor(readonly state: EditorState) {}

  /** Adds a mark if it starts in the window being built, so no mark is added twice. */
  mark(from: number, to: number, name: string) {
    if (to > from && from >= this.lo && from < this.hi) this.out.push(mark(name).range(from, to));
  }

  /** A line class for the line at `pos`, if that line starts in the window. */
  line(pos: number, name: string) {
    const start = this.state.doc.lineAt(pos).from;
    if (start >= this.lo && (start < this.hi || start === this.state.doc.length))
      this.out.push(line(name).range(start));
  }

  /** Line classes for every line of `span` within the window. */
  lines(span: Span, name: string) {
    const { doc } = this.state;
    let pos = Math.max(span.from, this.lo);
    const end = Math.min(span.to, this.hi);
    while (pos <= end) {
      const l = doc.lineAt(pos);
      this.line(l.from, name);
      pos = l.to + 1;
    }
  }

  text(from: number, to: number) {
    return this.state.sliceDoc(from, to);
  }

  build(facts: StoryFacts, from: number, to: number) {
    this.lo = from;
    this.hi = to;
    const doc = this.state.doc;
    if (facts.frontMatter && facts.frontMatter.from < to && facts.frontMatter.to >= from)
      this.frontMatter(facts.frontMatter);
    const header = (span: Span | null, name: string) => {
      if (!span || span.to < from || span.from > to) return;
      const start = doc.lineAt(span.from).from;
      this.line(start, name);
      this.mark(start, span.from, 'markup');
      this.mark(span.from, span.to, name);
    };
    header(facts.title, 'title');
    header(facts.dek, 'dek');
    if (facts.meta && facts.meta.to >= from && facts.meta.from <= to) this.meta(facts.meta);
    eachBetween(facts.sections, from, to, byHeading, (s) => {
      const start = s.headingSpan.from - 3;
      this.line(start, 'heading');
      if (s.id === null) this.line(start, 'unknown-section');
      this.mark(start, s.headingSpan.from, 'markup');
      this.mark(s.headingSpan.from, s.headingSpan.to, 'heading');
    });
    eachBetween(facts.lenses, from, to, byHeading, (l) => {
      const start = l.headingSpan.from - 4;
      this.line(start, 'lens');
      this.mark(start, l.headingSpan.from, 'markup');
      this.mark(l.headingSpan.from, l.headingSpan.to, 'lens');
    });
    eachBetween(facts.takes, from, to, bySpan, (t) => {
      const { outlet, region, language, summary } = t.fields;
      this.line(t.headSpan.from, 'take');
      this.mark(t.headSpan.from, outlet.from, 'markup');
      this.mark(outlet.from, outlet.to, 'outlet');
      this.mark(outlet.to, region.from, 'markup');
      this.mark(region.from, region.to, 'region');
      this.mark(region.to, language.from, 'markup');
      this.mark(language.from, language.to, 'language');
      this.mark(language.to, summary.from, 'markup');
      this.mark(summary.from, summary.to, 'summary');
      if (t.quoteSpan) {
        const q = t.quoteSpan;
        this.line(q.from, 'quote');
        this.mark(q.from - 5, q.from, 'markup');
        this.mark(q.from, q.to, 'quote');
        this.mark(q.to, q.to + 1, 'markup');
      }
      if (t.sourceSpan) {
        const s = t.sourceSpan;
        this.line(s.from, 'source');
        this.mark(s.from - 8, s.from - 1, 'source-label');
        this.mark(s.from, s.to, 'url');
      }
    });
    eachBetween(facts.numbers, from, to, bySpan, (n) => {
      this.line(n.span.from, 'item');
      this.mark(n.span.from, n.figureSpan.from, 'markup');
      this.mark(n.figureSpan.from, n.figureSpan.to, 'figure');
      this.mark(n.figureSpan.to, n.noteSpan.from, 'markup');
    });
    eachBetween(facts.watch, from, to, bySpan, (w) => {
      this.line(w.span.from, 'item');
      this.mark(w.span.from, w.span.from + 2, 'markup');
    });
    for (const s of facts.sections)
      if (s.bodySpan && (s.kind === 'prose' || s.kind === 'watch' || s.kind === 'unknown'))
        this.inline(s.bodySpan);
    eachBetween(facts.entityLinks, from, to, bySpan, (l) => this.link(l, 'entity-link'));
    eachBetween(facts.storyLinks, from, to, bySpan, (l) => this.link(l, 'story-link'));
    if (facts.relatedLine) this.listLine(facts.relatedLine, '- Related:'.length);
    eachBetween(facts.related, from, to, bySpan, (r) => {
      this.mark(r.span.from - 2, r.span.from, 'markup');
      this.mark(r.span.from, r.span.to, 'related');
      this.mark(r.span.to, r.span.to + 2, 'markup');
    });
    if (facts.entitiesLine) this.listLine(facts.entitiesLine, '- Entities:'.length);
    eachBetween(facts.entities, from, to, bySpan, (e) =>
      this.mark(e.span.from, e.span.to, 'entity-name'),
    );
    if (facts.footer && facts.footer.to >= from && facts.footer.from <= to) {
      this.lines(facts.footer, 'footer');
      this.mark(facts.footer.from, facts.footer.from + 3, 'markup');
      if (facts.canonical) {
        this.mark(facts.canonical.from - 11, facts.canonical.from - 1, 'canonical-label');
        this.mark(facts.canonical.from, facts.canonical.to, 'canonical');
      }
    }
  }

  private frontMatter(span: Span) {
    this.lines(span, 'front-matter');
    const { doc } = this.state;
    let pos = Math.max(span.from, this.lo);
    const end = Math.min(span.to, this.hi);
    while (pos <= end) {
      const l = doc.lineAt(pos);
      if (l.text === '---') this.mark(l.from, l.to, 'markup');
      else if (/^\s*#/.test(l.text)) this.mark(l.from, l.to, 'fm-comment');
      else {
        const m = YAML_KEY.exec(l.text);
        if (m) this.mark(l.from + m[1]!.length, l.from + m[0].length, 'fm-key');
      }
      pos = l.to + 1;
    }
  }

  /** The Meta line's label, keys, values and counts, from the line's own separators. */
  private meta(span: Span) {
    this.line(span.from, 'meta');
    const text = this.text(span.from, span.to);
    const label = '**Meta:**';
    if (!text.startsWith(label)) return;
    this.mark(span.from, span.from + label.length, 'meta-label');
    let at = span.from + label.length;
    for (const part of text.slice(label.length).split('·')) {
      if (at > span.from + label.length) this.mark(at - 1, at, 'markup');
      const lead = part.length - part.trimStart().length;
      const body = part.trim();
      const from = at + lead;
      const key = /^(type|date|heads):/.exec(body);
      if (key) {
        this.mark(from, from + key[0].length, 'meta-key');
        const value = body.slice(key[0].length);
        const valueFrom = from + key[0].length + value.length - value.trimStart().length;
        if (key[1] === 'heads') {
          let h = valueFrom;
          for (const head of this.text(valueFrom, from + body.length).split(', ')) {
            this.mark(h, h + head.length, 'meta-value');
            h += head.length + 2;
          }
        } else this.mark(valueFrom, from + body.length, 'meta-value');
      } else if (COUNT.test(body)) this.mark(from, from + body.length, 'meta-count');
      at += part.length + 1;
    }
  }

  private link(l: LinkFact, name: string) {
    const textTo = l.span.from + 1 + l.text.length;
    this.mark(l.span.from, l.span.from + 1, 'markup');
    this.mark(l.span.from + 1, textTo, name);
    this.mark(textTo, l.span.to, 'link-target');
  }

  private listLine(span: Span, labelLength: number) {
    if (span.to < this.lo || span.from > this.hi) return;
    this.line(span.from, 'item');
    this.mark(span.from, span.from + 2, 'markup');
    this.mark(span.from + 2, span.from + labelLength, 'graph-label');
  }

  /** Bold and italic in prose: the one inline markup a desk's prose carries. */
  private inline(body: Span) {
    const from = Math.max(body.from, this.lo);
    const to = Math.min(body.to, this.hi);
    if (from > to) return;
    const start = this.state.doc.lineAt(from).from;
    const end = this.state.doc.lineAt(to).to;
    const text = this.text(start, end);
    for (const m of text.matchAll(INLINE)) {
      const at = start + m.index;
      const fence = m[1] !== undefined ? 2 : 1;
      const len = m[0].length;
      this.mark(at, at + fence, 'markup');
      this.mark(at + fence, at + len - fence, fence === 2 ? 'strong' : 'em');
      this.mark(at + len - fence, at + len, 'markup');
    }
  }
}

/** The decorations for the story in `state` over `ranges` (in order, not overlapping). */
export function storyDecorations(
  state: EditorState,
  ranges: readonly { from: number; to: number }[],
): DecorationSet {
  const { facts } = parsedStory(state);
  const builder = new Builder(state);
  for (const r of ranges) builder.build(facts, r.from, r.to);
  return Decoration.set(builder.out, true);
}

const highlightPlugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;

    constructor(view: EditorView) {
      this.decorations = storyDecorations(view.state, view.visibleRanges);
    }

    update(update: ViewUpdate) {
      if (
        update.docChanged ||
        update.viewportChanged ||
        update.startState.field(storyParse, false) !== update.state.field(storyParse, false)
      )
        this.decorations = storyDecorations(update.state, update.view.visibleRanges);
    }
  },
  { decorations: (v) => v.decorations },
);

/** Colours the story's layout: headings, Meta, takes, quotes, sources, links, figures. */
export function storyHighlight(): Extension {
  return [storyParse, highlightPlugin, highlightTheme];
}
