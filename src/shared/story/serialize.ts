import { countLabel } from './derive';
import {
  SECTION_HEADINGS,
  type GraphSection,
  type LensGroup,
  type Meta,
  type NumberItem,
  type Section,
  type Story,
  type TakeItem,
  type WatchItem,
} from './model';

// The writer of FORMAT.md's layout. Each piece has its own function so that a
// form can rewrite exactly the lines one item owns and nothing else.

export const META_PREFIX = '**Meta:** ';
export const META_SEPARATOR = ' · ';
export const TAKE_DASH = ' — ';
export const CANONICAL_PREFIX = 'Canonical: ';

export function serializeMeta(meta: Meta): string {
  return (
    META_PREFIX +
    [
      `type: ${meta.type}`,
      `date: ${meta.date}`,
      `heads: ${meta.heads.join(', ')}`,
      countLabel(meta.counts.takes, 'take'),
      countLabel(meta.counts.lenses, 'lens'),
      countLabel(meta.counts.regions, 'region'),
    ].join(META_SEPARATOR)
  );
}

export function serializeTakeItem(item: TakeItem): string {
  if (item.kind === 'raw') return item.text;
  let text = `- **${item.outlet}** (${item.region}, ${item.language})${TAKE_DASH}${item.summary}`;
  if (item.quote !== null) text += `\n  > "${item.quote}"`;
  if (item.source !== null) text += `\n  Source: ${item.source}`;
  return text;
}

export function serializeLensGroup(group: LensGroup): string {
  return [`### ${group.lens}`, ...group.items.map(serializeTakeItem)].join('\n');
}

export function serializeNumberItem(item: NumberItem): string {
  return item.kind === 'raw' ? item.text : `- ${item.figure}, ${item.note}`;
}

export function serializeWatchItem(item: WatchItem): string {
  return item.kind === 'raw' ? item.text : `- ${item.text}`;
}

export function serializeRelatedLine(slugs: readonly string[]): string {
  return `- Related: ${slugs.map((s) => `[[${s}]]`).join(', ')}`;
}

export function serializeEntitiesLine(names: readonly string[]): string {
  return `- Entities: ${names.join(', ')}`;
}

function graphLines(section: GraphSection): string[] {
  const lines: string[] = [];
  if (section.related !== null) lines.push(serializeRelatedLine(section.related));
  if (section.entities !== null) lines.push(serializeEntitiesLine(section.entities));
  for (const raw of section.extra) lines.push(raw.text);
  return lines;
}

export function sectionHeading(section: Section): string {
  switch (section.kind) {
    case 'prose':
      return SECTION_HEADINGS[section.id];
    case 'unknown':
      return section.heading;
    default:
      return SECTION_HEADINGS[section.kind];
  }
}

/** A body that is empty leaves the heading alone, so an empty section round-trips. */
export function serializeSection(section: Section): string {
  const heading = `## ${sectionHeading(section)}`;
  let body: string;
  switch (section.kind) {
    case 'prose':
    case 'unknown':
      body = section.text;
      break;
    case 'numbers':
      body = section.items.map(serializeNumberItem).join('\n');
      break;
    case 'watch':
      body = section.items.map(serializeWatchItem).join('\n');
      break;
    case 'takes': {
      const blocks = section.groups.map(serializeLensGroup);
      if (section.intro.length) blocks.unshift(section.intro.map((r) => r.text).join('\n'));
      body = blocks.join('\n\n');
      break;
    }
    case 'graph': {
      // The format writes this section's list directly under its heading.
      const lines = graphLines(section);
      return lines.length ? `${heading}\n${lines.join('\n')}` : heading;
    }
  }
  return body === '' ? heading : `${heading}\n\n${body}`;
}

export function serializeFrontMatter(yaml: string): string {
  return `---\n${yaml}---\n`;
}

export function serializeStory(story: Story): string {
  const blocks: string[] = [];
  const head: string[] = [];
  if (story.title !== null) head.push(`# ${story.title}`);
  if (story.dek !== null) head.push(`> ${story.dek}`);
  if (head.length) blocks.push(head.join('\n'));
  if (story.meta !== null)
    blocks.push(story.meta.kind === 'raw' ? story.meta.text : serializeMeta(story.meta));
  if (story.preamble.length) blocks.push(story.preamble.map((r) => r.text).join('\n'));
  for (const section of story.sections) blocks.push(serializeSection(section));
  const foot: string[] = [];
  if (story.canonical !== null) foot.push(`---\n${CANONICAL_PREFIX}${story.canonical}`);
  for (const raw of story.trailer) foot.push(raw.text);
  if (foot.length) blocks.push(foot.join('\n'));
  const front = story.frontMatter === null ? '' : serializeFrontMatter(story.frontMatter);
  return front + blocks.join('\n\n') + (story.finalNewline ? '\n' : '');
}
