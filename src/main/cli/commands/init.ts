import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Desk } from '../../repository/desk';
import { deskLayout } from '../../repository/layout';
import { parseCommandArgs } from '../args';
import { UsageError, type CliIo } from '../io';

export const initUsage =
  'desk init DIR [--name NAME] [--base-url URL] [--locale CODE]   create a desk';

export function init(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('init', args, {
    name: { type: 'string' },
    'base-url': { type: 'string' },
    locale: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError(`usage: ${initUsage}`);
  const root = resolve(io.cwd, positionals[0]!);
  const layout = deskLayout(root);
  if (existsSync(layout.settings)) throw new UsageError(`desk init: ${root} is already a desk`);
  if (
    existsSync(root) &&
    readdirSync(root).some((f) => !f.startsWith('.')) &&
    !existsSync(layout.stories)
  )
    throw new UsageError(`desk init: ${root} is not empty; choose an empty or new folder`);
  const baseUrl = values['base-url']?.replace(/\/+$/, '');
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+$/.test(baseUrl))
    throw new UsageError('desk init: --base-url is http(s)://host, with no path');
  if (values.locale !== undefined && !/^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(values.locale))
    throw new UsageError('desk init: --locale is a language code such as ja or pt-br');
  Desk.scaffold(layout, {
    ...(values.name ? { name: values.name } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    ...(values.locale ? { locale: values.locale } : {}),
  });
  Desk.open(root).close();
  io.stdout(`Created a desk at ${root}\n`);
  return 0;
}
