import { useMemo, type MouseEvent } from 'react';
import { renderStoryHtml } from '../shared/render';
import { parseStory, type Diagnostic } from '../shared/story';
import { adoptStoryStyles } from './story-styles';

// A story's text, parsed and shown as the shared renderer writes it: the
// same HTML the export produces, so a preview is what a reader will get.

// FORMAT.md takes the locale from the desk's settings; until the shell reads
// settings, the story's own Canonical URL is the best witness of it.
const FALLBACK_LOCALE = 'en';

adoptStoryStyles();

export function StoryPreview({ text }: { text: string }) {
  const { html, diagnostics } = useMemo(() => {
    const { story, diagnostics, facts } = parseStory(text);
    const html = renderStoryHtml(story, {
      locale: facts.locale ?? FALLBACK_LOCALE,
      mode: 'preview',
    });
    return { html, diagnostics };
  }, [text]);

  return (
    <>
      <p className="preview-status" role="status">
        {describe(diagnostics)}
      </p>
      {/* The renderer's output is sanitized HTML; it is the one place the page sets markup. */}
      <div
        className="preview"
        onClick={keepLinksInPlace}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </>
  );
}

/**
 * A preview link must not navigate the page away (the Electron shell refuses
 * it anyway; a browser would follow it). Desk links will open their story or
 * entity once the app has a library to show them in.
 */
function keepLinksInPlace(event: MouseEvent<HTMLElement>) {
  if (event.target instanceof Element && event.target.closest('a[href]')) event.preventDefault();
}

function describe(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return 'The story follows the format.';
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  const parts = (['error', 'warning', 'info'] as const)
    .filter((severity) => counts[severity] > 0)
    .map(
      (severity) =>
        `${counts[severity]} ${severity === 'info' ? 'note' : severity}${counts[severity] === 1 ? '' : 's'}`,
    );
  return `The story has ${parts.join(', ')}.`;
}
