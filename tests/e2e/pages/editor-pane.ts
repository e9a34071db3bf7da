import { expect, type Locator, type Page } from '@playwright/test';

/** The CodeMirror editor of the active tab ("Story text"). */
export class EditorPane {
  readonly content: Locator;
  readonly completions: Locator;

  constructor(readonly page: Page) {
    this.content = page.getByRole('textbox', { name: 'Story text' });
    this.completions = page.locator('.cm-tooltip-autocomplete');
  }

  line(text: string | RegExp): Locator {
    return this.content.locator('.cm-line').filter({ hasText: text });
  }

  /**
   * Where `before` + `at` sits on screen: the left edge of the first character of `at`,
   * found in the rendered text (the text must lie inside one text node).
   */
  private async coordsOf(at: string, before = ''): Promise<{ x: number; y: number }> {
    const needle = before + at;
    await expect(this.content).toContainText(needle);
    const box = await this.content.evaluate(
      (root, { needle, offset }) => {
        for (const line of Array.from(root.querySelectorAll('.cm-line'))) {
          const i = (line.textContent ?? '').indexOf(needle);
          if (i < 0) continue;
          (line as HTMLElement).scrollIntoView({ block: 'center' });
          // Map the character index in the line's text to a text node and offset.
          let want = i + offset;
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const len = (n.textContent ?? '').length;
            if (want < len) {
              const range = document.createRange();
              range.setStart(n, want);
              range.setEnd(n, want + 1);
              const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
              return { x: r.left, y: r.top + r.height / 2, w: r.width };
            }
            want -= len;
          }
        }
        return null;
      },
      { needle, offset: before.length },
    );
    if (!box) throw new Error(`"${needle}" is not on one rendered line of the editor`);
    return { x: box.x + Math.min(1, box.w / 4), y: box.y };
  }

  /** Clicks so the caret lands right before `at` (optionally disambiguated by `before`). */
  async clickBefore(at: string, before = ''): Promise<this> {
    const { x, y } = await this.coordsOf(at, before);
    await this.page.mouse.click(x, y);
    return this;
  }

  /** Double-clicks a word (selects it). */
  async selectWord(word: string, before = ''): Promise<this> {
    const { x, y } = await this.coordsOf(word, before);
    await this.page.mouse.dblclick(x + 2, y);
    return this;
  }

  async ctrlClick(text: string, before = ''): Promise<void> {
    const { x, y } = await this.coordsOf(text, before);
    await this.page.keyboard.down('Control');
    await this.page.mouse.click(x + 2, y);
    await this.page.keyboard.up('Control');
  }

  async type(text: string): Promise<this> {
    await this.page.keyboard.type(text);
    return this;
  }

  async save(): Promise<this> {
    await this.page.keyboard.press('Control+s');
    return this;
  }
}
