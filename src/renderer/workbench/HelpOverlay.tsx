import { CATEGORY_ORDER, commands, formatKey, isMac } from './commands';
import { store, useWorkbench } from './store';
import { Dialog } from './ui';

// Every shortcut, read from the command registry, so it cannot go stale.

export function HelpOverlay() {
  const all = commands.all().filter((c) => c.keys?.length);
  const close = () => store.set({ help: false });
  const inBrowser = useWorkbench((s) => s.app?.transport === 'http');
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={close}
      size="large"
      initialFocus=".dialog-close"
      description={
        <>
          {isMac ? '⌘' : 'Ctrl'}+K opens the command palette, which runs everything below and opens
          any story or entity.
          {inBrowser &&
            ' In a browser, Ctrl+W, Ctrl+Tab and Ctrl+N belong to the browser: use the Alt shortcuts instead.'}
        </>
      }
    >
      <div className="help-columns">
        {CATEGORY_ORDER.map((cat) => {
          const list = all.filter((c) => c.category === cat);
          if (!list.length) return null;
          return (
            <section key={cat} className="help-group" aria-labelledby={`help-${cat}`}>
              <h3 id={`help-${cat}`}>{cat}</h3>
              <dl className="shortcut-list">
                {list.map((c) => (
                  <div key={c.id} className="shortcut-row">
                    <dt>{c.title.replace(/…$/, '')}</dt>
                    <dd>
                      {c.keys!.map((k, i) => (
                        <span key={k}>
                          {i > 0 && <span className="or"> or </span>}
                          <kbd className="kbd">{formatKey(k)}</kbd>
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
        <section className="help-group" aria-labelledby="help-lists">
          <h3 id="help-lists">Lists and tabs</h3>
          <dl className="shortcut-list">
            <div className="shortcut-row">
              <dt>Move in a list</dt>
              <dd>
                <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd>{' '}
                <kbd className="kbd">Home</kbd> <kbd className="kbd">End</kbd>
              </dd>
            </div>
            <div className="shortcut-row">
              <dt>Open the chosen item</dt>
              <dd>
                <kbd className="kbd">Enter</kbd>
              </dd>
            </div>
            <div className="shortcut-row">
              <dt>Close the focused tab</dt>
              <dd>
                <kbd className="kbd">Delete</kbd>
              </dd>
            </div>
            <div className="shortcut-row">
              <dt>Close a dialog or the palette</dt>
              <dd>
                <kbd className="kbd">Esc</kbd>
              </dd>
            </div>
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
