import type { MetaCounts, Story, Take } from './model';

// The Meta line's counts are derived, never typed (FORMAT.md): these are the
// numbers the line must state.

export function storyTakes(story: Story): Take[] {
  const takes: Take[] = [];
  for (const section of story.sections) {
    if (section.kind !== 'takes') continue;
    for (const group of section.groups)
      for (const item of group.items) if (item.kind === 'take') takes.push(item);
  }
  return takes;
}

export function deriveCounts(story: Story): MetaCounts {
  let lenses = 0;
  for (const section of story.sections)
    if (section.kind === 'takes') lenses += section.groups.length;
  const takes = storyTakes(story);
  return { takes: takes.length, lenses, regions: new Set(takes.map((t) => t.region)).size };
}

export function countLabel(n: number, unit: 'take' | 'lens' | 'region'): string {
  if (n === 1) return `1 ${unit}`;
  return `${n} ${unit === 'lens' ? 'lenses' : `${unit}s`}`;
}
