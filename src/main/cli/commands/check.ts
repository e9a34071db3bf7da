import { hasErrors, parseStory, type Diagnostic } from '../../../shared/story';
import { parseCommandArgs } from '../args';
import { diagnosticJson, formatDiagnostic } from '../format-diagnostic';
import { readStoryFile, UsageError, type CliIo } from '../io';

export const checkUsage = 'desk check [--json] FILE...   report each problem as file:line:col';

export function check(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('check', args, { json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError(`usage: ${checkUsage}`);
  // Read every file first: an unreadable one is a usage problem (exit 2), and
  // it should not leave half a report behind.
  const texts = positionals.map((file) => [file, readStoryFile(file)] as const);
  const found: [string, Diagnostic][] = [];
  for (const [file, text] of texts)
    for (const d of parseStory(text).diagnostics) found.push([file, d]);
  if (values.json)
    io.stdout(
      JSON.stringify(
        found.map(([f, d]) => diagnosticJson(f, d)),
        null,
        2,
      ) + '\n',
    );
  else for (const [f, d] of found) io.stdout(formatDiagnostic(f, d) + '\n');
  return hasErrors(found.map(([, d]) => d)) ? 1 : 0;
}
