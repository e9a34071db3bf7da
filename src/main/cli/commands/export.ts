import { writeFileSync } from 'node:fs';
import { EXPORT_FORMATS, exportStoryText, type ExportFormat } from '../../../shared/export';
import { hasErrors, parseStory } from '../../../shared/story';
import { parseCommandArgs } from '../args';
import { formatDiagnostic } from '../format-diagnostic';
import { readStoryFile, UsageError, type CliIo } from '../io';

export const exportUsage = 'desk export FILE --format md|html|json [-o OUT]   publish a story';

export function exportStory(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('export', args, {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
  });
  if (positionals.length !== 1) throw new UsageError(`usage: ${exportUsage}`);
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format))
    throw new UsageError(`desk export: --format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const file = positionals[0]!;
  const text = readStoryFile(file);
  const { diagnostics } = parseStory(text);
  for (const d of diagnostics)
    if (d.severity === 'error') io.stderr(formatDiagnostic(file, d) + '\n');
  const output = exportStoryText(text, format);
  if (values.out) {
    try {
      writeFileSync(values.out, output);
    } catch (e) {
      throw new UsageError(
        `${values.out}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
  } else io.stdout(output);
  return hasErrors(diagnostics) ? 1 : 0;
}
