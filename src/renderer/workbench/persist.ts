import { defaultLayout, type LayoutState, type ThemeChoice } from './store';

// The workbench remembers, per desk (keyed by the desk's root folder), how
// the user left it: panel sizes, what was collapsed, the open tabs and the
// active one, the right panel's tab and the theme. Only localStorage: the app
// writes nothing of its own to the desk for this.

export interface Remembered {
  layout: LayoutState;
  tabs: string[];
  active: string | null;
  /** Nothing was remembered for this desk: its first start in this browser or app. */
  fresh?: boolean;
}

const PREFIX = 'storydesk.workbench:';
const LAST_THEME = 'storydesk.theme';

export function loadRemembered(root: string): Remembered {
  const fallback: Remembered = {
    layout: { ...defaultLayout, theme: lastTheme() },
    tabs: [],
    active: null,
    fresh: true,
  };
  try {
    const raw = localStorage.getItem(PREFIX + root);
    if (!raw) return fallback;
    const data = JSON.parse(raw) as Partial<Remembered>;
    const layout = { ...fallback.layout, ...(data.layout ?? {}) };
    if (!['system', 'light', 'dark'].includes(layout.theme)) layout.theme = 'system';
    if (layout.sizes && typeof layout.sizes !== 'object') layout.sizes = null;
    const tabs = Array.isArray(data.tabs)
      ? data.tabs.filter((t): t is string => typeof t === 'string')
      : [];
    const active = typeof data.active === 'string' ? data.active : null;
    return { layout, tabs, active };
  } catch {
    return fallback;
  }
}

export function saveRemembered(root: string, value: Remembered): void {
  try {
    localStorage.setItem(PREFIX + root, JSON.stringify(value));
    localStorage.setItem(LAST_THEME, value.layout.theme);
  } catch {
    // Storage full or refused: the layout is a convenience, never worth an error.
  }
}

function lastTheme(): ThemeChoice {
  try {
    const t = localStorage.getItem(LAST_THEME);
    if (t === 'light' || t === 'dark' || t === 'system') return t;
  } catch {
    // ignore
  }
  return 'system';
}

const darkQuery =
  typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

export function systemIsDark(): boolean {
  return darkQuery?.matches ?? false;
}

export function onSystemThemeChange(listener: () => void): () => void {
  darkQuery?.addEventListener('change', listener);
  return () => darkQuery?.removeEventListener('change', listener);
}

/** Sets the page's theme; returns whether it is dark. */
export function applyTheme(choice: ThemeChoice): boolean {
  const dark = choice === 'dark' || (choice === 'system' && systemIsDark());
  const root = document.documentElement;
  root.dataset.theme = dark ? 'dark' : 'light';
  root.style.colorScheme = dark ? 'dark' : 'light';
  return dark;
}

/** Applied before React renders, so the first paint has the right colours. */
export function applyInitialTheme(): void {
  applyTheme(lastTheme());
}
