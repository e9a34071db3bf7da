import { describe, expect, it, vi } from 'vitest';
import { CommandRegistry, formatKey } from './commands';

// The registry's shortcut matching, driven with plain objects shaped like
// KeyboardEvents (the registry reads only their fields and composedPath).

function key(
  init: Partial<KeyboardEvent> & { key: string },
  target: unknown = null,
): KeyboardEvent {
  let prevented = false;
  return {
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    code: '',
    isComposing: false,
    get defaultPrevented() {
      return prevented;
    },
    preventDefault: () => {
      prevented = true;
    },
    stopPropagation: () => undefined,
    composedPath: () => (target ? [target] : []),
    target,
    ...init,
  } as unknown as KeyboardEvent;
}

describe('CommandRegistry', () => {
  it('runs the command a shortcut stands for (Mod is Ctrl off macOS)', () => {
    const registry = new CommandRegistry();
    const save = vi.fn();
    registry.register([
      { id: 'save', title: 'Save', category: 'Story', keys: ['Mod-S'], run: save },
    ]);
    expect(registry.handleKeydown(key({ key: 's', ctrlKey: true }))).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    expect(registry.handleKeydown(key({ key: 's' }))).toBe(false);
    expect(registry.handleKeydown(key({ key: 'S', ctrlKey: true, shiftKey: true }))).toBe(false);
  });

  it('matches Alt shortcuts by key code when the layout types another character', () => {
    const registry = new CommandRegistry();
    const close = vi.fn();
    registry.register([
      { id: 'close', title: 'Close', category: 'Story', keys: ['Alt-W'], run: close },
    ]);
    expect(registry.handleKeydown(key({ key: '∑', code: 'KeyW', altKey: true }))).toBe(true);
    expect(close).toHaveBeenCalled();
  });

  it('does not run a command that is not enabled, and lets the key through', () => {
    const registry = new CommandRegistry();
    const run = vi.fn();
    registry.register([
      { id: 'x', title: 'X', category: 'Edit', keys: ['F8'], run, enabled: () => false },
    ]);
    const e = key({ key: 'F8' });
    expect(registry.handleKeydown(e)).toBe(false);
    expect(e.defaultPrevented).toBe(false);
    expect(run).not.toHaveBeenCalled();
    expect(registry.run('x')).toBe(false);
  });

  it('keeps bare keys such as ? for when focus is not in a text field', () => {
    const registry = new CommandRegistry();
    const help = vi.fn();
    registry.register([{ id: 'help', title: 'Help', category: 'Help', keys: ['?'], run: help }]);
    expect(registry.handleKeydown(key({ key: '?', shiftKey: true }))).toBe(true);
    expect(help).toHaveBeenCalled();
    // Ctrl+? is not the bare key.
    expect(registry.commandFor(key({ key: '?', shiftKey: true, ctrlKey: true }))).toBeNull();
  });

  it('unregisters what it registered', () => {
    const registry = new CommandRegistry();
    const off = registry.register([{ id: 'a', title: 'A', category: 'Go', run: () => undefined }]);
    expect(registry.get('a')).toBeDefined();
    off();
    expect(registry.get('a')).toBeUndefined();
  });
});

describe('formatKey', () => {
  it('spells shortcuts the way the platform does', () => {
    expect(formatKey('Mod-Shift-F')).toMatch(/^(Ctrl\+Shift\+F|⇧⌘F)$/);
    expect(formatKey('Ctrl-PageDown')).toMatch(/^(Ctrl\+PgDn|⌃PgDn)$/);
    expect(formatKey('?')).toBe('?');
    expect(formatKey('F2')).toBe('F2');
  });
});
