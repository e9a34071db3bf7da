import MarkdownIt from 'markdown-it';
import type { RendererRule, Token } from 'markdown-it';
import { escapeHtml } from './escape';
import { classifyHref, linkOpen, type LinkContext } from './links';

// Prose is the only place where story text becomes markup, so this is where
// the sanitizing lives. markdown-it never emits raw HTML here (`html: false`
// shows it as text), and the renderer rules below decide every href: a link
// markdown-it would refuse is still parsed (`validateLink` lets it through)
// so that we can drop the href and keep its text, rather than leave the raw
// `[text](javascript:…)` in the page.

interface Env {
  ctx: LinkContext;
  /** One entry per open link: whether its <a> was written. */
  open: boolean[];
}

const md = new MarkdownIt('default', {
  html: false,
  linkify: false,
  typographer: false,
  breaks: false,
});

md.validateLink = () => true;

// A prose section sits under the section's h2 inside an article whose h1 is
// the title, so headings typed in prose start at h3.
md.core.ruler.push('storydesk_heading_levels', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      const level = Number(token.tag.slice(1));
      token.tag = `h${Math.min(6, level + 2)}`;
    }
  }
});

const linkOpenRule: RendererRule = (tokens, idx, _options, env: Env) => {
  const token = tokens[idx] as Token;
  const link = classifyHref(token.attrGet('href') ?? '', env.ctx);
  // Links cannot nest in HTML; markdown-it never produces that, but an image
  // link inside a link could, so the inner one degrades to text.
  const allowed = link !== null && !env.open.includes(true);
  env.open.push(allowed);
  if (!link || !allowed) return '';
  return linkOpen(link, env.ctx, { title: token.attrGet('title') ?? undefined });
};

const linkCloseRule: RendererRule = (_tokens, _idx, _options, env: Env) =>
  env.open.pop() ? '</a>' : '';

// Never load a remote resource: an image becomes its alt text, linked to its
// source when that is a link we would allow, so the reader can still open it.
const imageRule: RendererRule = (tokens, idx, options, env: Env, self) => {
  const token = tokens[idx] as Token;
  const alt = self.renderInlineAsText(token.children ?? [], options, env) || 'image';
  const text = `<span class="image-alt">${escapeHtml(alt)}</span>`;
  const link = env.open.includes(true) ? null : classifyHref(token.attrGet('src') ?? '', env.ctx);
  return link ? linkOpen(link, env.ctx) + text + '</a>' : text;
};

md.renderer.rules.link_open = linkOpenRule;
md.renderer.rules.link_close = linkCloseRule;
md.renderer.rules.image = imageRule;

/** A block of prose (paragraphs, lists, emphasis, links) as HTML. */
export function renderMarkdown(text: string, ctx: LinkContext): string {
  const env: Env = { ctx, open: [] };
  return md.render(text, env);
}

/** One line of inline markdown (a summary, a note) as HTML, no <p>. */
export function renderMarkdownInline(text: string, ctx: LinkContext): string {
  const env: Env = { ctx, open: [] };
  return md.renderInline(text, env);
}
