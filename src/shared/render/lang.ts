// A take's language is free text typed by a desk editor. Only a well-formed
// tag may become a `lang`/`hreflang` attribute: a wrong one would make screen
// readers and hyphenation misread the text, which is worse than none.

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export function isLanguageTag(code: string): boolean {
  return LANGUAGE_TAG.test(code);
}
