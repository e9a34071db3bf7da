import { join } from 'node:path';

// Where a desk keeps what (DESIGN.md, "Data on disk"). Every path the
// repository touches is built here, so a slug never becomes a path by hand.

export interface DeskLayout {
  root: string;
  stories: string;
  entities: string;
  sources: string;
  meta: string;
  settings: string;
  cache: string;
  index: string;
  drafts: string;
  trash: string;
}

export function deskLayout(root: string): DeskLayout {
  const meta = join(root, '.desk');
  return {
    root,
    stories: join(root, 'stories'),
    entities: join(root, 'entities'),
    sources: join(root, 'sources'),
    meta,
    settings: join(meta, 'desk.json'),
    cache: join(meta, 'cache'),
    index: join(meta, 'cache', 'index.sqlite'),
    drafts: join(meta, 'drafts'),
    trash: join(meta, 'trash'),
  };
}

export const DESK_GITIGNORE = '.desk/cache/\n.desk/drafts/\n.desk/trash/\n';
