import { createContext, useContext, useEffect, useId, useRef, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { commands, formatKey } from './commands';
import type { Workbench } from './workbench';

// Small shared pieces: the workbench context, shortcut labels and the
// accessible modal dialog every dialog of the app is made of.

export const WorkbenchContext = createContext<Workbench | null>(null);

export function useWb(): Workbench {
  const wb = useContext(WorkbenchContext);
  if (!wb) throw new Error('useWb() outside <WorkbenchContext>');
  return wb;
}

export function Kbd({ spec }: { spec: string }) {
  return <kbd className="kbd">{formatKey(spec)}</kbd>;
}

/** The first shortcut of a command, formatted, or ''. */
export function shortcutOf(id: string): string {
  const k = commands.get(id)?.keys?.[0];
  return k ? formatKey(k) : '';
}

/** A title with the shortcut appended, for tooltips. */
export function withShortcut(title: string, id: string): string {
  const k = shortcutOf(id);
  return k ? `${title} (${k})` : title;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.closest('[hidden]') && el.getClientRects().length > 0,
  );
}

interface DialogProps {
  title: string;
  /** Shown under the title; also the dialog's description. */
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'small' | 'medium' | 'large' | 'full';
  className?: string;
  /** Selector of the element to focus first; else the first field, else the first button. */
  initialFocus?: string;
}

/**
 * A modal dialog: role=dialog, aria-modal, labelled by its title, focus kept
 * inside while open, Escape closes, and focus goes back where it was.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  footer,
  size = 'medium',
  className,
  initialFocus,
}: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const root = ref.current;
    if (root) {
      const target =
        (initialFocus && root.querySelector<HTMLElement>(initialFocus)) ||
        root.querySelector<HTMLElement>('[data-autofocus]') ||
        root.querySelector<HTMLElement>(
          'input:not([type=hidden]):not([disabled]), select, textarea',
        ) ||
        focusables(root).find((el) => !el.classList.contains('dialog-close')) ||
        root;
      target.focus();
    }
    return () => {
      // Back to where the user was, if that is still in the page.
      if (before && before.isConnected) before.focus();
    };
  }, []);

  // Keys are watched on the document, not the dialog: a button that disables
  // itself while it works drops focus to <body>, and Escape and Tab must
  // still belong to the dialog then.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const root = ref.current;
      if (!root || e.defaultPrevented) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        onCloseRef.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = focusables(root);
      const active = document.activeElement;
      if (!items.length) {
        e.preventDefault();
        root.focus();
        return;
      }
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (!root.contains(active)) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      } else if (e.shiftKey && (active === first || active === root)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div
      className="overlay"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descId : undefined}
        className={`dialog dialog-${size}${className ? ` ${className}` : ''}`}
        tabIndex={-1}
      >
        <div className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="icon-button dialog-close"
            aria-label="Close dialog"
            title="Close (Esc)"
            onClick={onClose}
          >
            <X size={16} aria-hidden="true" />
          </button>
        </div>
        {description && (
          <div id={descId} className="dialog-description">
            {description}
          </div>
        )}
        <div className="dialog-body">{children}</div>
        {footer && <div className="dialog-footer">{footer}</div>}
      </div>
    </div>
  );
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
