import { EditorView } from '@codemirror/view';

// The colours of the story's layout, for the marks `storyHighlight` sets. A
// calm editorial palette: ink for what is read, one hue per kind of thing a
// desk editor scans for (headings, lenses, regions, links, figures), and the
// markdown's own markup receded so the text reads as a page. The light and dark
// variants follow whichever `EditorView.darkTheme` is active (`storyColorScheme`).

const SERIF =
  "'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, 'Noto Serif', 'DejaVu Serif', serif";
const MONO = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace";

const underline = (color: string) => ({
  textDecoration: 'underline',
  textDecorationColor: color,
  textDecorationThickness: '1px',
  textUnderlineOffset: '0.2em',
});

export const highlightTheme = EditorView.baseTheme({
  // Sizes and faces: the same in both schemes.
  '.cm-story-title': { fontFamily: SERIF, fontSize: '1.5em', fontWeight: '700', lineHeight: '1.3' },
  '.cm-story-dek': { fontFamily: SERIF, fontStyle: 'italic', fontSize: '1.08em' },
  '.cm-story-heading': { fontSize: '1.18em', fontWeight: '650', letterSpacing: '0.005em' },
  '.cm-story-lens': { fontSize: '1.04em', fontWeight: '600' },
  '.cm-story-outlet': { fontWeight: '700' },
  '.cm-story-language': { fontSize: '0.9em', letterSpacing: '0.04em' },
  '.cm-story-quote': { fontFamily: SERIF, fontStyle: 'italic' },
  '.cm-story-meta-line, .cm-story-source-line, .cm-story-footer-line': { fontSize: '0.92em' },
  '.cm-story-meta-label': { fontWeight: '700' },
  '.cm-story-meta-count': { borderRadius: '3px', padding: '0 0.2em', whiteSpace: 'nowrap' },
  // Hanging indents: a wrapped take, quote, source or list item continues
  // indented under its first line, so items stay visibly apart.
  '.cm-line.cm-story-take-line, .cm-line.cm-story-item-line': {
    paddingLeft: 'calc(14px + 1.4em)',
    textIndent: '-1.4em',
  },
  '.cm-line.cm-story-quote-line, .cm-line.cm-story-source-line': {
    paddingLeft: 'calc(14px + 2.6em)',
    textIndent: '-2.6em',
  },
  '.cm-story-figure': { fontWeight: '650', fontVariantNumeric: 'tabular-nums' },
  '.cm-story-strong': { fontWeight: '700' },
  '.cm-story-em': { fontStyle: 'italic' },
  '.cm-story-url, .cm-story-canonical': { fontFamily: MONO, fontSize: '0.88em' },
  '.cm-story-link-target': { fontSize: '0.85em' },
  '.cm-story-front-matter-line': { fontFamily: MONO, fontSize: '0.88em' },

  '&light .cm-story-markup, &light .cm-story-link-target': { color: '#a8a296' },
  '&light .cm-story-title': { color: '#1d1b18' },
  '&light .cm-story-dek': { color: '#4f4a42' },
  '&light .cm-story-heading': { color: '#24364d' },
  '&light .cm-story-lens': { color: '#2b6a64' },
  '&light .cm-story-meta-label': { color: '#6b655c' },
  '&light .cm-story-meta-key': { color: '#948d81' },
  '&light .cm-story-meta-value': { color: '#2d2a25' },
  '&light .cm-story-meta-count': { color: '#805019', backgroundColor: 'rgba(176, 125, 50, 0.1)' },
  '&light .cm-story-outlet': { color: '#1d1b18' },
  '&light .cm-story-region': { color: '#5a6a27' },
  '&light .cm-story-language': { color: '#7a6a92' },
  '&light .cm-story-summary': { color: '#2d2a25' },
  '&light .cm-story-quote': { color: '#7d4a26' },
  '&light .cm-story-source-label': { color: '#948d81' },
  '&light .cm-story-url': { color: '#3b5f8a', ...underline('rgba(59, 95, 138, 0.3)') },
  '&light .cm-story-entity-link': { color: '#17665d', ...underline('rgba(23, 102, 93, 0.35)') },
  '&light .cm-story-story-link': { color: '#56479a', ...underline('rgba(86, 71, 154, 0.35)') },
  '&light .cm-story-related': { color: '#56479a', ...underline('rgba(86, 71, 154, 0.35)') },
  '&light .cm-story-entity-name': { color: '#17665d' },
  '&light .cm-story-graph-label': { color: '#6b655c', fontWeight: '600' },
  '&light .cm-story-figure': { color: '#9a4814' },
  '&light .cm-story-canonical-label': { color: '#948d81' },
  '&light .cm-story-canonical': { color: '#6b655c' },
  '&light .cm-story-front-matter-line': {
    color: '#6b655c',
    backgroundColor: 'rgba(120, 100, 60, 0.04)',
  },
  '&light .cm-story-fm-key': { color: '#805019' },
  '&light .cm-story-fm-comment': { color: '#a8a296', fontStyle: 'italic' },

  '&dark .cm-story-markup, &dark .cm-story-link-target': { color: '#6d6a64' },
  '&dark .cm-story-title': { color: '#f3f0ea' },
  '&dark .cm-story-dek': { color: '#bdb7ad' },
  '&dark .cm-story-heading': { color: '#a9c2e2' },
  '&dark .cm-story-lens': { color: '#7fc6bc' },
  '&dark .cm-story-meta-label': { color: '#a29d95' },
  '&dark .cm-story-meta-key': { color: '#8a857d' },
  '&dark .cm-story-meta-value': { color: '#e3dfd8' },
  '&dark .cm-story-meta-count': { color: '#e4b47c', backgroundColor: 'rgba(228, 180, 124, 0.1)' },
  '&dark .cm-story-outlet': { color: '#f3f0ea' },
  '&dark .cm-story-region': { color: '#b7c882' },
  '&dark .cm-story-language': { color: '#bba9d9' },
  '&dark .cm-story-summary': { color: '#dcd8d1' },
  '&dark .cm-story-quote': { color: '#e0b48f' },
  '&dark .cm-story-source-label': { color: '#8a857d' },
  '&dark .cm-story-url': { color: '#8fb4e0', ...underline('rgba(143, 180, 224, 0.3)') },
  '&dark .cm-story-entity-link': { color: '#74cbbd', ...underline('rgba(116, 203, 189, 0.35)') },
  '&dark .cm-story-story-link': { color: '#b6a8f0', ...underline('rgba(182, 168, 240, 0.35)') },
  '&dark .cm-story-related': { color: '#b6a8f0', ...underline('rgba(182, 168, 240, 0.35)') },
  '&dark .cm-story-entity-name': { color: '#74cbbd' },
  '&dark .cm-story-graph-label': { color: '#a29d95', fontWeight: '600' },
  '&dark .cm-story-figure': { color: '#f0a36c' },
  '&dark .cm-story-canonical-label': { color: '#8a857d' },
  '&dark .cm-story-canonical': { color: '#a29d95' },
  '&dark .cm-story-front-matter-line': {
    color: '#a29d95',
    backgroundColor: 'rgba(255, 255, 255, 0.025)',
  },
  '&dark .cm-story-fm-key': { color: '#e4b47c' },
  '&dark .cm-story-fm-comment': { color: '#6d6a64', fontStyle: 'italic' },
});
