// The entity panel: one entity, its names, kind, mentions, rename and merge.

export { EntityPanel, type EntityPanelProps } from './EntityPanel';
export {
  KIND_LABELS,
  type EntityDetail,
  type EntityListItem,
  type EntityMention,
} from './panel-parts';
