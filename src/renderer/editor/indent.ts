import { indentService } from '@codemirror/language';
import type { Extension } from '@codemirror/state';

// What Enter indents to. Without this, a new line copies the indentation of
// the line above, so Enter after a take's `  Source:` line would start the
// next take two spaces in, where it is not a take. In the layout only a
// take's quote and source lines are indented, and they follow its head line
// or its quote.

export function storyIndentation(): Extension {
  return indentService.of((context, pos) => {
    const above = context.lineAt(pos, -1).text;
    return above.startsWith('- **') || above.startsWith('  > ') ? 2 : 0;
  });
}
