import { check, checkUsage } from './commands/check';
import { entities, entitiesUsage } from './commands/entities';
import { importFiles, importUsage } from './commands/import';
import { init, initUsage } from './commands/init';
import { ls, lsUsage } from './commands/ls';
import { search, searchUsage } from './commands/search';
import { serve, serveUsage } from './commands/serve';
import { exportStory, exportUsage } from './commands/export';
import { fmt, fmtUsage } from './commands/fmt';
import { graph, graphUsage } from './commands/graph';
import { processIo, UsageError, type CliIo } from './io';

// `desk`: StoryDesk's repository and story tools without a window. Every
// command is a function of (args, io) returning the exit code: 0 done, 1 the
// stories have errors, 2 the command could not run.

type Command = (args: string[], io: CliIo) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  fmt: { run: fmt, usage: fmtUsage },
  check: { run: check, usage: checkUsage },
  export: { run: exportStory, usage: exportUsage },
  init: { run: init, usage: initUsage },
  import: { run: importFiles, usage: importUsage },
  ls: { run: ls, usage: lsUsage },
  search: { run: search, usage: searchUsage },
  entities: { run: entities, usage: entitiesUsage },
  graph: { run: graph, usage: graphUsage },
  serve: { run: serve, usage: serveUsage },
};

export function usage(): string {
  return [
    'usage: desk <command> [options]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`desk: unknown command “${name}”. Run desk --help for the list.\n`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(e.message + '\n');
      return 2;
    }
    // A bug, not a user error: still one line, with a way to report it.
    io.stderr(`desk ${name}: internal error: ${(e as Error).message ?? String(e)}\n`);
    return 2;
  }
}
