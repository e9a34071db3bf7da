import { useState } from 'react';
import { ExternalLink, FileText, Waypoints, X } from 'lucide-react';
import type { ViewGraph, StoryRef } from './graph-data';
import { storySlugOf } from './graph-data';
import { KIND_LABELS } from './palette';
import { swatchClass } from './palette';

// What a click on a node opens: who or what it is, the stories that mention
// it (each opens the story), and whom it is mentioned with most, with the
// stories they share. A story node shows the story and its entities.

export interface GraphEntityPanelProps {
  graph: ViewGraph;
  id: string;
  /** The registry's aliases of an entity, when it is registered. */
  aliases: string[] | null;
  onOpenStory(slug: string): void;
  onOpenEntity(slug: string): void;
  /** Focus another node of the graph (a co-mention). */
  onSelect(id: string): void;
  onClose(): void;
  /** In the story's graph: show this node in the desk's graph. */
  onShowInGraph?(id: string): void;
  compact?: boolean;
}

const STORIES_SHOWN = 12;
const SHARED_SHOWN = 3;

export function GraphEntityPanel(props: GraphEntityPanelProps) {
  const { graph, id, aliases } = props;
  const node = graph.node(id);
  const [allStories, setAllStories] = useState(false);
  if (!node) return null;
  const storySlug = storySlugOf(id);
  const stories = graph.storiesOf(id);
  const shown = allStories ? stories : stories.slice(0, STORIES_SHOWN);
  const co = graph.coMentions(id, props.compact ? 6 : 10);
  const headingId = `graph-node-${props.compact ? 'local' : 'global'}-title`;

  return (
    <section className="graph-entity-panel" aria-labelledby={headingId}>
      <header className="graph-entity-head">
        <span className={swatchClass('kind', node.kind)} aria-hidden="true" />
        <div className="graph-entity-title">
          <h2 id={headingId}>{node.label}</h2>
          <p className="graph-entity-kind">
            {KIND_LABELS[node.kind]}
            {storySlug === null && ` · mentioned in ${count(stories.length, 'story', 'stories')}`}
          </p>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={`Close ${node.label}`}
          title="Close"
          onClick={props.onClose}
        >
          <X size={15} aria-hidden="true" />
        </button>
      </header>

      {storySlug === null ? (
        <>
          <p className="graph-entity-aliases">
            {aliases === null
              ? 'Not in the entity registry.'
              : aliases.length
                ? `Also: ${aliases.join(', ')}`
                : 'No aliases.'}
          </p>
          <div className="graph-entity-actions">
            <button type="button" className="button" onClick={() => props.onOpenEntity(id)}>
              <ExternalLink size={14} aria-hidden="true" /> Open entity
            </button>
            {props.onShowInGraph && (
              <button type="button" className="button" onClick={() => props.onShowInGraph!(id)}>
                <Waypoints size={14} aria-hidden="true" /> Show in desk graph
              </button>
            )}
          </div>
        </>
      ) : (
        <button type="button" className="button" onClick={() => props.onOpenStory(storySlug)}>
          <FileText size={14} aria-hidden="true" /> Open story
        </button>
      )}

      {storySlug === null && (
        <>
          <h3>Stories</h3>
          <ul className="graph-story-list" aria-label={`Stories mentioning ${node.label}`}>
            {shown.map((s) => (
              <li key={s.slug}>
                <StoryButton story={s} onOpen={props.onOpenStory} />
              </li>
            ))}
          </ul>
          {stories.length > shown.length && (
            <button type="button" className="link-button" onClick={() => setAllStories(true)}>
              Show all {stories.length}
            </button>
          )}
        </>
      )}

      <h3>{storySlug === null ? 'Mentioned most with' : 'Connected to'}</h3>
      {co.length === 0 ? (
        <p className="empty-note">Nothing else in this graph.</p>
      ) : (
        <ul className="graph-comention-list" aria-label={`Strongest connections of ${node.label}`}>
          {co.map((c) => (
            <li key={c.id}>
              <div className="graph-comention">
                <span className={swatchClass('kind', c.kind)} aria-hidden="true" />
                <button type="button" className="link-button" onClick={() => props.onSelect(c.id)}>
                  {c.label}
                </button>
                {storySlug === null && c.kind !== 'story' && (
                  <span className="graph-comention-weight">
                    {count(c.weight, 'shared story', 'shared stories')}
                  </span>
                )}
              </div>
              {storySlug === null && (
                <ul
                  className="graph-shared-list"
                  aria-label={`Stories with ${node.label} and ${c.label}`}
                >
                  {c.stories.slice(0, SHARED_SHOWN).map((s) => (
                    <li key={s.slug}>
                      <StoryButton story={s} onOpen={props.onOpenStory} />
                    </li>
                  ))}
                  {c.stories.length > SHARED_SHOWN && (
                    <li className="graph-more">and {c.stories.length - SHARED_SHOWN} more</li>
                  )}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StoryButton({ story, onOpen }: { story: StoryRef; onOpen(slug: string): void }) {
  return (
    <button type="button" className="graph-story" onClick={() => onOpen(story.slug)}>
      <span className="graph-story-title">{story.title || story.slug}</span>
      {story.date && <span className="graph-story-date">{story.date}</span>}
    </button>
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
