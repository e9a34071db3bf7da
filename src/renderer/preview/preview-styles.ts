import { storyCss } from '../../shared/render';

// The preview pane's own chrome: the story sheet on the desk, scrolling on
// its own. The story itself is styled by the renderer's `storyCss`, scoped
// under `.story`. The pane is a size container, so the story's type and
// layout follow the pane's width, not the window's.
//
// `storyCss` follows the system's colour scheme; the workbench can choose a
// theme of its own (html[data-theme="light" | "dark"]). The story's colours
// for each scheme are read from `storyCss` itself, so that the pane re-themes
// the story without a second copy of its palette.

/** The `--story-*` declarations of the first `.story {` block, or of the one inside the dark media query. */
export function storyPalette(css: string, dark: boolean): string {
  const at = dark ? css.indexOf('@media (prefers-color-scheme: dark)') : 0;
  if (at < 0) return '';
  const open = css.indexOf('.story {', at);
  const close = open < 0 ? -1 : css.indexOf('}', open);
  if (close < 0) return '';
  const block = css.slice(open, close);
  // Colours only: the fonts and measure are the same in both schemes.
  return (block.match(/--story-[a-z-]+:\s*#[0-9a-fA-F]{3,8}\s*;/g) ?? []).join(' ');
}

const PANE_LIGHT = '--pane-bg: #f7f5f0; --pane-rule: #ddd8ce; --pane-focus: #2563eb;';
const PANE_DARK = '--pane-bg: #0f1113; --pane-rule: #2d3034; --pane-focus: #7aa7ff;';

export const previewPaneCss = `
.sd-preview {
  ${PANE_LIGHT}
  box-sizing: border-box;
  height: 100%;
  overflow: auto;
  overscroll-behavior: contain;
  container-type: inline-size;
  background: var(--pane-bg);
  padding: 1.25rem 1.25rem 4rem;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) .sd-preview { ${PANE_DARK} }
}
:root[data-theme="dark"] .sd-preview { ${PANE_DARK} }
:root[data-theme="dark"] .sd-preview .story { ${storyPalette(storyCss, true)} }
:root[data-theme="light"] .sd-preview .story { ${storyPalette(storyCss, false)} }
.sd-preview:focus-visible {
  outline: 2px solid var(--pane-focus);
  outline-offset: -2px;
}
.sd-preview > .story {
  max-width: 45rem;
  padding: 2.5rem 3rem 3rem;
  border: 1px solid var(--pane-rule);
  border-radius: 6px;
  cursor: default;
}
.sd-preview .story .story-title { font-size: clamp(1.6rem, 1.15rem + 2.2cqi, 2.85rem); }
@container (max-width: 40rem) {
  .sd-preview > .story { padding: 1.5rem 1.25rem 2rem; }
}
@container (max-width: 34rem) {
  .sd-preview .story { font-size: 1.05rem; }
  .sd-preview .story .dek { font-size: 1.15rem; }
  .sd-preview .story .numbers { grid-template-columns: 1fr; }
  .sd-preview .story .numbers > li > * { grid-column: 1 / -1; }
}
`;
