import type { ComponentType } from 'react';
import { useWorkbench } from '../workbench/store';
import type { StorySnapshot } from './active-story';
import { TakesPanel } from './TakesPanel';
import { useStorySnapshot } from './use-story';

// The form panels as the side panel hosts them. Every panel of the side panel
// stays mounted; a form panel subscribes to the story only while it is the one
// on screen, so with no form panel showing, typing re-renders nothing.

type Body = ComponentType<{ snap: StorySnapshot }>;

export function formView(id: string, label: string, Body: Body, empty: string): ComponentType {
  function FormView() {
    const visible = useWorkbench((s) => s.layout.rightTab === id && !s.layout.rightCollapsed);
    const hasTab = useWorkbench((s) => s.activeTab !== null);
    if (!hasTab) return <p className="empty-note panel-note">{empty}</p>;
    return (
      <div className="forms-region" role="region" aria-label={label}>
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
