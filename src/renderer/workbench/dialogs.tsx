import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { FileUp, RotateCcw } from 'lucide-react';
import type { ImportResult, Output } from '../../shared/api';
import { isValidSlug, slugify } from '../../shared/story';
import { store, useWorkbench, type DialogSpec } from './store';
import { Dialog, plural, useWb } from './ui';
import { message } from './workbench';

// The workbench's dialogs, one component each, opened through the store's
// `dialog` slot so that commands, menus and the palette open them alike.

export function Dialogs() {
  const dialog = useWorkbench((s) => s.dialog);
  if (!dialog) return null;
  return <DialogSwitch dialog={dialog} />;
}

const close = () => store.set({ dialog: null });

function DialogSwitch({ dialog }: { dialog: DialogSpec }) {
  switch (dialog.kind) {
    case 'new-story':
      return <NewStoryDialog />;
    case 'rename':
      return <RenameDialog slug={dialog.slug} />;
    case 'trash':
      return <TrashDialog />;
    case 'import':
      return <ImportDialog initial={dialog.files ?? []} />;
    case 'export':
      return <ExportDialog slug={dialog.slug} />;
    case 'go-to-line':
      return <GoToLineDialog />;
    case 'close-tab':
      return <CloseTabDialog tabId={dialog.tabId} />;
    case 'confirm-delete':
      return null;
  }
}

function slugProblem(slug: string, taken: (s: string) => boolean, current?: string): string | null {
  if (!slug) return 'A slug is needed: it names the file and the story’s address.';
  if (!isValidSlug(slug))
    return 'Use lowercase letters, digits and single hyphens (no hyphen at either end).';
  if (slug === current) return 'That is the story’s slug already.';
  if (taken(slug)) return `A story “${slug}” already exists.`;
  return null;
}

function NewStoryDialog() {
  const wb = useWb();
  const types = useWorkbench((s) => s.desk?.settings.vocabularies.types ?? []);
  const bySlug = useWorkbench((s) => s.storiesBySlug);
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [type, setType] = useState(types[0] ?? 'story');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const effectiveSlug = slugTouched ? slug : title ? slugify(title) : '';
  const problem = slugProblem(effectiveSlug, (s) => bySlug.has(s));
  const showProblem = (slugTouched || title !== '') && problem;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      await wb.createStory({ slug: effectiveSlug, title: title.trim(), type });
      close();
    } catch (err) {
      setError(message(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New story"
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            form="new-story-form"
            className="button primary"
            disabled={!!problem || busy}
          >
            Create story
          </button>
        </>
      }
    >
      <form id="new-story-form" className="form" onSubmit={submit}>
        <label className="field">
          <span>Title</span>
          <input
            data-autofocus
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="What happened, in a line"
            maxLength={500}
          />
        </label>
        <div className="field">
          <label htmlFor="new-slug">Slug</label>
          <input
            id="new-slug"
            value={effectiveSlug}
            onChange={(e) => {
              setSlugTouched(true);
              setSlug(e.target.value);
            }}
            aria-invalid={showProblem ? true : undefined}
            aria-describedby="new-slug-help"
            spellCheck={false}
            className="mono"
          />
          <span
            id="new-slug-help"
            className={showProblem ? 'field-error' : 'field-help'}
            aria-live="polite"
          >
            {showProblem
              ? problem
              : effectiveSlug
                ? `stories/${effectiveSlug}.md`
                : 'Made from the title unless you type one.'}
          </span>
        </div>
        <label className="field">
          <span>Type</span>
          <select value={type} onChange={(e) => setType(e.target.value)}>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}

function RenameDialog({ slug }: { slug: string }) {
  const wb = useWb();
  const bySlug = useWorkbench((s) => s.storiesBySlug);
  const [to, setTo] = useState(slug);
  const [impact, setImpact] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = slugProblem(to, (s) => bySlug.has(s), slug);

  useEffect(() => {
    let live = true;
    wb.api['story.renameImpact']({ slug }).then(
      (r) => live && setImpact(r.stories),
      (e: unknown) => live && setError(message(e)),
    );
    return () => {
      live = false;
    };
  }, [wb, slug]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      await wb.rename(slug, to);
      close();
    } catch (err) {
      setError(message(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Rename story"
      onClose={close}
      description={
        impact === null ? (
          'Looking for stories that link here…'
        ) : impact.length === 0 ? (
          'No other story links here.'
        ) : (
          <>
            <strong>{plural(impact.length, 'story links', 'stories link')} here</strong> and will be
            rewritten.
          </>
        )
      }
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            form="rename-form"
            className="button primary"
            disabled={!!problem || busy || impact === null}
          >
            Rename
          </button>
        </>
      }
    >
      <form id="rename-form" className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="rename-slug">New slug</label>
          <input
            id="rename-slug"
            data-autofocus
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-invalid={to !== slug && problem ? true : undefined}
            aria-describedby="rename-help"
            spellCheck={false}
            className="mono"
          />
          <span
            id="rename-help"
            className={to !== slug && problem ? 'field-error' : 'field-help'}
            aria-live="polite"
          >
            {to !== slug && problem
              ? problem
              : `Now ${slug}. The file, its Canonical line and every link follow.`}
          </span>
        </div>
        {impact && impact.length > 0 && (
          <div className="impact">
            <h3>Stories that will be rewritten</h3>
            <ul className="impact-list">
              {impact.map((s) => (
                <li key={s}>
                  <span>{bySlug.get(s)?.title || s}</span> <span className="mono muted">{s}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}

type TrashItem = Output<'story.trash'>[number];

function TrashDialog() {
  const wb = useWb();
  const [items, setItems] = useState<TrashItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Emptying is the one step that cannot be undone: it asks once more, in place.
  const [confirming, setConfirming] = useState(false);
  const version = useWorkbench((s) => s.libraryVersion);

  const empty = async () => {
    try {
      await wb.api['story.emptyTrash']();
      setItems([]);
      setConfirming(false);
    } catch (e) {
      setError(message(e));
    }
  };

  useEffect(() => {
    let live = true;
    wb.api['story.trash']().then(
      (list) => live && setItems([...list].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt))),
      (e: unknown) => live && setError(message(e)),
    );
    return () => {
      live = false;
    };
  }, [wb, version]);

  return (
    <Dialog
      title="Trash"
      onClose={close}
      size="medium"
      description="Stories moved to the trash stay here until the trash is emptied; restore puts one back."
      footer={
        <>
          {items && items.length > 0 && !confirming && (
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              Empty trash…
            </button>
          )}
          {items && items.length > 0 && confirming && (
            <>
              <span role="alert" className="muted small">
                Delete {plural(items.length, 'story', 'stories')} for good?
              </span>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Keep them
              </button>
              <button type="button" className="button danger" onClick={() => void empty()}>
                Delete for good
              </button>
            </>
          )}
          <button type="button" className="button" onClick={close}>
            Done
          </button>
        </>
      }
    >
      {error && <p className="form-error">{error}</p>}
      {items === null && !error && <p className="empty-note">Loading…</p>}
      {items && items.length === 0 && <p className="empty-note">The trash is empty.</p>}
      {items && items.length > 0 && (
        <ul className="trash-list" aria-label="Stories in the trash">
          {items.map((item) => (
            <li key={item.id} className="trash-item">
              <div>
                <div className="mono">{item.slug}</div>
                <div className="muted small">
                  Deleted {new Date(item.deletedAt).toLocaleString()}
                </div>
              </div>
              <button
                type="button"
                className="button small"
                aria-label={`Restore ${item.slug}`}
                onClick={async () => {
                  await wb.restore(item.id, true);
                  setItems((list) => list?.filter((i) => i.id !== item.id) ?? null);
                }}
              >
                <RotateCcw size={14} aria-hidden="true" /> Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

function ImportDialog({ initial }: { initial: File[] }) {
  const wb = useWb();
  const [files, setFiles] = useState<File[]>(initial);
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'replace'>('skip');
  const [results, setResults] = useState<ImportResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const progress = useWorkbench((s) => s.importProgress);
  const inputRef = useRef<HTMLInputElement>(null);

  const add = (list: FileList | File[]) => {
    const md = [...list].filter((f) => /\.(md|markdown|txt)$/i.test(f.name));
    setFiles((cur) => {
      const names = new Set(cur.map((f) => f.name));
      return [...cur, ...md.filter((f) => !names.has(f.name))];
    });
    setResults(null);
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResults(await wb.importFiles(files, onDuplicate));
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const counts = useMemo(() => {
    const c = { imported: 0, replaced: 0, skipped: 0, failed: 0 };
    for (const r of results ?? []) c[r.status]++;
    return c;
  }, [results]);

  return (
    <Dialog
      title="Import stories"
      onClose={close}
      size="large"
      description="Bring Markdown story files into the desk. Each is checked against the format; its problems are listed, and nothing is lost."
      footer={
        results ? (
          <>
            <button
              type="button"
              className="button"
              onClick={() => {
                setFiles([]);
                setResults(null);
              }}
            >
              Import more
            </button>
            <button type="button" className="button primary" onClick={close}>
              Done
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="button primary"
              disabled={!files.length || busy}
              onClick={() => void run()}
            >
              {busy
                ? 'Importing…'
                : files.length
                  ? `Import ${plural(files.length, 'file')}`
                  : 'Import'}
            </button>
          </>
        )
      }
    >
      {!results && (
        <>
          <div
            className={`drop-zone${over ? ' is-over' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              e.stopPropagation();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={(e) => {
              e.preventDefault();
              e.stopPropagation();
              setOver(false);
              add(e.dataTransfer.files);
            }}
          >
            <FileUp size={22} aria-hidden="true" />
            <p>Drop .md files here, or</p>
            <input
              ref={inputRef}
              id="import-files"
              type="file"
              accept=".md,.markdown,text/markdown,text/plain"
              multiple
              className="visually-hidden"
              onChange={(e) => {
                if (e.target.files) add(e.target.files);
                e.target.value = '';
              }}
            />
            <label htmlFor="import-files" className="button">
              Choose files…
            </label>
          </div>
          {files.length > 0 && (
            <ul className="file-list" aria-label="Files to import">
              {files.map((f) => (
                <li key={f.name}>
                  <span className="mono">{f.name}</span>
                  <span className="muted small">{formatSize(f.size)}</span>
                  <button
                    type="button"
                    className="text-button"
                    aria-label={`Remove ${f.name}`}
                    onClick={() => setFiles((cur) => cur.filter((x) => x !== f))}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <fieldset className="radio-group">
            <legend>When a story with the same slug exists</legend>
            <label>
              <input
                type="radio"
                name="dup"
                checked={onDuplicate === 'skip'}
                onChange={() => setOnDuplicate('skip')}
              />{' '}
              Skip it (keep the desk’s story)
            </label>
            <label>
              <input
                type="radio"
                name="dup"
                checked={onDuplicate === 'replace'}
                onChange={() => setOnDuplicate('replace')}
              />{' '}
              Replace it with the imported file
            </label>
          </fieldset>
          {busy && progress && (
            <p className="muted" role="status">
              Imported {progress.done} of {progress.total}
              {progress.name ? `: ${progress.name}` : ''}
            </p>
          )}
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {results && (
        <>
          <p role="status" className="import-summary">
            {[
              counts.imported && `${counts.imported} imported`,
              counts.replaced && `${counts.replaced} replaced`,
              counts.skipped && `${counts.skipped} skipped`,
              counts.failed && `${counts.failed} failed`,
            ]
              .filter(Boolean)
              .join(' · ') || 'Nothing imported.'}
          </p>
          <table className="results-table">
            <caption className="visually-hidden">Import results</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Result</th>
                <th scope="col">Story</th>
                <th scope="col">Problems</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.name}>
                  <td className="mono">{r.name}</td>
                  <td>
                    <span className={`result-badge result-${r.status}`}>{r.status}</span>
                  </td>
                  <td>
                    {r.slug && r.status !== 'failed' && r.status !== 'skipped' ? (
                      <button
                        type="button"
                        className="link-button mono"
                        onClick={() => {
                          close();
                          void wb.openStory(r.slug!, { focus: true });
                        }}
                      >
                        {r.slug}
                      </button>
                    ) : (
                      <span className="mono">{r.slug ?? '—'}</span>
                    )}
                  </td>
                  <td>
                    {r.errors || r.warnings
                      ? [
                          r.errors && plural(r.errors, 'error'),
                          r.warnings && plural(r.warnings, 'warning'),
                        ]
                          .filter(Boolean)
                          .join(', ')
                      : 'none'}
                  </td>
                  <td className="small">{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function ExportDialog({ slug }: { slug: string }) {
  const wb = useWb();
  const [format, setFormat] = useState<'md' | 'html' | 'json'>('html');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useWorkbench((s) => s.storiesBySlug.get(slug)?.title || slug);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setDone(await wb.exportStory(slug, format));
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  const formats = [
    { id: 'html', label: 'Web page (.html)', help: 'A standalone page, styled as readers see it.' },
    {
      id: 'md',
      label: 'Markdown (.md)',
      help: 'The story as published, without desk-only front matter.',
    },
    { id: 'json', label: 'Data (.json)', help: 'The parsed story model, for other tools.' },
  ] as const;

  return (
    <Dialog
      title="Export story"
      onClose={close}
      description={<>Export “{title}”.</>}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            {done ? 'Done' : 'Cancel'}
          </button>
          <button type="submit" form="export-form" className="button primary" disabled={busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </>
      }
    >
      <form id="export-form" className="form" onSubmit={run}>
        <fieldset className="radio-group">
          <legend>Format</legend>
          {formats.map((f) => (
            <label key={f.id} className="radio-card">
              <input
                type="radio"
                name="format"
                checked={format === f.id}
                onChange={() => setFormat(f.id)}
              />
              <span>
                <span className="radio-title">{f.label}</span>
                <span className="muted small">{f.help}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {done && (
          <p role="status" className="form-ok">
            Saved as {done} to your downloads.
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}

function GoToLineDialog() {
  const wb = useWb();
  const lines = wb.activeState()?.doc.lines ?? 1;
  const current = (() => {
    const s = wb.activeState();
    return s ? s.doc.lineAt(s.selection.main.head).number : 1;
  })();
  const [value, setValue] = useState('');
  const parsed = /^\s*(\d+)(?:\s*[:,]\s*(\d+))?\s*$/.exec(value);
  const valid = !!parsed && Number(parsed[1]) >= 1;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!parsed) return;
    close();
    requestAnimationFrame(() => wb.gotoLine(Number(parsed[1]), parsed[2] ? Number(parsed[2]) : 1));
  };
  return (
    <Dialog
      title="Go to line"
      onClose={close}
      size="small"
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="goto-form" className="button primary" disabled={!valid}>
            Go
          </button>
        </>
      }
    >
      <form id="goto-form" className="form" onSubmit={submit}>
        <label className="field">
          <span>Line (1–{lines}), optionally :column</span>
          <input
            data-autofocus
            inputMode="numeric"
            value={value}
            placeholder={String(current)}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
      </form>
    </Dialog>
  );
}

function CloseTabDialog({ tabId }: { tabId: string }) {
  const wb = useWb();
  const tab = useWorkbench((s) => s.tabs.find((t) => t.id === tabId));
  const [busy, setBusy] = useState(false);
  if (!tab) return null;
  const name = tab.title || tab.slug;
  return (
    <Dialog
      title="Unsaved changes"
      onClose={close}
      size="medium"
      description={
        <>
          “{name}” has changes that are not saved. They are safe in the draft journal either way;
          keep them there to be offered back later, or discard them.
        </>
      }
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="button danger push-left"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              close();
              await wb.discardAndClose(tabId);
            }}
          >
            Discard changes
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              close();
              await wb.keepAndClose(tabId);
            }}
          >
            Keep as draft
          </button>
          <button
            type="button"
            className="button primary"
            data-autofocus
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              const ok = await wb.save(tabId);
              close();
              if (ok) wb.closeTab(tabId, true);
            }}
          >
            Save and close
          </button>
        </>
      }
    >
      {null}
    </Dialog>
  );
}
