// The story's stylesheet, as strings so that src/shared stays pure and the
// same CSS bundles into the exported page and the app's preview alike.
//
// `storyCss` is scoped under `.story`, so the preview can drop it into the app
// without restyling anything else; a host can retheme it by overriding the
// `--story-*` custom properties on `.story`. `pageCss` is only for the
// standalone document (page background, masthead). System fonts only: the
// page loads nothing, and its CSP forbids it to.

export const storyCss = `
.story {
  --story-bg: #fdfcfa;
  --story-fg: #1b1b1b;
  --story-muted: #5d5a55;
  --story-faint: #6e6a63;
  --story-rule: #e4e0d8;
  --story-card: #ffffff;
  --story-chip: #f1eee8;
  --story-accent: #a3211c;
  --story-link: #12467a;
  --story-serif: "Iowan Old Style", "Palatino Linotype", "URW Palladio L", P052, Charter,
    "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
  --story-sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans",
    "Liberation Sans", Arial, sans-serif;
  --story-measure: 68ch;

  box-sizing: border-box;
  max-width: var(--story-measure);
  margin: 0 auto;
  color: var(--story-fg);
  background: var(--story-bg);
  font-family: var(--story-serif);
  font-size: 1.125rem;
  line-height: 1.6;
  overflow-wrap: break-word;
  text-rendering: optimizeLegibility;
  -webkit-font-smoothing: antialiased;
}
@media (prefers-color-scheme: dark) {
  .story {
    --story-bg: #151719;
    --story-fg: #e9e6e1;
    --story-muted: #b0aba3;
    --story-faint: #8a867f;
    --story-rule: #2d3034;
    --story-card: #1c1f22;
    --story-chip: #272a2e;
    --story-accent: #f08a7e;
    --story-link: #8fbef0;
  }
}
.story *, .story *::before, .story *::after { box-sizing: inherit; }

.story a { color: var(--story-link); text-decoration: underline; text-decoration-thickness: 1px;
  text-underline-offset: 0.17em; text-decoration-color: color-mix(in srgb, currentColor 45%, transparent); }
.story a:hover { text-decoration-color: currentColor; }
.story a:focus-visible { outline: 2px solid var(--story-link); outline-offset: 2px; border-radius: 2px; }
.story a.entity-link { color: inherit; text-decoration-style: dotted; text-decoration-color: var(--story-accent); }
.story a.entity-link:hover { text-decoration-style: solid; }

.story .vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

/* Headline, dek, meta: the three things a reader scans before deciding to read. */
.story-header { padding-bottom: 1.25rem; margin-bottom: 2rem; border-bottom: 1px solid var(--story-rule); }
.story .story-title { font-size: clamp(2rem, 1.35rem + 2.6vw, 2.85rem); line-height: 1.12;
  font-weight: 700; letter-spacing: -0.012em; margin: 0 0 0.9rem; text-wrap: balance; }
.story .dek { font-size: 1.3rem; line-height: 1.45; color: var(--story-muted); margin: 0 0 1.25rem;
  text-wrap: pretty; }
.story .meta { font-family: var(--story-sans); font-size: 0.8rem; line-height: 1.5; color: var(--story-muted);
  margin: 0; letter-spacing: 0.01em; }
.story .meta .sep { color: var(--story-faint); }
/* Break the line between parts, never inside one ("11 / regions"). */
.story .meta :is(.meta-type, time, .meta-date, .head, .count) { white-space: nowrap; }
.story .meta-type { font-weight: 700; text-transform: uppercase; letter-spacing: 0.09em; color: var(--story-accent); }
.story .meta time { color: var(--story-fg); font-weight: 600; }
.story .meta-heads .head { font-style: italic; }
.story .meta-counts { font-variant-numeric: tabular-nums; }

/* Sections */
.story-section { margin: 0 0 2.4rem; }
.story h2 { font-family: var(--story-sans); font-size: 0.82rem; font-weight: 800; text-transform: uppercase;
  letter-spacing: 0.1em; color: var(--story-fg); margin: 0 0 0.9rem; padding-top: 0.55rem;
  border-top: 3px solid var(--story-fg); display: inline-block; }
.story h2 .heading-aside { font-weight: 500; letter-spacing: 0.04em; text-transform: none; color: var(--story-faint); }
.story .prose > :first-child { margin-top: 0; }
.story .prose p { margin: 0 0 1em; text-wrap: pretty; }
.story .prose :is(h3, h4, h5, h6) { font-size: 1.1rem; margin: 1.4em 0 0.5em; }
.story .prose :is(ul, ol) { padding-left: 1.3em; }
.story .prose blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid var(--story-rule);
  color: var(--story-muted); }
.story code { font-size: 0.88em; background: var(--story-chip); padding: 0.08em 0.3em; border-radius: 3px; }
.story pre { overflow-x: auto; background: var(--story-chip); padding: 0.8rem 1rem; border-radius: 4px; }
.story pre code { background: none; padding: 0; }
.story .image-alt { font-style: italic; }
.story .image-alt::before { content: "[image: "; font-style: normal; }
.story .image-alt::after { content: "]"; font-style: normal; }
.story-section.section-summary .prose > p:first-child { font-size: 1.2rem; line-height: 1.55; }

/* Numbers: figure and note in two tidy columns, one rule between rows. */
.story .numbers { list-style: none; margin: 0; padding: 0; display: grid;
  grid-template-columns: fit-content(40%) 1fr; column-gap: 1.4rem;
  border-top: 1px solid var(--story-rule); }
.story .numbers > li { display: grid; grid-column: 1 / -1; grid-template-columns: subgrid; align-items: baseline;
  padding: 0.6rem 0; border-bottom: 1px solid var(--story-rule); }
.story .numbers > li.raw-item > * { grid-column: 1 / -1; }
.story .numbers .figure { font-family: var(--story-sans); font-size: 1.2rem; font-weight: 750; line-height: 1.25;
  color: var(--story-accent); font-variant-numeric: lining-nums tabular-nums; letter-spacing: -0.01em; }
.story .numbers .note { font-size: 1rem; line-height: 1.45; }

/* What to watch */
.story .watch { margin: 0; padding: 0; list-style: none; }
.story .watch > li { position: relative; padding: 0 0 0 1.6rem; margin: 0 0 0.6rem; }
.story .watch > li::before { content: ""; position: absolute; left: 0.2rem; top: 0.58em; width: 0.55rem; height: 0.55rem;
  border: 2px solid var(--story-accent); border-radius: 50%; }
.story .watch > li.raw-item::before { content: none; }

/* Regional takes: a lens is a labelled rule, its takes are cards. */
.story .lens { margin: 1.4rem 0 1.8rem; }
.story .lens-name { display: flex; align-items: center; gap: 0.75rem; font-family: var(--story-sans);
  font-size: 0.78rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.09em;
  color: var(--story-accent); margin: 0 0 0.8rem; }
.story .lens-name::after { content: ""; flex: 1; border-top: 1px solid var(--story-rule); }
.story .takes { list-style: none; margin: 0; padding: 0; display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 16.5rem), 1fr)); gap: 0.75rem; }
.story .takes > li { grid-column: 1 / -1; min-width: 0; }
.story .takes > li.compact { grid-column: auto; }
.story .take { height: 100%; background: var(--story-card); border: 1px solid var(--story-rule); border-radius: 8px;
  padding: 0.95rem 1.1rem 0.85rem; }
.story .compact > .take { padding: 0.7rem 0.9rem 0.65rem; }
.story .take-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between;
  gap: 0.3rem 0.75rem; }
.story .outlet { font-size: 1.05rem; line-height: 1.3; font-weight: 700; }
.story .compact .outlet { font-size: 0.98rem; }
.story .chips { display: inline-flex; flex-wrap: wrap; gap: 0.3rem; }
.story .chip { font-family: var(--story-sans); font-size: 0.7rem; line-height: 1.2; font-weight: 600;
  padding: 0.22rem 0.55rem; border-radius: 999px; background: var(--story-chip); color: var(--story-muted);
  white-space: nowrap; }
.story .chip.language { text-transform: uppercase; letter-spacing: 0.06em; }
.story .summary { margin: 0.55rem 0 0; font-size: 1rem; line-height: 1.55; }
.story .take .quote { margin: 0.9rem 0 0.2rem; padding: 0.1rem 0 0 1.1rem; border-left: 3px solid var(--story-accent); }
.story .take .quote blockquote { margin: 0; font-size: 1.2rem; line-height: 1.4; font-style: italic;
  quotes: "\\201C" "\\201D"; text-wrap: pretty; }
.story .take .quote blockquote p { margin: 0; }
.story .take .quote blockquote p::before { content: open-quote; }
.story .take .quote blockquote p::after { content: close-quote; }
.story .take .quote figcaption { margin-top: 0.4rem; font-family: var(--story-sans); font-size: 0.78rem;
  font-weight: 600; color: var(--story-muted); }
.story .take .quote figcaption::before { content: "\\2014\\00A0"; }
.story .source { margin: 0.7rem 0 0; font-family: var(--story-sans); font-size: 0.78rem; color: var(--story-muted);
  overflow-wrap: anywhere; }
.story .compact .source { margin-top: 0.4rem; }
.story .label { font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.68rem;
  color: var(--story-faint); margin-right: 0.35rem; }

/* Across the graph: chips, related stories set apart from entities. */
.story .related, .story .entities { margin: 0 0 1.2rem; }
.story .related h3, .story .entities h3 { font-family: var(--story-sans); font-size: 0.72rem; font-weight: 700;
  text-transform: uppercase; letter-spacing: 0.09em; color: var(--story-faint); margin: 0 0 0.5rem; }
.story .chip-list { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.45rem; }
.story .chip-list a, .story .chip-list .chip-text { display: inline-block; font-family: var(--story-sans);
  font-size: 0.85rem; line-height: 1.3; padding: 0.32rem 0.8rem; border-radius: 999px;
  border: 1px solid var(--story-rule); background: var(--story-card); color: var(--story-fg); text-decoration: none; }
.story .chip-list a:hover { border-color: currentColor; }
.story .chip-list a.story-link { color: var(--story-link); }
.story .chip-list a.entity-link::before { content: ""; display: inline-block; width: 0.45rem; height: 0.45rem;
  margin-right: 0.45rem; border-radius: 50%; background: var(--story-accent); vertical-align: 0.08em; }

.story-footer { margin-top: 2.5rem; padding-top: 1rem; border-top: 1px solid var(--story-rule);
  font-family: var(--story-sans); font-size: 0.8rem; color: var(--story-muted); }
.story-footer p { margin: 0 0 0.4rem; }
.story-footer .canonical { overflow-wrap: anywhere; }

/* Lines the parser could not place: shown as typed, and visibly apart. */
.story .raw { white-space: pre-wrap; font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 0.85rem; color: var(--story-muted); margin: 0.4rem 0; padding-left: 0.7rem;
  border-left: 2px dashed var(--story-rule); }

@media (max-width: 34rem) {
  .story { font-size: 1.05rem; }
  .story .dek { font-size: 1.15rem; }
  .story .numbers { grid-template-columns: 1fr; }
  .story .numbers > li > * { grid-column: 1 / -1; }
}

@media print {
  .story { --story-fg: #000; --story-muted: #333; --story-faint: #555; --story-rule: #bbb; --story-card: #fff;
    --story-chip: #fff; --story-accent: #000; --story-link: #000; --story-bg: #fff;
    max-width: none; font-size: 11pt; line-height: 1.45; }
  .story .take, .story .numbers > li, .story .watch > li { break-inside: avoid; }
  .story h2, .story h3 { break-after: avoid; }
  .story .chip { border: 1px solid #bbb; }
  .story .source a.external-link::after { content: " (" attr(href) ")"; font-size: 0.9em; }
  .story-footer .canonical { text-decoration: none; }
}
`;

export const pageCss = `
:root { color-scheme: light dark; }
html { background: #fdfcfa; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; }
@media (prefers-color-scheme: dark) { html { background: #151719; } }
.site { border-bottom: 1px solid #e4e0d8; padding: 0.85rem 1.25rem; font-size: 1.125rem; }
/* ch of the story's own font and size, so the masthead lines up with the column. */
.site > div { max-width: 68ch; margin: 0 auto; font-family: "Iowan Old Style", "Palatino Linotype", "URW Palladio L",
  P052, Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif; }
.site a { color: #1b1b1b; text-decoration: none; font-family: system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif; font-weight: 800; font-size: 0.8rem;
  text-transform: uppercase; letter-spacing: 0.14em; }
@media (prefers-color-scheme: dark) { .site { border-color: #2d3034; } .site a { color: #e9e6e1; } }
main { padding: 2.5rem 1.25rem 4rem; }
@media print {
  html { background: #fff; }
  .site { display: none; }
  main { padding: 0; }
  @page { margin: 18mm 16mm; }
}
`;
