import type { Span } from './story';

// The sentence around a mention, for the entity panel and the Related form:
// from the previous sentence end (or paragraph break) to the next, on one line.

const MAX = 320;

/** The bounds of the sentence that holds `span`. */
export function sentenceSpan(text: string, span: Span): Span {
  let start = span.from;
  while (start > 0) {
    const c = text[start - 1]!;
    if (c === '\n' && text[start - 2] === '\n') break;
    if ((c === ' ' || c === '\n') && /[.!?。！？]/.test(text[start - 2] ?? '')) break;
    // CJK full stops end a sentence with no space after them.
    if (/[。！？]/.test(c)) break;
    start--;
  }
  let end = span.to;
  while (end < text.length) {
    const c = text[end]!;
    if (c === '\n' && text[end + 1] === '\n') break;
    if (/[。！？]/.test(c)) {
      end++;
      break;
    }
    if (/[.!?]/.test(c) && (end + 1 >= text.length || /\s/.test(text[end + 1]!))) {
      end++;
      break;
    }
    end++;
  }
  return { from: start, to: end };
}

/** Story text as a reader sees it: links read as their text, on one line. */
export function readable(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1').replace(/\s+/g, ' ');
}

export function mentionSentence(text: string, span: Span): string {
  const { from, to } = sentenceSpan(text, span);
  const sentence = readable(text.slice(from, to)).trim();
  return sentence.length > MAX ? sentence.slice(0, MAX - 1) + '…' : sentence;
}
