import { z } from 'zod';

// What a desk is configured with: who it is, where it publishes, and the
// vocabularies that forms and autocomplete offer.

export const SETTINGS_SCHEMA_VERSION = 1;

export const Vocabularies = z.object({
  types: z.array(z.string()),
  heads: z.array(z.string()),
  lenses: z.array(z.string()),
  regions: z.array(z.string()),
  languages: z.array(z.string()),
});
export type Vocabularies = z.infer<typeof Vocabularies>;

export const DeskSettings = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  name: z.string().min(1),
  /** Where the desk publishes, without a trailing slash: the Canonical line's origin. */
  baseUrl: z.string().regex(/^https?:\/\/[^/\s]+$/, 'a base URL is http(s)://host, with no path'),
  /** The path prefix of every published link (`ja` in /ja/n/{slug}). */
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[a-z0-9]+)*$/i, 'a locale is a language code such as ja or pt-br'),
  author: z.string(),
  vocabularies: Vocabularies,
});
export type DeskSettings = z.infer<typeof DeskSettings>;

export function defaultSettings(name: string): DeskSettings {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    name,
    baseUrl: 'https://rbtfl.xyz',
    locale: 'ja',
    author: '',
    vocabularies: {
      types: ['story', 'brief', 'explainer', 'analysis'],
      heads: [
        'How Wars Actually End',
        'Who Decides',
        'Money and Power',
        'Energy and Climate',
        "Europe's Choices",
      ],
      lenses: [
        'unlabelled',
        'US mainstream',
        'Central-European analytical',
        'Russian state',
        'Ukrainian',
        'Chinese state',
        'Gulf',
        'Francophone',
        'Global South',
      ],
      regions: [
        'Global',
        'United States',
        'United Kingdom',
        'France',
        'Germany',
        'Poland',
        'Ukraine',
        'Russia',
        'Russia (exile)',
        'China',
        'Qatar',
        'Turkey',
        'Japan',
        'India',
        'Brazil',
      ],
      languages: ['en', 'ru', 'uk', 'fr', 'de', 'pl', 'zh', 'ar', 'ja', 'es', 'tr', 'pt'],
    },
  };
}

/** Where a story is in the desk's workflow; kept in its front matter as `status`. */
export const STORY_STATUSES = ['draft', 'editing', 'fact-check', 'ready', 'published'] as const;
export const StoryStatus = z.enum(STORY_STATUSES);
export type StoryStatus = z.infer<typeof StoryStatus>;
