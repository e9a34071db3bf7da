export * from './model';
export {
  buildGraph,
  buildGraphParts,
  canonicalizer,
  type EntityMentions,
  type GraphParts,
} from './build';
export { egoGraph, subgraph } from './ego';
export { communities } from './communities';
export {
  toJson,
  toGexf,
  toGraphML,
  GRAPH_FORMATS,
  STORY_SEPARATOR,
  type GraphFormat,
  type GraphJson,
} from './export';
