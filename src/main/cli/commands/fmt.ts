import { hasErrors, parseStory, serializeStory } from '../../../shared/story';
import { parseCommandArgs } from '../args';
import { formatDiagnostic } from '../format-diagnostic';
import { readStoryFile, UsageError, type CliIo } from '../io';

export const fmtUsage = 'desk fmt FILE            print the canonical text of a story';

export function fmt(args: string[], io: CliIo): number {
  const { positionals } = parseCommandArgs('fmt', args, {});
  if (positionals.length !== 1) throw new UsageError(`usage: ${fmtUsage}`);
  const file = positionals[0]!;
  const { story, diagnostics } = parseStory(readStoryFile(file));
  io.stdout(serializeStory(story));
  for (const d of diagnostics)
    if (d.severity === 'error') io.stderr(formatDiagnostic(file, d) + '\n');
  return hasErrors(diagnostics) ? 1 : 0;
}
