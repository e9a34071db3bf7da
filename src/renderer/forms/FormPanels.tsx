import type { ComponentType, KeyboardEvent } from 'react';
import { redo, undo } from '@codemirror/commands';
import { useWorkbench } from '../workbench/store';
import { useWb } from '../workbench/ui';
import type { StorySnapshot } from './active-story';
import { MetaPanel } from './MetaPanel';
import { NumbersPanel } from './NumbersPanel';
import { RelatedPanel } from './RelatedPanel';
import { TakesPanel } from './TakesPanel';
import { useStorySnapshot } from './use-story';

// The form panels as the side panel hosts them. Every panel of the side panel
// stays mounted; a form panel subscribes to the story only while it is the one
// on screen, so with no form panel showing, typing re-renders nothing.

type Body = ComponentType<{ snap: StorySnapshot }>;

export function formView(id: string, label: string, Body: Body, empty: string): ComponentType {
  function FormView() {
    const wb = useWb();
    const visible = useWorkbench((s) => s.layout.rightTab === id && !s.layout.rightCollapsed);
    const hasTab = useWorkbench((s) => s.activeTab !== null);
    if (!hasTab) return <p className="empty-note panel-note">{empty}</p>;
    // Undo in a form is the story's undo: the field's own history would only
    // know the keystrokes typed there, not the text they went to.
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const view = wb.host.editorView;
      if (!view || (key !== 'z' && key !== 'y')) return;
      e.preventDefault();
      if (key === 'y' || e.shiftKey) redo(view);
      else undo(view);
    };
    return (
      <div className="forms-region" role="region" aria-label={label} onKeyDown={onKeyDown}>
        {visible && <Live Body={Body} />}
      </div>
    );
  }
  FormView.displayName = `FormView(${id})`;
  return FormView;
}

function Live({ Body }: { Body: Body }) {
  const snap = useStorySnapshot();
  return snap ? <Body snap={snap} /> : null;
}

export const TakesView = formView(
  'takes',
  'Takes form',
  TakesPanel,
  'Open a story to edit its takes.',
);
export const MetaView = formView(
  'meta',
  'Meta form',
  MetaPanel,
  'Open a story to edit its header.',
);
export const NumbersView = formView(
  'numbers',
  'Numbers form',
  NumbersPanel,
  'Open a story to edit its numbers.',
);
export const RelatedView = formView(
  'related',
  'Related form',
  RelatedPanel,
  'Open a story to edit its links.',
);
