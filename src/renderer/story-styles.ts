import { storyCss } from '../shared/render';

// The shared renderer ships its stylesheet as a string. A <style> element
// would need 'unsafe-inline' in the CSP; a constructed stylesheet is not
// markup, so CSP does not govern it, and the policy stays strict.

let adopted = false;

export function adoptStoryStyles(): void {
  if (adopted) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(storyCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  adopted = true;
}
