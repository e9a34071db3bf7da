import { resolve } from 'node:path';
import { Desk, DeskError, type OpenOptions } from '../repository/desk';
import { UsageError, type CliIo } from './io';

// Commands that work on a desk take it as --repo DIR; a folder that is not a
// desk is one line, like every other usage problem.

export function openDesk(
  repo: string | undefined,
  io: CliIo,
  command: string,
  options: OpenOptions = {},
): Desk {
  if (!repo) throw new UsageError(`desk ${command}: --repo DIR is required (the desk's folder)`);
  try {
    return Desk.open(resolve(io.cwd, repo), options);
  } catch (e) {
    if (e instanceof DeskError) throw new UsageError(`desk ${command}: ${e.message}`);
    throw e;
  }
}

/** Problems the desk reported while opening, on stderr, so a script's stdout stays clean. */
export function reportProblems(desk: Desk, io: CliIo): void {
  for (const p of desk.problems) io.stderr(`${p.path}: ${p.message}\n`);
}
