// Slugs name stories and entities in file names and links, so they are kept to
// a shape every file system, URL and shell takes without quoting.

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug);
}

/**
 * The slug of an entity name: its lowercased, hyphenated ASCII form, so that
 * `Vladimir Putin` is `vladimir-putin` and `Público` is `publico`. A name with
 * no ASCII letters at all (`習近平`) keeps a stable slug from its code points.
 */
export function slugify(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii) return ascii;
  const codes = Array.from(name.trim(), (ch) => ch.codePointAt(0)!.toString(36));
  return codes.length ? `u-${codes.join('-')}` : 'unnamed';
}
