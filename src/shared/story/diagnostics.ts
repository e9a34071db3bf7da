// Diagnostics in the shape the editor's lint layer wants (offsets, severity,
// message, actions) plus the line and column a person or a CLI reads. Codes
// are stable: tools, tests and quick fixes key on them, never on messages.

export type Severity = 'error' | 'warning' | 'info';

export const DIAGNOSTIC_CODES = [
  'front-matter-invalid',
  'missing-title',
  'missing-dek',
  'missing-meta',
  'meta-malformed',
  'meta-count-mismatch',
  'bad-date',
  'unplaced-line',
  'unknown-section',
  'duplicate-section',
  'empty-section',
  'section-out-of-order',
  'number-malformed',
  'number-figure-has-comma',
  'watch-malformed',
  'take-malformed',
  'take-outside-lens',
  'take-missing-source',
  'take-bad-url',
  'lens-empty',
  'missing-takes',
  'related-malformed',
  'related-slug-invalid',
  'entities-malformed',
  'graph-malformed',
  'link-locale-mismatch',
  'link-slug-invalid',
  'missing-canonical',
  'canonical-malformed',
  'canonical-slug-invalid',
  'crlf-line-endings',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** A text change, in offsets of the text the diagnostic was computed on. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** A fix whose outcome is certain; the editor offers it as a one-click action. */
export interface QuickFix {
  label: string;
  changes: TextChange[];
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  from: number;
  to: number;
  /** 1-based, like every editor's gutter. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixes?: QuickFix[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
