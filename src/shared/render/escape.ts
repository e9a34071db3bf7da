// Every string that reaches the output passes through here. One escaper for
// text and attribute values keeps the rule simple: quotes are escaped too, so
// a value is safe in either place and no caller has to know which it is in.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}
