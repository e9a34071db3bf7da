import { parseCommandArgs } from '../args';
import type { CliIo } from '../io';
import { openDesk, reportProblems } from '../open-desk';

export const entitiesUsage =
  'desk entities --repo DIR [--json]   list the desk’s entities and who mentions them';

export function entities(args: string[], io: CliIo): number {
  const { values } = parseCommandArgs('entities', args, {
    repo: { type: 'string' },
    json: { type: 'boolean' },
  });
  const desk = openDesk(values.repo, io, 'entities');
  try {
    reportProblems(desk, io);
    const list = desk
      .listEntities()
      .map(({ slug, name, aliases, kind, stories }) => ({ slug, name, aliases, kind, stories }));
    if (values.json) io.stdout(JSON.stringify(list, null, 2) + '\n');
    else
      for (const e of list) {
        const aliases = e.aliases.length ? ` (${e.aliases.join(', ')})` : '';
        io.stdout(
          `${e.slug}  ${e.name}${aliases}  ${e.kind}  ${e.stories.length} stor${e.stories.length === 1 ? 'y' : 'ies'}\n`,
        );
      }
    return 0;
  } finally {
    desk.close();
  }
}
