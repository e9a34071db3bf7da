import { countLabel, deriveCounts } from './derive';
import type { Diagnostic, DiagnosticCode, QuickFix, Severity } from './diagnostics';
import type { StoryFacts, Span, TakeFact } from './facts';
import { readFrontMatter, type FrontMatterRead } from './frontmatter';
import { positionOf, splitLines, type Line, type LineTable } from './lines';
import { scanLinks } from './links';
import {
  SECTION_HEADINGS,
  SECTION_ORDER,
  type GraphSection,
  type LensGroup,
  type Meta,
  type NumberItem,
  type RawLine,
  type Section,
  type SectionId,
  type Story,
  type Take,
  type TakesSection,
  type WatchItem,
} from './model';
import { CANONICAL_PREFIX, META_PREFIX, TAKE_DASH, serializeMeta } from './serialize';
import { isValidSlug } from './slug';

// The reader of FORMAT.md's layout. It walks the text once, line by line, and
// never throws on user text: what it cannot read becomes a diagnostic and a
// raw line kept where it stood. It also records where each thing came from,
// so that the editor, the forms and the checks never read the markdown again.

export interface ParseResult {
  story: Story;
  diagnostics: Diagnostic[];
  facts: StoryFacts;
}

const HEADING_TO_ID = new Map<string, SectionId>(
  Object.entries(SECTION_HEADINGS).map(([id, heading]) => [heading, id as SectionId]),
);
const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const COUNT_PATTERN = /^(\d+) (takes?|lens|lenses|regions?)$/;
const CANONICAL_PATTERN = /^(https?:\/\/[^/\s]+)\/([^/\s]+)\/n\/([^/\s]*)$/;

class Parser {
  readonly diagnostics: Diagnostic[] = [];
  readonly facts: StoryFacts;
  private readonly lines: readonly Line[];

  constructor(
    readonly text: string,
    readonly table: LineTable,
  ) {
    this.lines = table.lines;
    this.facts = {
      frontMatter: null,
      title: null,
      dek: null,
      meta: null,
      canonical: null,
      slug: null,
      locale: null,
      baseUrl: null,
      sections: [],
      lenses: [],
      takes: [],
      quotes: [],
      numbers: [],
      watch: [],
      entityLinks: [],
      storyLinks: [],
      related: [],
      entities: [],
    };
  }

  report(
    code: DiagnosticCode,
    severity: Severity,
    message: string,
    span: Span,
    fixes?: QuickFix[],
  ) {
    const start = positionOf(this.table, span.from);
    const end = positionOf(this.table, span.to);
    const d: Diagnostic = {
      code,
      severity,
      message,
      from: span.from,
      to: span.to,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
    if (fixes?.length) d.fixes = fixes;
    this.diagnostics.push(d);
  }

  lineSpan(i: number, col = 0, len?: number): Span {
    const line = this.lines[i]!;
    const from = line.from + col;
    return { from, to: len === undefined ? line.from + line.text.length : from + len };
  }

  linesSpan(first: number, last: number): Span {
    return { from: this.lines[first]!.from, to: this.lineSpan(last).to };
  }

  endSpan(): Span {
    return { from: this.text.length, to: this.text.length };
  }

  parse(): Story {
    const { lines } = this;
    const story: Story = {
      frontMatter: null,
      title: null,
      dek: null,
      meta: null,
      preamble: [],
      sections: [],
      canonical: null,
      trailer: [],
      finalNewline: this.table.finalNewline,
    };
    if (this.table.crlf)
      this.report(
        'crlf-line-endings',
        'info',
        'This file uses Windows line endings; saving writes plain newlines.',
        {
          from: 0,
          to: 0,
        },
      );

    let i = this.parseFrontMatter(story);
    const footer = this.findFooter(i);
    const end = footer ?? lines.length;
    i = this.parseHeader(story, i, end);
    this.parseSections(story, i, end);
    if (footer !== undefined) this.parseFooter(story, footer);
    else
      this.report(
        'missing-canonical',
        'error',
        'The story has no Canonical line. End it with `---` and then `Canonical: {base url}/{locale}/n/{slug}`.',
        this.endSpan(),
      );
    this.checkStory(story);
    return story;
  }

  private parseFrontMatter(story: Story): number {
    const { lines } = this;
    if (lines[0]?.text !== '---') return 0;
    let close = -1;
    for (let j = 1; j < lines.length; j++) {
      const t = lines[j]!.text;
      const next = lines[j + 1]?.text;
      // A `# ` line is a YAML comment unless the dek follows it, and the footer's
      // rule is no closing fence: either way the file has no front matter.
      if (t.startsWith('# ') && next?.startsWith('>')) break;
      if (t === '---') {
        if (!next?.startsWith(CANONICAL_PREFIX)) close = j;
        break;
      }
    }
    if (close < 0) return 0;
    let yaml = '';
    for (let j = 1; j < close; j++) yaml += lines[j]!.text + '\n';
    story.frontMatter = yaml;
    let read: FrontMatterRead;
    try {
      read = readFrontMatter(yaml);
    } catch (e) {
      // yaml's toJS throws on some documents its parser accepts (an alias to an
      // undefined anchor, an alias bomb); that is malformed front matter, not a crash.
      read = {
        data: null,
        error: { message: e instanceof Error ? e.message : String(e), line: 0 },
      };
    }
    const span = this.linesSpan(0, close);
    this.facts.frontMatter = { ...span, data: read.data };
    if (read.error) {
      const at = Math.min(close - 1, Math.max(1, read.error.line + 1));
      this.report(
        'front-matter-invalid',
        'error',
        `The front matter is not valid YAML (${read.error.message}). It is kept as written until you fix it.`,
        at >= 1 && at < close ? this.lineSpan(at) : this.lineSpan(0),
      );
    }
    return close + 1;
  }

  /** The Canonical line's index: the last `Canonical: ` line right after a `---`. */
  private findFooter(start: number): number | undefined {
    for (let j = this.lines.length - 1; j > start; j--) {
      if (this.lines[j]!.text.startsWith(CANONICAL_PREFIX) && this.lines[j - 1]!.text === '---')
        return j - 1;
    }
    return undefined;
  }

  private parseHeader(story: Story, start: number, end: number): number {
    let i = start;
    for (; i < end; i++) {
      const line = this.lines[i]!;
      const t = line.text;
      if (t.startsWith('## ') || t === '##') break;
      if (t.trim() === '') continue;
      if (story.title === null && (t.startsWith('# ') || t === '#')) {
        story.title = t.slice(2);
        this.facts.title = this.lineSpan(i, Math.min(2, t.length));
      } else if (story.dek === null && (t.startsWith('> ') || t === '>')) {
        story.dek = t.slice(2);
        this.facts.dek = this.lineSpan(i, Math.min(2, t.length));
      } else if (story.meta === null && t.startsWith(META_PREFIX.trimEnd())) {
        story.meta = this.parseMeta(i);
        this.facts.meta = this.lineSpan(i);
      } else {
        story.preamble.push({ kind: 'raw', text: t });
        this.report(
          'unplaced-line',
          'warning',
          'This line is not part of the story layout (title, dek, Meta line). It is kept, after the Meta line.',
          this.lineSpan(i),
        );
      }
    }
    return i;
  }

  private parseMeta(i: number): Meta | RawLine {
    const t = this.lines[i]!.text;
    const offset = this.lines[i]!.from;
    const meta: Meta = {
      kind: 'meta',
      type: '',
      date: '',
      heads: [],
      counts: { takes: 0, lenses: 0, regions: 0 },
    };
    const seen = new Set<string>();
    const problems: string[] = [];
    // Read leniently (any spacing around `·` and after `:`): an exact form is
    // checked below, and a loose one is kept as typed with a fix.
    const bodyFrom = META_PREFIX.trimEnd().length;
    let col = bodyFrom;
    for (const rawPart of t.slice(bodyFrom).split('·')) {
      // Only plain spaces are spacing here; any other character is content.
      const lead = rawPart.length - rawPart.replace(/^ +/, '').length;
      const part = rawPart.replace(/^ +| +$/g, '');
      const span = { from: offset + col + lead, to: offset + col + lead + part.length };
      col += rawPart.length + 1;
      let key: string | undefined;
      const field = /^(type|date|heads): *(.*)$/s.exec(part);
      const count = COUNT_PATTERN.exec(part.replace(/ +/g, ' '));
      if (field?.[1] === 'type') {
        key = 'type';
        meta.type = field[2]!;
      } else if (field?.[1] === 'date') {
        key = 'date';
        meta.date = field[2]!;
        this.checkDate(meta.date, { from: span.to - meta.date.length, to: span.to });
      } else if (field?.[1] === 'heads') {
        key = 'heads';
        meta.heads = field[2] === '' ? [] : field[2]!.split(', ');
      } else if (count) {
        const n = Number(count[1]);
        key = count[2]!.startsWith('take')
          ? 'takes'
          : count[2]!.startsWith('lens')
            ? 'lenses'
            : 'regions';
        meta.counts[key as keyof Meta['counts']] = n;
        this.facts.metaCounts ??= {};
        this.facts.metaCounts[key as keyof Meta['counts']] = span;
      } else {
        if (part) problems.push(`\`${part}\` is not a Meta field`);
        continue;
      }
      if (seen.has(key)) problems.push(`${key} is given twice`);
      seen.add(key);
    }
    for (const key of ['type', 'date', 'heads', 'takes', 'lenses', 'regions'])
      if (!seen.has(key)) problems.push(`${key} is missing`);
    if (problems.length) {
      this.report(
        'meta-malformed',
        'error',
        `The Meta line does not follow the layout (${problems.join('; ')}). It should read: **Meta:** type: … · date: YYYY-MM-DD · heads: … · N takes · N lenses · N regions.`,
        this.lineSpan(i),
      );
      // Keep the counts it does state for the count check, but write it back as typed.
      this.facts.statedCounts =
        seen.has('takes') && seen.has('lenses') && seen.has('regions') ? meta.counts : null;
      return { kind: 'raw', text: t };
    }
    this.facts.statedCounts = meta.counts;
    this.metaRead = meta;
    if (serializeMeta(meta) !== t) {
      // Readable but not in the layout's form (spacing, order, `1 takes`): kept
      // as typed, with the rewrite one click away once the counts are known.
      this.metaLoose = true;
      return { kind: 'raw', text: t };
    }
    return meta;
  }

  /** The Meta line as read, even when it is kept raw. */
  private metaRead: Meta | null = null;
  private metaLoose = false;

  private checkDate(date: string, span: Span) {
    const m = DATE_PATTERN.exec(date);
    let valid = false;
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      const days = [
        31,
        y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
      ];
      valid = mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1]!;
    }
    if (!valid)
      this.report(
        'bad-date',
        'error',
        `“${date}” is not a date. Write it as YYYY-MM-DD, for example 2026-06-05.`,
        span,
      );
  }

  private parseSections(story: Story, start: number, end: number) {
    let i = start;
    const seen = new Set<SectionId>();
    let furthest = -1;
    /** The layout's sections met so far, in text order: where an out-of-order one moves to. */
    const placed: { order: number; heading: string; from: number }[] = [];
    while (i < end) {
      const headingLine = i;
      const t = this.lines[i]!.text;
      const heading = t === '##' ? '' : t.slice(3);
      let j = i + 1;
      while (j < end && !this.lines[j]!.text.startsWith('## ') && this.lines[j]!.text !== '##') j++;
      // Body without the blank lines that separate it from its neighbours.
      let first = i + 1;
      let last = j - 1;
      while (first <= last && this.lines[first]!.text === '') first++;
      while (last >= first && this.lines[last]!.text === '') last--;
      const id = HEADING_TO_ID.get(heading);
      const index = story.sections.length;
      const headingSpan = this.lineSpan(headingLine, Math.min(3, t.length));
      let section: Section;
      if (id === undefined) {
        section = { kind: 'unknown', heading, text: this.joinLines(first, last) };
        const near = [...HEADING_TO_ID.keys()].find(
          (h) => h.toLowerCase() === heading.trim().toLowerCase(),
        );
        this.report(
          'unknown-section',
          'warning',
          near
            ? `“${heading}” is not a section of the story layout; did you mean “${near}”? It is kept as written.`
            : `“${heading}” is not a section of the story layout. It is kept as written, but published pages may not show it.`,
          headingSpan,
          near
            ? [{ label: `Rename to “${near}”`, changes: [{ ...headingSpan, insert: near }] }]
            : undefined,
        );
      } else {
        section = this.parseSectionBody(id, first, last, index);
        if (seen.has(id))
          this.report(
            'duplicate-section',
            'warning',
            `The story already has a “${heading}” section. Merge the two into one.`,
            headingSpan,
          );
        const order = SECTION_ORDER.indexOf(id);
        if (order < furthest) {
          // The fix moves the section, heading to the next heading, before the first one
          // that belongs after it; a blank line keeps the two apart.
          const target = placed.find((p) => p.order > order)!;
          const from = this.lines[headingLine]!.from;
          const to = j < this.lines.length ? this.lines[j]!.from : this.text.length;
          let block = this.text.slice(from, to);
          if (!block.endsWith('\n')) block += '\n';
          if (!block.endsWith('\n\n')) block += '\n';
          this.report(
            'section-out-of-order',
            'warning',
            `“${heading}” should come before “${SECTION_HEADINGS[SECTION_ORDER[furthest]!]}”. Sections follow the order: ${SECTION_ORDER.map((s) => SECTION_HEADINGS[s]).join(', ')}.`,
            headingSpan,
            [
              {
                label: `Move “${heading}” before “${target.heading}”`,
                changes: [
                  { from: target.from, to: target.from, insert: block },
                  { from, to, insert: '' },
                ],
              },
            ],
          );
        }
        placed.push({ order, heading, from: this.lines[headingLine]!.from });
        furthest = Math.max(furthest, order);
        seen.add(id);
      }
      if (first > last)
        this.report(
          'empty-section',
          'warning',
          `The “${heading}” section is empty. Write its content, or remove the heading: a story leaves out sections it has nothing for.`,
          headingSpan,
        );
      this.facts.sections.push({
        index,
        kind: section.kind,
        id: id ?? null,
        heading,
        headingSpan,
        span: this.linesSpan(headingLine, Math.max(headingLine, last)),
        bodySpan: first <= last ? this.linesSpan(first, last) : null,
      });
      story.sections.push(section);
      i = j;
    }
  }

  private joinLines(first: number, last: number): string {
    if (first > last) return '';
    return this.text.slice(this.lines[first]!.from, this.lineSpan(last).to).replace(/\r\n/g, '\n');
  }

  private parseSectionBody(id: SectionId, first: number, last: number, index: number): Section {
    switch (id) {
      case 'summary':
      case 'split':
      case 'matters': {
        const text = this.joinLines(first, last);
        if (first <= last) this.scanProse(index, this.lines[first]!.from, this.lineSpan(last).to);
        return { kind: 'prose', id, text };
      }
      case 'numbers':
        return { kind: 'numbers', items: this.parseNumbers(first, last) };
      case 'watch':
        return { kind: 'watch', items: this.parseWatch(first, last, index) };
      case 'takes':
        return this.parseTakes(first, last, index);
      case 'graph':
        return this.parseGraph(first, last);
    }
  }

  private scanProse(section: number, from: number, to: number) {
    const locale = this.expectedLocale();
    for (const link of scanLinks(this.text, from, to)) {
      if (link.target.kind === 'external' || link.target.kind === 'other') continue;
      const { kind, locale: linkLocale, slug } = link.target;
      const fact = {
        text: link.text,
        slug,
        locale: linkLocale,
        span: { from: link.from, to: link.to },
        slugSpan: { from: link.hrefSpan.to - slug.length, to: link.hrefSpan.to },
        section,
      };
      if (kind === 'entity') this.facts.entityLinks.push(fact);
      else this.facts.storyLinks.push(fact);
      if (!isValidSlug(slug))
        this.report(
          'link-slug-invalid',
          'error',
          `“${slug}” is not a valid ${kind === 'entity' ? 'entity' : 'story'} slug (lowercase letters, digits and single hyphens).`,
          link.hrefSpan,
        );
      if (locale !== null && linkLocale !== locale) {
        const at = { from: link.hrefSpan.from + 1, to: link.hrefSpan.from + 1 + linkLocale.length };
        this.report(
          'link-locale-mismatch',
          'warning',
          `This link points to the “${linkLocale}” edition, but the story is published in “${locale}”.`,
          at,
          [{ label: `Use /${locale}/`, changes: [{ ...at, insert: locale }] }],
        );
      }
    }
  }

  /** The locale every link should use: the Canonical line's, read ahead of the footer parse. */
  private localeCache: string | null | undefined;
  private expectedLocale(): string | null {
    if (this.localeCache === undefined) {
      const footer = this.findFooter(0);
      const line = footer === undefined ? undefined : this.lines[footer + 1]!.text;
      const m =
        line === undefined ? null : CANONICAL_PATTERN.exec(line.slice(CANONICAL_PREFIX.length));
      this.localeCache = m ? m[2]! : null;
    }
    return this.localeCache;
  }

  private parseNumbers(first: number, last: number): NumberItem[] {
    const items: NumberItem[] = [];
    for (let i = first; i <= last; i++) {
      const t = this.lines[i]!.text;
      if (t.trim() === '') continue;
      const comma = t.startsWith('- ') ? t.indexOf(', ', 2) : -1;
      if (comma <= 2) {
        items.push({ kind: 'raw', text: t });
        this.report(
          'number-malformed',
          'error',
          'A number is written `- {figure}, {note}`: a dash, the figure, a comma and a space, then what it counts.',
          this.lineSpan(i),
        );
        continue;
      }
      const figure = t.slice(2, comma);
      const note = t.slice(comma + 2);
      items.push({ kind: 'number', figure, note });
      const span = this.lineSpan(i);
      this.facts.numbers.push({
        index: items.length - 1,
        figure,
        note,
        span,
        figureSpan: { from: span.from + 2, to: span.from + comma },
        noteSpan: { from: span.from + comma + 2, to: span.to },
      });
      // `1, 250 people` reads as the figure 1: a thousands separator written with a space.
      const split = /^\d{3}(?![\d,])/.exec(note);
      if (/^\d{1,3}$/.test(figure) && split) {
        const gap = { from: span.from + comma, to: span.from + comma + 2 };
        this.report(
          'number-figure-has-comma',
          'error',
          `The figure reads as “${figure}”, because a figure ends at the first comma and space. Write “${figure},${split[0]}” without the space.`,
          { from: span.from + 2, to: span.from + comma + 2 + split[0].length },
          [
            {
              label: `Write ${figure},${split[0]}`,
              // The rest of the line stays the note, after the figure's own `, `.
              changes: [
                { ...gap, insert: ',' },
                ...(note.length > 3
                  ? [{ from: gap.to + 3, to: gap.to + 3 + (note[3] === ' ' ? 1 : 0), insert: ', ' }]
                  : []),
              ],
            },
          ],
        );
      }
    }
    return items;
  }

  private parseWatch(first: number, last: number, section: number): WatchItem[] {
    const items: WatchItem[] = [];
    for (let i = first; i <= last; i++) {
      const t = this.lines[i]!.text;
      if (t.trim() === '') continue;
      const span = this.lineSpan(i);
      if (t.startsWith('- ')) {
        items.push({ kind: 'item', text: t.slice(2) });
        this.facts.watch.push({ index: items.length - 1, text: t.slice(2), span });
        this.scanProse(section, span.from + 2, span.to);
      } else {
        items.push({ kind: 'raw', text: t });
        this.report(
          'watch-malformed',
          'warning',
          'Each thing to watch is a list item starting with `- `.',
          span,
        );
      }
    }
    return items;
  }

  private parseTakes(first: number, last: number, section: number): TakesSection {
    const intro: RawLine[] = [];
    const groups: LensGroup[] = [];
    let group: LensGroup | undefined;
    let take: Take | undefined;
    let fact: TakeFact | undefined;
    for (let i = first; i <= last; i++) {
      const t = this.lines[i]!.text;
      const span = this.lineSpan(i);
      if (t.startsWith('### ') || t === '###') {
        group = { lens: t.slice(4), items: [] };
        take = undefined;
        groups.push(group);
        const headingSpan = this.lineSpan(i, Math.min(4, t.length));
        this.facts.lenses.push({
          index: groups.length - 1,
          lens: group.lens,
          span,
          headingSpan,
          section,
        });
        if (group.lens.trim() === '')
          this.report(
            'lens-empty',
            'warning',
            'This lens group has no name. Name the bias or lens its takes share.',
            span,
          );
        continue;
      }
      if (t.trim() === '') continue;
      if (!group) {
        intro.push({ kind: 'raw', text: t });
        this.report(
          'take-outside-lens',
          'error',
          'Takes are grouped by lens: put this line under a `### {lens}` heading.',
          span,
        );
        continue;
      }
      if (t.startsWith('- ')) {
        const parsed = this.parseTakeHead(i);
        if (parsed) {
          take = parsed.take;
          group.items.push(take);
          fact = {
            index: this.facts.takes.length,
            group: groups.length - 1,
            item: group.items.length - 1,
            lens: group.lens,
            take,
            span,
            headSpan: span,
            fields: parsed.fields,
            quoteSpan: null,
            sourceSpan: null,
          };
          this.facts.takes.push(fact);
          this.facts.lenses[this.facts.lenses.length - 1]!.span.to = span.to;
          continue;
        }
        take = undefined;
      } else if (
        take &&
        fact &&
        t.startsWith('  > "') &&
        t.length >= 6 &&
        t.endsWith('"') &&
        take.quote === null &&
        take.source === null
      ) {
        take.quote = t.slice(5, -1);
        fact.quoteSpan = this.lineSpan(i, 5, take.quote.length);
        fact.span = { from: fact.span.from, to: span.to };
        this.facts.quotes.push({ take: fact.index, text: take.quote, span: fact.quoteSpan });
        this.facts.lenses[this.facts.lenses.length - 1]!.span.to = span.to;
        continue;
      } else if (take && fact && t.startsWith('  Source: ') && take.source === null) {
        take.source = t.slice(10);
        fact.sourceSpan = this.lineSpan(i, 10);
        fact.span = { from: fact.span.from, to: span.to };
        this.facts.lenses[this.facts.lenses.length - 1]!.span.to = span.to;
        continue;
      } else if (take && this.reportTakeLine(t, span)) {
        group.items.push({ kind: 'raw', text: t });
        this.facts.lenses[this.facts.lenses.length - 1]!.span.to = span.to;
        continue;
      }
      group.items.push({ kind: 'raw', text: t });
      this.facts.lenses[this.facts.lenses.length - 1]!.span.to = span.to;
      this.report(
        'take-malformed',
        'error',
        'This is not a take. A take reads `- **{outlet}** ({region}, {language}) — {summary}`, then an optional `  > "{quote}"` and `  Source: {url}`.',
        span,
      );
    }
    for (const f of this.facts.takes) {
      if (f.take.source === null)
        this.report(
          'take-missing-source',
          'error',
          `The take from ${f.take.outlet} has no source. Add a line \`  Source: {url}\` under it.`,
          f.headSpan,
          [
            {
              label: 'Add a Source line',
              changes: [{ from: f.span.to, to: f.span.to, insert: '\n  Source: https://' }],
            },
          ],
        );
      else if (!URL_PATTERN.test(f.take.source))
        this.report(
          'take-bad-url',
          'error',
          `“${f.take.source}” is not a web address. A source is an http:// or https:// URL.`,
          f.sourceSpan!,
        );
    }
    return { kind: 'takes', intro, groups };
  }

  /**
   * A quote or source line that is almost right: kept as typed, with the fix
   * that makes it right. Returns false for lines that are no such thing.
   */
  private reportTakeLine(t: string, span: Span): boolean {
    const quote = /^\s*>\s?(.*)$/.exec(t);
    if (quote) {
      const body = quote[1]!.replace(/^["“”]|["“”]$/g, '');
      this.report(
        'take-malformed',
        'warning',
        'A quote line reads `  > "{quote}"`: two spaces, `>`, a space, the quote in straight double quotes.',
        span,
        [{ label: 'Write it as a quote line', changes: [{ ...span, insert: `  > "${body}"` }] }],
      );
      return true;
    }
    const source = /^\s*source:\s*(\S*)\s*$/i.exec(t);
    if (source) {
      this.report(
        'take-malformed',
        'error',
        'A source line reads `  Source: {url}`: two spaces, `Source:`, a space, the URL.',
        span,
        [
          {
            label: 'Write it as a source line',
            changes: [{ ...span, insert: `  Source: ${source[1]}` }],
          },
        ],
      );
      return true;
    }
    return false;
  }

  private parseTakeHead(i: number): { take: Take; fields: TakeFact['fields'] } | null {
    const t = this.lines[i]!.text;
    const at = this.lines[i]!.from;
    if (!t.startsWith('- **')) return null;
    const outletEnd = t.indexOf('** (', 4);
    if (outletEnd <= 4) return null;
    const closeDash = t.indexOf(')' + TAKE_DASH.trimEnd(), outletEnd + 4);
    if (closeDash < 0) return null;
    const inner = t.slice(outletEnd + 4, closeDash);
    const comma = inner.lastIndexOf(', ');
    if (comma < 0) return null;
    const afterDash = closeDash + 1 + TAKE_DASH.trimEnd().length;
    // The format keeps the dash's trailing space even before an empty summary.
    if (afterDash < t.length && t[afterDash] !== ' ') return null;
    const summaryFrom = Math.min(t.length, afterDash + 1);
    const regionFrom = outletEnd + 4;
    const languageFrom = regionFrom + comma + 2;
    const take: Take = {
      kind: 'take',
      outlet: t.slice(4, outletEnd),
      region: inner.slice(0, comma),
      language: inner.slice(comma + 2),
      summary: t.slice(summaryFrom),
      quote: null,
      source: null,
    };
    return {
      take,
      fields: {
        outlet: { from: at + 4, to: at + outletEnd },
        region: { from: at + regionFrom, to: at + regionFrom + comma },
        language: { from: at + languageFrom, to: at + closeDash },
        summary: { from: at + summaryFrom, to: at + t.length },
      },
    };
  }

  private parseGraph(first: number, last: number): GraphSection {
    const section: GraphSection = { kind: 'graph', related: null, entities: null, extra: [] };
    for (let i = first; i <= last; i++) {
      const t = this.lines[i]!.text;
      if (t.trim() === '') continue;
      const span = this.lineSpan(i);
      if (section.related === null && (t.startsWith('- Related: ') || t === '- Related:')) {
        const related = this.parseRelated(i);
        if (related) {
          section.related = related;
          continue;
        }
      } else if (
        section.entities === null &&
        (t.startsWith('- Entities: ') || t === '- Entities:')
      ) {
        const list = t.slice(12);
        section.entities = list === '' ? [] : list.split(', ');
        let col = 12;
        for (const name of section.entities) {
          this.facts.entities.push({
            name,
            span: { from: span.from + col, to: span.from + col + name.length },
          });
          col += name.length + 2;
        }
        this.facts.entitiesLine = span;
        if (section.entities.some((n) => n.trim() === '' || n !== n.trim()))
          this.report(
            'entities-malformed',
            'warning',
            'Entities are names separated by a comma and one space, with no empty names.',
            span,
          );
        continue;
      } else {
        this.report(
          'graph-malformed',
          'warning',
          '“Across the graph” holds a `- Related: [[slug]], …` line and a `- Entities: Name, …` line. This line is kept as written.',
          span,
        );
      }
      section.extra.push({ kind: 'raw', text: t });
    }
    return section;
  }

  private parseRelated(i: number): string[] | null {
    const t = this.lines[i]!.text;
    const span = this.lineSpan(i);
    const list = t.slice(11);
    const parts = list === '' ? [] : list.split(', ');
    const slugs: string[] = [];
    const facts = [];
    let col = 11;
    for (const part of parts) {
      if (!part.startsWith('[[') || !part.endsWith(']]') || part.length < 4) {
        this.report(
          'related-malformed',
          'error',
          'Related stories are written as [[slug]], separated by a comma and one space. This line is kept as written.',
          span,
        );
        return null;
      }
      const slug = part.slice(2, -2);
      const at = { from: span.from + col + 2, to: span.from + col + 2 + slug.length };
      if (!isValidSlug(slug))
        this.report(
          'related-slug-invalid',
          'error',
          `“${slug}” is not a story slug: use lowercase letters, digits and single hyphens.`,
          at,
        );
      slugs.push(slug);
      facts.push({ slug, span: at });
      col += part.length + 2;
    }
    this.facts.related.push(...facts);
    this.facts.relatedLine = span;
    return slugs;
  }

  private parseFooter(story: Story, rule: number) {
    const i = rule + 1;
    const t = this.lines[i]!.text;
    const url = t.slice(CANONICAL_PREFIX.length);
    story.canonical = url;
    const span = this.lineSpan(i, CANONICAL_PREFIX.length);
    this.facts.canonical = span;
    this.facts.footer = this.linesSpan(rule, i);
    for (let j = i + 1; j < this.lines.length; j++)
      story.trailer.push({ kind: 'raw', text: this.lines[j]!.text });
    const m = CANONICAL_PATTERN.exec(url);
    if (!m) {
      this.report(
        'canonical-malformed',
        'error',
        'The Canonical line reads `Canonical: {base url}/{locale}/n/{slug}`, for example https://rbtfl.xyz/ja/n/my-story.',
        span,
      );
      return;
    }
    this.facts.baseUrl = m[1]!;
    this.facts.locale = m[2]!;
    this.facts.slug = m[3]!;
    if (!isValidSlug(m[3]!))
      this.report(
        'canonical-slug-invalid',
        'error',
        `“${m[3]}” is not a valid story slug: use lowercase letters, digits and single hyphens.`,
        { from: span.to - m[3]!.length, to: span.to },
      );
  }

  private checkStory(story: Story) {
    const top = { from: 0, to: 0 };
    const headerEnd = this.facts.meta ?? this.facts.dek ?? this.facts.title ?? top;
    if (story.title === null)
      this.report(
        'missing-title',
        'error',
        'The story has no headline. Start it with `# {headline}`.',
        top,
      );
    else if (story.title.trim() === '')
      this.report('missing-title', 'error', 'The headline is empty.', this.facts.title!);
    if (story.dek === null)
      this.report(
        'missing-dek',
        'error',
        'The story has no dek. Put `> {one-sentence dek}` on the line after the headline.',
        this.facts.title ?? top,
      );
    if (story.meta === null)
      this.report(
        'missing-meta',
        'error',
        'The story has no Meta line. After the dek, add `**Meta:** type: … · date: YYYY-MM-DD · heads: … · N takes · N lenses · N regions`.',
        headerEnd,
      );
    const derived = deriveCounts(story);
    if (derived.takes === 0)
      this.report(
        'missing-takes',
        'error',
        'A story needs at least one regional take, under `## Regional takes (batched by bias / lens)`.',
        this.facts.sections.find((s) => s.kind === 'takes')?.headingSpan ?? headerEnd,
      );
    if (this.metaLoose && this.metaRead && this.facts.meta)
      this.report(
        'meta-malformed',
        'warning',
        'The Meta line is readable but not in the standard form (separators, order, or a count like “1 takes”). It is kept as typed.',
        this.facts.meta,
        [
          {
            label: 'Rewrite the Meta line in the standard form',
            changes: [
              { ...this.facts.meta, insert: serializeMeta({ ...this.metaRead, counts: derived }) },
            ],
          },
        ],
      );
    const stated = this.facts.statedCounts;
    if (stated && this.facts.meta) {
      const wrong = (['takes', 'lenses', 'regions'] as const).filter(
        (k) => stated[k] !== derived[k],
      );
      if (wrong.length) {
        const unit = { takes: 'take', lenses: 'lens', regions: 'region' } as const;
        const said = wrong
          .map((k) => `${countLabel(stated[k], unit[k])} but has ${derived[k]}`)
          .join('; ');
        const meta = this.metaRead;
        const fixes: QuickFix[] = meta
          ? [
              {
                label: 'Recount the Meta line',
                changes: [
                  { ...this.facts.meta, insert: serializeMeta({ ...meta, counts: derived }) },
                ],
              },
            ]
          : [];
        const spans = wrong.map((k) => this.facts.metaCounts?.[k]).filter((s): s is Span => !!s);
        const at = spans.length
          ? { from: Math.min(...spans.map((s) => s.from)), to: Math.max(...spans.map((s) => s.to)) }
          : this.facts.meta;
        this.report(
          'meta-count-mismatch',
          'error',
          `The Meta line says ${said}. The counts are derived from the takes: ${countLabel(derived.takes, 'take')} · ${countLabel(derived.lenses, 'lens')} · ${countLabel(derived.regions, 'region')}.`,
          at,
          fixes,
        );
      }
    }
  }
}

/** Read a story. Never throws: problems come back as diagnostics, in text order. */
export function parseStory(text: string): ParseResult {
  const parser = new Parser(text, splitLines(text));
  const story = parser.parse();
  parser.diagnostics.sort((a, b) => a.from - b.from || a.to - b.to);
  return { story, diagnostics: parser.diagnostics, facts: parser.facts };
}
