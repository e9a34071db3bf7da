import type { Diagnostic } from '../../shared/story';

// The one-line form compilers use, so editors and CI logs link to the place.

export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
}

export function diagnosticJson(file: string, d: Diagnostic) {
  return {
    file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}
