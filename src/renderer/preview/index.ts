// The live preview: a plain-DOM controller the editor drives on every change,
// and the React pane that hosts it.

export {
  PreviewController,
  type PreviewCallbacks,
  type PreviewRenderOptions,
  type UpdateStats,
} from './PreviewController';
export { StoryPreviewPane, type StoryPreviewPaneProps } from './StoryPreviewPane';
export { sourceOffset, type PreviewTarget } from './source-map';
