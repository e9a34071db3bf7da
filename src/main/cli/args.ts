import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

// node:util's parseArgs, with its errors turned into one line for a person.

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`desk ${command}: ${message}`);
  }
}
