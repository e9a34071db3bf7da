// The workbench shell: what a desk editor sees all day. `commands` is the one
// registry of actions (ids, titles, shortcuts): the Electron menu can run
// them by id with `commands.run(id)`.
export { commands, formatKey, type Command } from './commands';
export { WorkbenchApp } from './WorkbenchApp';
export { rightPanels, type RightPanelView } from './RightPanel';
