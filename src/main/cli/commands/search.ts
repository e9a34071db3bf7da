import { SearchQuery } from '../../../shared/search';
import { parseCommandArgs } from '../args';
import { UsageError, type CliIo } from '../io';
import { openDesk, reportProblems } from '../open-desk';

export const searchUsage =
  'desk search --repo DIR [--json] [--status S] [--type T] [--lens L] [--region R] [--language L] [--entity SLUG] [--from DATE] [--to DATE] QUERY';

export function search(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('search', args, {
    repo: { type: 'string' },
    json: { type: 'boolean' },
    limit: { type: 'string' },
    status: { type: 'string' },
    type: { type: 'string' },
    head: { type: 'string' },
    lens: { type: 'string' },
    region: { type: 'string' },
    language: { type: 'string' },
    entity: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  });
  const query = SearchQuery.safeParse({
    text: positionals.join(' '),
    limit: values.limit === undefined ? undefined : Number(values.limit),
    filters: {
      status: values.status,
      type: values.type,
      head: values.head,
      lens: values.lens,
      region: values.region,
      language: values.language,
      entity: values.entity,
      dateFrom: values.from,
      dateTo: values.to,
    },
  });
  if (!query.success)
    throw new UsageError(
      `desk search: ${query.error.issues[0]?.path.join('.')}: ${query.error.issues[0]?.message}`,
    );
  const desk = openDesk(values.repo, io, 'search');
  try {
    reportProblems(desk, io);
    const result = desk.search(query.data);
    if (values.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
    else {
      for (const hit of result.hits) {
        const snippet = hit.snippet.map((r) => (r.match ? `[${r.text}]` : r.text)).join('');
        io.stdout(`${hit.slug}  ${hit.title}\n${snippet ? `    ${snippet}\n` : ''}`);
      }
      io.stderr(`${result.total} match${result.total === 1 ? '' : 'es'}\n`);
    }
    return 0;
  } finally {
    desk.close();
  }
}
