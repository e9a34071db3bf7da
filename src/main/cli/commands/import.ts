import { basename } from 'node:path';
import { parseCommandArgs } from '../args';
import { readStoryFile, UsageError, type CliIo } from '../io';
import { openDesk, reportProblems } from '../open-desk';

export const importUsage =
  'desk import --repo DIR [--replace] [--json] FILE...   add story files to a desk';

export function importFiles(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('import', args, {
    repo: { type: 'string' },
    replace: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!positionals.length) throw new UsageError(`usage: ${importUsage}`);
  const files = positionals.map((path) => ({ name: basename(path), text: readStoryFile(path) }));
  const desk = openDesk(values.repo, io, 'import');
  try {
    reportProblems(desk, io);
    if (!values.json)
      desk.events.subscribe((e) => {
        if (e.type === 'import.progress') io.stderr(`[${e.done}/${e.total}] ${e.name}\n`);
      });
    const results = desk.importStories(files, values.replace ? 'replace' : 'skip');
    if (values.json) io.stdout(JSON.stringify(results, null, 2) + '\n');
    else for (const r of results) io.stdout(`${r.name}: ${r.message}\n`);
    return results.some((r) => r.status === 'failed') ? 1 : 0;
  } finally {
    desk.close();
  }
}
