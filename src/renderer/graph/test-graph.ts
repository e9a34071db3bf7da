import type { GraphView } from '../../shared/api';

// For the Graph view's unit tests only.
// A hand-made graph.get reply: four entities, three stories over three months.
//   s1 (2026-01-05): russia, ukraine, putin
//   s2 (2026-02-10): russia, ukraine
//   s3 (2026-03-20): ukraine, erdogan
export const data: GraphView = {
  nodes: [
    { id: 'recep-tayyip-erdogan', label: 'Recep Tayyip Erdoğan', kind: 'person', weight: 1 },
    { id: 'russia', label: 'Russia', kind: 'country', weight: 2 },
    { id: 'ukraine', label: 'Ukraine', kind: 'country', weight: 3 },
    { id: 'vladimir-putin', label: 'Vladimir Putin', kind: 'person', weight: 1 },
  ],
  edges: {
    // erdogan–ukraine, russia–ukraine, russia–putin, ukraine–putin
    source: [0, 1, 1, 2],
    target: [2, 2, 3, 3],
    weight: [1, 2, 1, 1],
    storyStart: [0, 1, 3, 4, 5],
    storyIndex: [2, 0, 1, 0, 0],
  },
  stories: [
    { slug: 's1', title: 'First', date: '2026-01-05' },
    { slug: 's2', title: 'Second', date: '2026-02-10' },
    { slug: 's3', title: 'Third', date: '2026-03-20' },
  ],
  nodeStories: { start: [0, 1, 3, 6, 7], index: [2, 0, 1, 0, 1, 2, 0] },
  communities: [1, 0, 0, 0],
};
