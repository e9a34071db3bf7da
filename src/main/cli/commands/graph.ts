import {
  GRAPH_FORMATS,
  GraphFilters,
  toGexf,
  toGraphML,
  toJson,
  type GraphFormat,
} from '../../../shared/graph';
import { GraphRequestError, readDeskGraph } from '../../repository/graph';
import { parseCommandArgs } from '../args';
import { UsageError, type CliIo } from '../io';
import { openDesk, reportProblems } from '../open-desk';

export const graphUsage =
  'desk graph --repo DIR [--format json|gexf|graphml] [--entity SLUG | --story SLUG] [--hops N] [--stories] [--from DATE] [--to DATE] [--type T] [--status S] [--lens L] [--region R] [--head H]   print the entity graph';

// The desk's entity graph (and with --stories its story graph) from the index
// and the entity registry, for Gephi, yEd or a script. --entity or --story
// narrows it to the nodes within --hops edges of one node.

export function graph(args: string[], io: CliIo): number {
  const { values } = parseCommandArgs('graph', args, {
    repo: { type: 'string' },
    format: { type: 'string' },
    entity: { type: 'string' },
    story: { type: 'string' },
    hops: { type: 'string' },
    stories: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
    type: { type: 'string' },
    status: { type: 'string' },
    lens: { type: 'string' },
    region: { type: 'string' },
    head: { type: 'string' },
  });
  const format = (values.format ?? 'json') as GraphFormat;
  if (!GRAPH_FORMATS.includes(format))
    throw new UsageError(
      `desk graph: --format is one of ${GRAPH_FORMATS.join(', ')}, not “${values.format}”`,
    );
  if (values.entity !== undefined && values.story !== undefined)
    throw new UsageError('desk graph: give --entity or --story, not both');
  if (values.hops !== undefined && values.entity === undefined && values.story === undefined)
    throw new UsageError('desk graph: --hops needs --entity SLUG or --story SLUG');
  const hops = values.hops === undefined ? 1 : Number(values.hops);
  if (values.hops !== undefined && !/^\d+$/.test(values.hops))
    throw new UsageError(`desk graph: --hops takes a whole number, not “${values.hops}”`);
  const filters = GraphFilters.safeParse({
    dateFrom: values.from,
    dateTo: values.to,
    type: values.type,
    status: values.status,
    lens: values.lens,
    region: values.region,
    head: values.head,
  });
  if (!filters.success) {
    const issue = filters.error.issues[0];
    const option = { dateFrom: '--from', dateTo: '--to' }[String(issue?.path[0])];
    throw new UsageError(
      `desk graph: ${option ?? `--${String(issue?.path[0])}`}: ${issue?.message ?? 'invalid'}`,
    );
  }

  const desk = openDesk(values.repo, io, 'graph');
  try {
    reportProblems(desk, io);
    const focus =
      values.entity !== undefined
        ? { entity: values.entity }
        : values.story !== undefined
          ? { story: values.story }
          : undefined;
    let result;
    try {
      result = readDeskGraph(desk.graphSource(), {
        filters: filters.data,
        stories: Boolean(values.stories),
        ...(focus && { focus, hops }),
      });
    } catch (e) {
      if (!(e instanceof GraphRequestError)) throw e;
      throw new UsageError(`desk graph: ${e.message}${e.hint ? ` (${e.hint})` : ''}`);
    }
    io.stdout(
      format === 'gexf'
        ? toGexf(result)
        : format === 'graphml'
          ? toGraphML(result)
          : JSON.stringify(toJson(result), null, 2) + '\n',
    );
    return 0;
  } finally {
    desk.close();
  }
}
