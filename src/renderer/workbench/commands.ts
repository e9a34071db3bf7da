// One registry of every action the workbench offers. Menus, the command
// palette, the help overlay, keyboard shortcuts and (later) the Electron
// application menu all read it, so an action has one name, one shortcut and
// one implementation.
//
// Shortcuts are written CodeMirror-style: `Mod-S` (Cmd on macOS, Ctrl
// elsewhere), `Ctrl-Tab`, `Shift-F8`, `Alt-W`, or a bare key such as `?`.
// A shortcut that is a bare printable key fires only when focus is not in a
// text field, so typing is never taken over.

export interface Command {
  readonly id: string;
  readonly title: string;
  readonly category: CommandCategory;
  /** Every shortcut that runs it; the first is the one shown. */
  readonly keys?: readonly string[];
  /** Words the palette also matches on. */
  readonly keywords?: string;
  readonly run: () => void | Promise<unknown>;
  readonly enabled?: () => boolean;
  /** Kept out of the palette (still in help and shortcuts). */
  readonly hidden?: boolean;
}

export type CommandCategory = 'Story' | 'Edit' | 'Go' | 'View' | 'Desk' | 'Help';
export const CATEGORY_ORDER: CommandCategory[] = ['Story', 'Edit', 'Go', 'View', 'Desk', 'Help'];

export const isMac =
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

interface KeySpec {
  key: string;
  mod: boolean;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  bare: boolean;
}

function parseKey(spec: string): KeySpec {
  const parts = spec.split(/-(?!$)/);
  const key = parts.pop()!;
  const out: KeySpec = { key, mod: false, ctrl: false, alt: false, shift: false, bare: false };
  for (const p of parts) {
    if (p === 'Mod') out.mod = true;
    else if (p === 'Ctrl') out.ctrl = true;
    else if (p === 'Alt') out.alt = true;
    else if (p === 'Shift') out.shift = true;
  }
  out.bare = !out.mod && !out.ctrl && !out.alt && key.length === 1;
  return out;
}

function matches(spec: KeySpec, e: KeyboardEvent): boolean {
  const wantCtrl = spec.ctrl || (spec.mod && !isMac);
  const wantMeta = spec.mod && isMac;
  if (e.ctrlKey !== wantCtrl || e.metaKey !== wantMeta || e.altKey !== spec.alt) return false;
  if (spec.key.length === 1) {
    // Printable keys: compare what was typed (`?` is Shift-/ on most layouts);
    // with Alt, some layouts type another character, so fall back to the code.
    const typed = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const want = spec.key.toLowerCase();
    if (typed === want) return spec.bare || e.shiftKey === spec.shift;
    if (/^[a-z]$/.test(want) && e.code === `Key${want.toUpperCase()}`)
      return e.shiftKey === spec.shift;
    if (/^[0-9]$/.test(want) && e.code === `Digit${want}`) return e.shiftKey === spec.shift;
    if (want === '[' && e.code === 'BracketLeft') return e.shiftKey === spec.shift;
    if (want === ']' && e.code === 'BracketRight') return e.shiftKey === spec.shift;
    if (want === '\\' && e.code === 'Backslash') return e.shiftKey === spec.shift;
    return false;
  }
  return e.key === spec.key && e.shiftKey === spec.shift;
}

const KEY_NAMES: Record<string, string> = {
  PageDown: 'PgDn',
  PageUp: 'PgUp',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
};

/** How a shortcut is shown: ⌘⇧F on macOS, Ctrl+Shift+F elsewhere. */
export function formatKey(spec: string): string {
  const k = parseKey(spec);
  const name = KEY_NAMES[k.key] ?? (k.key.length === 1 ? k.key.toUpperCase() : k.key);
  if (k.bare && !k.shift) return k.key;
  if (isMac) {
    return `${k.ctrl ? '⌃' : ''}${k.alt ? '⌥' : ''}${k.shift ? '⇧' : ''}${k.mod ? '⌘' : ''}${name}`;
  }
  const parts: string[] = [];
  if (k.ctrl || k.mod) parts.push('Ctrl');
  if (k.alt) parts.push('Alt');
  if (k.shift) parts.push('Shift');
  parts.push(name);
  return parts.join('+');
}

/** Whether keyboard focus is somewhere the user types. */
export function isTypingTarget(e: Event): boolean {
  const el = (e.composedPath()[0] ?? e.target) as Element | null;
  if (!el || typeof Element === 'undefined' || !(el instanceof Element)) return false;
  if (el.closest('.cm-editor')) return true;
  if (el instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(
      el.type,
    );
  }
  return (
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    (el as HTMLElement).isContentEditable
  );
}

export class CommandRegistry {
  private readonly commands = new Map<string, Command>();
  private readonly parsed = new Map<string, KeySpec[]>();
  private listeners = new Set<() => void>();

  register(commands: readonly Command[]): () => void {
    for (const c of commands) {
      this.commands.set(c.id, c);
      this.parsed.set(c.id, (c.keys ?? []).map(parseKey));
    }
    this.emit();
    return () => {
      for (const c of commands) {
        if (this.commands.get(c.id) === c) {
          this.commands.delete(c.id);
          this.parsed.delete(c.id);
        }
      }
      this.emit();
    };
  }

  get(id: string): Command | undefined {
    return this.commands.get(id);
  }

  all(): Command[] {
    return [...this.commands.values()];
  }

  isEnabled(id: string): boolean {
    const c = this.commands.get(id);
    return !!c && (c.enabled?.() ?? true);
  }

  private lastRun = { id: '', at: 0 };

  /**
   * Runs a command chosen in the application menu. In Electron a menu
   * accelerator and the page's own shortcut can both fire for one key press;
   * the second of the two is dropped, so a toggle does not toggle twice.
   */
  runFromMenu(id: string): boolean {
    if (this.lastRun.id === id && performance.now() - this.lastRun.at < 250) return false;
    return this.run(id);
  }

  /** Runs a command by id; false when it is unknown or not enabled now. */
  run(id: string): boolean {
    const c = this.commands.get(id);
    if (!c || !(c.enabled?.() ?? true)) return false;
    this.lastRun = { id, at: performance.now() };
    try {
      const result = c.run();
      if (result instanceof Promise)
        result.catch((error: unknown) => console.error(`Command ${id} failed:`, error));
    } catch (error) {
      console.error(`Command ${id} failed:`, error);
    }
    return true;
  }

  /** The command a key event stands for, honouring the bare-key rule. */
  commandFor(e: KeyboardEvent): Command | null {
    const typing = isTypingTarget(e);
    for (const [id, specs] of this.parsed) {
      for (const spec of specs) {
        if (spec.bare && typing) continue;
        if (matches(spec, e)) return this.commands.get(id) ?? null;
      }
    }
    return null;
  }

  /** Runs the command a key event stands for; true when one ran. */
  handleKeydown(e: KeyboardEvent): boolean {
    if (e.defaultPrevented || e.isComposing) return false;
    const c = this.commandFor(e);
    if (!c || !(c.enabled?.() ?? true)) return false;
    e.preventDefault();
    e.stopPropagation();
    this.run(c.id);
    return true;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private emit() {
    for (const l of [...this.listeners]) l();
  }
}

/**
 * The app's one registry. The Electron shell can wire its `Menu` to it over
 * IPC (`commands.run(id)`; `commands.all()` for titles and shortcuts).
 */
export const commands = new CommandRegistry();
