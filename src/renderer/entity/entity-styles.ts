// The entity panel's stylesheet, adopted as a constructed sheet (the CSP
// allows no inline <style>). Its colours are its own (--e-*), set for light
// and dark together, so a host's variables for one theme can never meet the
// panel's for the other; a host may still override any --e-* on .sd-entity.

const LIGHT = `
  --e-ink: #1d1b18;
  --e-muted: #6b655c;
  --e-paper: #fffdf9;
  --e-rule: #ddd8ce;
  --e-soft: #f1eee8;
  --e-accent: #a3211c;
  --e-link: #12467a;
  --e-on-link: #ffffff;
  --e-focus: #2563eb;
  --e-mark: #fde68a;
  --e-danger: #a3211c;
  --e-danger-bg: #fdf0ee;`;

const DARK = `
  --e-ink: #e9e6e1;
  --e-muted: #a29d95;
  --e-paper: #17191c;
  --e-rule: #2d3034;
  --e-soft: #24272b;
  --e-accent: #f08a7e;
  --e-link: #8fbef0;
  --e-on-link: #0f1113;
  --e-focus: #7aa7ff;
  --e-mark: #6b5413;
  --e-danger: #f3a196;
  --e-danger-bg: #3a1f1c;`;

// Dark when the workbench says so (html[data-theme="dark"]), or when it says
// nothing and the system prefers dark.
export const entityPanelCss = `
.sd-entity {${LIGHT}
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  gap: 0;
  /* Fills its host: a sized box, or a flex column. */
  height: 100%;
  flex: 1 1 auto;
  min-height: 0;
  overflow: auto;
  padding: 0 1.1rem 1.5rem;
  color: var(--e-ink);
  background: var(--e-paper);
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
  font-size: 0.875rem;
  line-height: 1.45;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) .sd-entity {${DARK}
  }
}
:root[data-theme="dark"] .sd-entity {${DARK}
}
.sd-entity *, .sd-entity *::before, .sd-entity *::after { box-sizing: inherit; }
.sd-entity :focus-visible { outline: 2px solid var(--e-focus); outline-offset: 2px; }
.sd-entity h2:focus { outline: none; }
.sd-entity h2:focus-visible { outline: 2px solid var(--e-focus); }
.sd-entity code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace;
  font-size: 0.92em; background: var(--e-soft); padding: 0.05em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }

.sd-entity-head { position: sticky; top: 0; z-index: 1; display: flex; align-items: flex-start; gap: 0.5rem;
  padding: 0.9rem 0 0.75rem; margin-bottom: 0.25rem; background: var(--e-paper); border-bottom: 1px solid var(--e-rule); }
.sd-entity-title { flex: 1; min-width: 0; }
.sd-entity-eyebrow { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 0 0 0.2rem;
  font-size: 0.7rem; font-weight: 700; letter-spacing: 0.09em; text-transform: uppercase; color: var(--e-muted); }
.sd-entity-kind-badge { padding: 0.1rem 0.5rem; border-radius: 999px; background: var(--e-soft); color: var(--e-accent);
  letter-spacing: 0.06em; }
.sd-entity-refreshing { display: inline-flex; align-items: center; gap: 0.3rem; font-weight: 500;
  text-transform: none; letter-spacing: 0; }
.sd-entity h2 { margin: 0; font-size: 1.3rem; line-height: 1.2; font-weight: 700; overflow-wrap: anywhere; }

.sd-entity-block { padding: 0.9rem 0; border-bottom: 1px solid var(--e-rule); }
.sd-entity-block:last-child { border-bottom: 0; }
.sd-entity h3, .sd-field-label { display: block; margin: 0 0 0.45rem; font-size: 0.7rem; font-weight: 700;
  letter-spacing: 0.08em; text-transform: uppercase; color: var(--e-muted); }
.sd-entity-note { display: flex; align-items: center; gap: 0.4rem; margin: 0.25rem 0; color: var(--e-muted); }
.sd-entity-notes { margin: 0; white-space: pre-wrap; }

.sd-name-row { display: flex; align-items: center; justify-content: space-between; gap: 0.75rem; }
.sd-entity-name { margin: 0; min-width: 0; overflow-wrap: anywhere; color: var(--e-muted); }
.sd-entity-name .sd-field-label { display: inline; margin-right: 0.4rem; }

.sd-chips { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0; padding: 0; list-style: none; }
.sd-chip { padding: 0.2rem 0.65rem; border-radius: 999px; background: var(--e-soft); border: 1px solid var(--e-rule); }

.sd-inline { display: flex; align-items: center; gap: 0.6rem; }
.sd-input, .sd-select { font: inherit; color: var(--e-ink); background: var(--e-paper); border: 1px solid var(--e-muted);
  border-radius: 5px; padding: 0.4rem 0.55rem; min-height: 2.1rem; }
.sd-input { width: 100%; }
.sd-select { min-width: 11rem; }
.sd-input[aria-invalid="true"], .sd-select[aria-invalid="true"] { border-color: var(--e-danger); }
.sd-input:focus-visible, .sd-select:focus-visible { outline-offset: 0; }
.sd-field-help { margin: 0.4rem 0 0; color: var(--e-muted); font-size: 0.8rem; }
.sd-field-error { margin: 0.4rem 0 0; color: var(--e-danger); font-weight: 600; }

.sd-button { display: inline-flex; align-items: center; gap: 0.35rem; font: inherit; font-weight: 600;
  color: var(--e-ink); background: var(--e-paper); border: 1px solid var(--e-rule); border-radius: 5px;
  padding: 0.35rem 0.7rem; min-height: 2rem; cursor: pointer; white-space: nowrap; }
.sd-button:hover:not(:disabled) { border-color: var(--e-muted); }
.sd-button:disabled { opacity: 0.55; cursor: default; }
.sd-button-primary { color: var(--e-on-link); background: var(--e-link); border-color: var(--e-link); }
.sd-button-primary:hover:not(:disabled) { filter: brightness(1.08); border-color: var(--e-link); }
.sd-button-small { margin-top: 0.4rem; padding: 0.2rem 0.55rem; min-height: 1.7rem; font-size: 0.8rem; }
.sd-icon-button { display: inline-grid; place-items: center; width: 2rem; height: 2rem; flex: none;
  color: var(--e-muted); background: transparent; border: 1px solid transparent; border-radius: 5px; cursor: pointer; }
.sd-icon-button:hover { color: var(--e-ink); border-color: var(--e-rule); }
.sd-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.7rem; }

.sd-entity-alert { display: flex; gap: 0.5rem; align-items: flex-start; margin: 0.6rem 0; padding: 0.6rem 0.7rem;
  border-radius: 6px; background: var(--e-danger-bg); color: var(--e-ink); border: 1px solid color-mix(in srgb, var(--e-danger) 35%, transparent); }
.sd-entity-alert > svg { flex: none; margin-top: 0.15rem; color: var(--e-danger); }
.sd-entity-alert p { margin: 0; }

.sd-mentions { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 0.8rem; }
.sd-link-button { font: inherit; font-weight: 650; font-size: 0.95rem; text-align: left; color: var(--e-link);
  background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline;
  text-decoration-color: color-mix(in srgb, currentColor 40%, transparent); text-underline-offset: 0.18em; }
.sd-link-button:hover { text-decoration-color: currentColor; }
.sd-sentences { margin: 0.35rem 0 0; padding: 0 0 0 0.75rem; list-style: none; border-left: 2px solid var(--e-rule);
  color: var(--e-muted); font-family: 'Iowan Old Style', 'Palatino Linotype', P052, Charter, Georgia, serif;
  font-size: 0.9rem; }
.sd-sentences li + li { margin-top: 0.35rem; }
.sd-sentences mark { color: var(--e-ink); background: var(--e-mark); border-radius: 2px; padding: 0 0.1em; }

.sd-combobox { position: relative; }
.sd-listbox { position: absolute; left: 0; right: 0; top: calc(100% + 2px); z-index: 2; max-height: 16rem; overflow: auto;
  margin: 0; padding: 0.25rem; list-style: none; background: var(--e-paper); border: 1px solid var(--e-muted);
  border-radius: 6px; box-shadow: 0 6px 20px rgb(0 0 0 / 0.18); }
.sd-listbox[hidden] { display: none; }
.sd-option { display: flex; justify-content: space-between; gap: 0.75rem; padding: 0.35rem 0.5rem; border-radius: 4px; cursor: pointer; }
.sd-option-active { background: var(--e-soft); outline: 2px solid var(--e-focus); outline-offset: -2px; }
.sd-option-name { font-weight: 600; min-width: 0; overflow-wrap: anywhere; }
.sd-option-meta { flex: none; color: var(--e-muted); font-size: 0.78rem; }
.sd-keep { margin: 0.75rem 0 0; padding: 0; border: 0; display: flex; flex-wrap: wrap; gap: 0.35rem 1rem; }
.sd-keep legend { padding: 0; width: 100%; }
.sd-keep label { display: inline-flex; align-items: center; gap: 0.3rem; cursor: pointer; }

.sd-confirm { padding: 0.75rem; border: 1px solid var(--e-rule); border-radius: 6px; background: var(--e-soft); }
.sd-confirm-title { margin: 0 0 0.4rem; font-weight: 700; font-size: 0.95rem; }
.sd-confirm-list { margin: 0; padding-left: 1.1rem; }
.sd-confirm-list li + li { margin-top: 0.3rem; }

.sd-vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.sd-spin { animation: sd-spin 1s linear infinite; }
@keyframes sd-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .sd-spin { animation: none; } }
`;
