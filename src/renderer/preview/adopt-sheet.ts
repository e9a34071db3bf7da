// Stylesheets as constructed CSSStyleSheets: a <style> element would need
// 'unsafe-inline' in the CSP, a constructed sheet is not markup, so the
// policy stays strict (the same way story-styles.ts adopts the story's CSS).

const adopted = new WeakMap<Document, Set<string>>();

/** Adopt `css` into `doc` once per key; later calls are no-ops. */
export function adoptSheet(key: string, css: string, doc: Document = document): void {
  let keys = adopted.get(doc);
  if (!keys) adopted.set(doc, (keys = new Set()));
  if (keys.has(key)) return;
  keys.add(key);
  const view = doc.defaultView;
  if (!view || typeof view.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in doc)) return;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
