// The Graph view: the desk's graph as a main view (GraphMain) and the open
// story's local graph as a side panel tab (LocalGraph). The drawing engine
// is ./canvas; the data is graph.get (src/shared/api.ts).
export { GraphMain } from './GraphMain';
export { closeGraph, openGraph, toggleGraph } from './open';
export { LocalGraph } from './LocalGraph';
