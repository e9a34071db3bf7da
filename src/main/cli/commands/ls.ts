import { parseCommandArgs } from '../args';
import type { CliIo } from '../io';
import { openDesk, reportProblems } from '../open-desk';

export const lsUsage = 'desk ls --repo DIR [--json]   list the stories of a desk';

export function ls(args: string[], io: CliIo): number {
  const { values } = parseCommandArgs('ls', args, {
    repo: { type: 'string' },
    json: { type: 'boolean' },
  });
  const desk = openDesk(values.repo, io, 'ls');
  try {
    reportProblems(desk, io);
    const stories = desk.listStories();
    if (values.json) io.stdout(JSON.stringify(stories, null, 2) + '\n');
    else
      for (const s of stories) {
        const problems = s.errors ? `  ${s.errors} error${s.errors === 1 ? '' : 's'}` : '';
        io.stdout(
          `${s.date || '----------'}  ${s.status.padEnd(10)}  ${s.slug}  ${s.title}${problems}\n`,
        );
      }
    return 0;
  } finally {
    desk.close();
  }
}
