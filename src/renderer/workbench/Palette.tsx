import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import fuzzysort from 'fuzzysort';
import { CornerDownLeft, FileText, Hash, Search, SquareTerminal, User } from 'lucide-react';
import { commands, formatKey, CATEGORY_ORDER, type Command } from './commands';
import { store, useWorkbench, type PaletteMode } from './store';
import { focusables, useWb } from './ui';

// The command palette: one fuzzy search over every command, every story (by
// title and slug) and every entity (by name and aliases); or, in a narrower
// mode, over only stories, only entities or the story's outline.

type Item =
  | {
      kind: 'command';
      key: string;
      label: string;
      detail: string;
      command: Command;
      search: string;
    }
  | { kind: 'story'; key: string; label: string; detail: string; slug: string; search: string }
  | { kind: 'entity'; key: string; label: string; detail: string; slug: string; search: string }
  | {
      kind: 'outline';
      key: string;
      label: string;
      detail: string;
      from: number;
      level: number;
      search: string;
    };

const PLACEHOLDER: Record<PaletteMode, string> = {
  all: 'Search commands, stories and entities',
  commands: 'Run a command',
  stories: 'Open a story by title or slug',
  entities: 'Open an entity by name or alias',
  outline: 'Go to a section or lens group',
};

const GROUP_TITLE: Record<Item['kind'], string> = {
  command: 'Commands',
  story: 'Stories',
  entity: 'Entities',
  outline: 'Sections',
};

const LIMIT = 60;

export function Palette({ mode: initialMode }: { mode: PaletteMode }) {
  const wb = useWb();
  const stories = useWorkbench((s) => s.stories);
  const entities = useWorkbench((s) => s.entities);
  const [mode, setMode] = useState<PaletteMode>(initialMode);
  const [query, setQuery] = useState(initialMode === 'commands' ? '>' : '');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const [before] = useState(() => document.activeElement as HTMLElement | null);

  useEffect(() => {
    inputRef.current?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, [before]);

  // `>` narrows to commands, `@` to the outline, `#` to entities, as in most editors.
  const effective: PaletteMode =
    mode === 'all' && query.startsWith('>')
      ? 'commands'
      : mode === 'all' && query.startsWith('@')
        ? 'outline'
        : mode === 'all' && query.startsWith('#')
          ? 'entities'
          : mode;
  const text = (mode === 'all' && effective !== 'all' ? query.slice(1) : query).trim();

  const commandItems = useMemo<Item[]>(
    () =>
      commands
        .all()
        .filter((c) => !c.hidden || c.id === 'help.shortcuts')
        .map((c) => ({
          kind: 'command' as const,
          key: `c:${c.id}`,
          label: c.title,
          detail: c.category,
          command: c,
          search: `${c.title} ${c.keywords ?? ''}`,
        })),
    [],
  );
  const storyItems = useMemo<Item[]>(
    () =>
      stories.map((s) => ({
        kind: 'story' as const,
        key: `s:${s.slug}`,
        label: s.title || s.slug,
        detail: s.slug,
        slug: s.slug,
        search: `${s.title} ${s.slug}`,
      })),
    [stories],
  );
  const entityItems = useMemo<Item[]>(
    () =>
      entities.map((e) => ({
        kind: 'entity' as const,
        key: `e:${e.slug}`,
        label: e.name,
        detail: e.aliases.length ? `${e.kind} · ${e.aliases.join(', ')}` : e.kind,
        slug: e.slug,
        search: [e.name, ...e.aliases].join(' '),
      })),
    [entities],
  );
  const outlineItems = useMemo<Item[]>(
    () =>
      effective === 'outline'
        ? wb.outline().map((o, i) => ({
            kind: 'outline' as const,
            key: `o:${i}:${o.from}`,
            label: o.label,
            detail: o.level >= 3 ? 'lens group' : o.level <= 1 ? 'top' : 'section',
            from: o.from,
            level: o.level,
            search: o.label,
          }))
        : [],
    [effective, wb],
  );

  const results = useMemo(() => {
    const pools: Item[][] =
      effective === 'commands'
        ? [commandItems]
        : effective === 'stories'
          ? [storyItems]
          : effective === 'entities'
            ? [entityItems]
            : effective === 'outline'
              ? [outlineItems]
              : [commandItems, storyItems, entityItems];
    const out: Item[] = [];
    for (const pool of pools) {
      if (!text) {
        const sorted =
          pool === commandItems
            ? [...pool].sort(
                (a, b) =>
                  CATEGORY_ORDER.indexOf((a as { command: Command }).command.category) -
                    CATEGORY_ORDER.indexOf((b as { command: Command }).command.category) ||
                  a.label.localeCompare(b.label),
              )
            : pool;
        out.push(...sorted.slice(0, effective === 'all' ? 8 : pool === outlineItems ? 500 : LIMIT));
        continue;
      }
      const found = fuzzysort.go(text, pool, {
        keys: ['label', 'search', 'detail'],
        limit: effective === 'all' ? 12 : LIMIT,
        threshold: 0.3,
      });
      out.push(...found.map((r) => r.obj));
    }
    return out;
  }, [effective, text, commandItems, storyItems, entityItems, outlineItems]);

  useEffect(() => setActive(0), [text, effective]);

  useEffect(() => {
    document.getElementById(`palette-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const close = () => store.set({ palette: null });

  const choose = (item: Item | undefined) => {
    if (!item) return;
    if (item.kind === 'command' && !commands.isEnabled(item.command.id)) return;
    close();
    // After the palette is gone (and focus is back), so the action lands where it should.
    requestAnimationFrame(() => {
      switch (item.kind) {
        case 'command':
          commands.run(item.command.id);
          break;
        case 'story':
          void wb.openStory(item.slug, { focus: true });
          break;
        case 'entity':
          wb.openEntity(item.slug);
          break;
        case 'outline':
          wb.reveal(item.from);
          break;
      }
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        setActive((a) => Math.min(results.length - 1, a + 1));
        break;
      case 'ArrowUp':
        setActive((a) => Math.max(0, a - 1));
        break;
      case 'PageDown':
        setActive((a) => Math.min(results.length - 1, a + 8));
        break;
      case 'PageUp':
        setActive((a) => Math.max(0, a - 8));
        break;
      case 'Enter':
        choose(results[active]);
        break;
      case 'Escape':
        close();
        break;
      case 'Tab': {
        // Keep focus in the palette.
        const items = dialogRef.current ? focusables(dialogRef.current) : [];
        if (items.length <= 1) break;
        return;
      }
      case 'Backspace':
        if (query === '' && mode !== 'all') {
          setMode('all');
          break;
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const label =
    mode === 'stories'
      ? 'Open story'
      : mode === 'entities'
        ? 'Open entity'
        : mode === 'outline'
          ? 'Go to section'
          : 'Command palette';

  return (
    <div
      className="overlay overlay-top"
      onMouseDown={(e) => e.target === e.currentTarget && close()}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        className="palette"
        onKeyDown={onKeyDown}
      >
        <div className="palette-input">
          <Search size={16} aria-hidden="true" />
          <input
            ref={inputRef}
            role="combobox"
            aria-expanded="true"
            aria-controls="palette-list"
            aria-autocomplete="list"
            aria-activedescendant={results[active] ? `palette-opt-${active}` : undefined}
            aria-label={PLACEHOLDER[effective]}
            placeholder={PLACEHOLDER[effective]}
            value={query}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
          />
          {mode !== 'all' && <span className="palette-mode">{label}</span>}
        </div>
        <div
          ref={listRef}
          id="palette-list"
          role="listbox"
          aria-label="Results"
          className="palette-list"
        >
          {results.length === 0 && (
            <div className="palette-empty" role="presentation">
              {effective === 'outline' && !wb.activeTab()
                ? 'Open a story first.'
                : 'Nothing matches.'}
            </div>
          )}
          {groupsOf(results, effective === 'all').map((group) => (
            <div
              key={group.kind}
              role="group"
              aria-labelledby={group.title ? `palette-group-${group.kind}` : undefined}
              aria-label={group.title ? undefined : GROUP_TITLE[group.kind]}
            >
              {group.title && (
                <div id={`palette-group-${group.kind}`} className="palette-group">
                  {group.title}
                </div>
              )}
              {group.items.map(({ item, index: i }) => {
                const disabled = item.kind === 'command' && !commands.isEnabled(item.command.id);
                const key = item.kind === 'command' ? item.command.keys?.[0] : undefined;
                return (
                  <div
                    key={item.key}
                    id={`palette-opt-${i}`}
                    role="option"
                    aria-selected={i === active}
                    aria-disabled={disabled || undefined}
                    className={`palette-item${i === active ? ' is-active' : ''}${disabled ? ' is-disabled' : ''}${item.kind === 'outline' ? ` level-${item.level}` : ''}`}
                    onMouseMove={() => i !== active && setActive(i)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose(item)}
                  >
                    <span className="palette-icon" aria-hidden="true">
                      {item.kind === 'command' ? (
                        <SquareTerminal size={15} />
                      ) : item.kind === 'story' ? (
                        <FileText size={15} />
                      ) : item.kind === 'entity' ? (
                        <User size={15} />
                      ) : (
                        <Hash size={15} />
                      )}
                    </span>
                    <span className="palette-label">{item.label}</span>
                    <span className="palette-detail">{item.detail}</span>
                    {key && <kbd className="kbd">{formatKey(key)}</kbd>}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div className="palette-footer" aria-hidden="true">
          <span>
            <CornerDownLeft size={12} /> open
          </span>
          <span>↑↓ move</span>
          <span>Esc close</span>
          {mode === 'all' && <span>&gt; commands · # entities · @ sections</span>}
        </div>
      </div>
    </div>
  );
}

function groupsOf(results: Item[], titled: boolean) {
  const groups: {
    kind: Item['kind'];
    title: string | null;
    items: { item: Item; index: number }[];
  }[] = [];
  results.forEach((item, index) => {
    let g = groups[groups.length - 1];
    if (!g || g.kind !== item.kind) {
      g = { kind: item.kind, title: titled ? GROUP_TITLE[item.kind] : null, items: [] };
      groups.push(g);
    }
    g.items.push({ item, index });
  });
  return groups;
}
