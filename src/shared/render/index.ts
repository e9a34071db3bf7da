// The story renderer: the one path from a Story model to HTML, shared by the
// editor's live preview (`renderStoryHtml` in 'preview' mode with `storyCss`)
// and the HTML export (`renderStoryPage`).

export { renderStoryHtml, type RenderOptions } from './story-html';
export { renderStoryPage, PAGE_CSP, type PageOptions } from './page';
export { storyCss, pageCss } from './story.css';
export { escapeHtml } from './escape';
export { classifyHref, type Link, type LinkContext } from './links';
