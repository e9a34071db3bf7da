// Structured forms over the story text (issue 5): panels for takes, numbers,
// related links and meta, each bound two ways to the editor's text.
export { MetaView, NumbersView, RelatedView, TakesView } from './FormPanels';
export { ActiveStory, type StorySnapshot } from './active-story';
