import { useEffect, useRef } from 'react';
import { CircleAlert, CircleCheck, Info, TriangleAlert, X } from 'lucide-react';
import { dismissToast, useWorkbench, type Toast } from './store';

// Notifications: announced politely, never focused, never in the way of
// typing. A toast that asks for a choice stays until it is made or dismissed;
// the others go by themselves (and wait while the pointer is over them).

export function Toasts() {
  const toasts = useWorkbench((s) => s.toasts);
  return (
    <section className="toasts" aria-label="Notifications">
      <div aria-live="polite" aria-relevant="additions text" className="toast-stack">
        {toasts.map((t) => (
          <ToastCard key={t.id} toast={t} />
        ))}
      </div>
    </section>
  );
}

function ToastCard({ toast }: { toast: Toast }) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const start = () => {
    if (!toast.timeout) return;
    stop();
    timer.current = setTimeout(() => dismissToast(toast.id, true), toast.timeout);
  };
  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => {
    start();
    return stop;
  }, [toast.id]);

  const Icon =
    toast.kind === 'error'
      ? CircleAlert
      : toast.kind === 'warning'
        ? TriangleAlert
        : toast.kind === 'success'
          ? CircleCheck
          : Info;

  return (
    <div
      className={`toast toast-${toast.kind}`}
      role={toast.kind === 'error' ? 'alert' : undefined}
      onMouseEnter={stop}
      onMouseLeave={start}
      onFocus={stop}
      onBlur={start}
    >
      <Icon size={17} aria-hidden="true" className="toast-icon" />
      <div className="toast-body">
        <p className="toast-title">{toast.title}</p>
        {toast.detail && <p className="toast-detail">{toast.detail}</p>}
        {toast.actions && toast.actions.length > 0 && (
          <div className="toast-actions">
            {toast.actions.map((a) => (
              <button
                key={a.label}
                type="button"
                className="button small"
                onClick={async () => {
                  if (a.dismiss !== false) dismissToast(toast.id, true);
                  await a.run();
                }}
              >
                {a.label}
              </button>
            ))}
          </div>
        )}
      </div>
      <button
        type="button"
        className="icon-button small toast-close"
        aria-label="Dismiss notification"
        title="Dismiss"
        onClick={() => dismissToast(toast.id)}
      >
        <X size={14} aria-hidden="true" />
      </button>
    </div>
  );
}
