import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

// The editor's chrome for prose: a proportional face at a reading size, a
// paper-coloured page, quiet gutters, and popups (completion, lint, search)
// in the same palette. A base theme, so a shell's own `EditorView.theme`
// overrides any of it. Light or dark follows `storyColorScheme`.

const SANS =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK JP', sans-serif";

export const storyChromeTheme = EditorView.baseTheme({
  '&': { fontSize: '15px', height: '100%' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: SANS, lineHeight: '1.65' },
  '.cm-content': { padding: '18px 0 40vh', maxWidth: '50rem' },
  '.cm-line': { padding: '0 24px 0 14px' },
  // A smaller face in the gutter, with the content's line height (1.65 / 0.8),
  // so each number sits on its line's first baseline.
  '.cm-gutters': { border: 'none', fontSize: '0.8em', lineHeight: '2.0625' },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 4px 0 14px', minWidth: '36px' },
  '.cm-foldGutter .cm-gutterElement': {
    padding: '0 4px',
    cursor: 'pointer',
    opacity: '0.5',
    transition: 'opacity 0.15s',
  },
  '.cm-foldGutter .cm-gutterElement:hover': { opacity: '1' },
  '.cm-foldPlaceholder': {
    border: 'none',
    borderRadius: '3px',
    padding: '0 0.45em',
    margin: '0 0.3em',
    fontSize: '0.85em',
  },
  '.cm-tooltip': { borderRadius: '6px', overflow: 'hidden', fontFamily: SANS },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': {
    fontFamily: SANS,
    maxHeight: '16em',
    minWidth: '16em',
    padding: '3px 0',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '3px 10px', lineHeight: '1.45' },
  '.cm-tooltip-autocomplete .cm-completionDetail': {
    fontStyle: 'normal',
    fontSize: '0.85em',
    marginLeft: '0.9em',
    opacity: '0.7',
  },
  '.cm-tooltip-autocomplete .cm-completionMatchedText': {
    textDecoration: 'none',
    fontWeight: '700',
  },
  '.cm-tooltip-lint': { padding: '0' },
  '.cm-diagnostic': { padding: '6px 10px', maxWidth: '36em', lineHeight: '1.45' },
  '.cm-diagnosticAction': { borderRadius: '4px', padding: '2px 8px', marginTop: '6px' },
  '.cm-diagnosticSource': { fontSize: '0.8em', opacity: '0.6' },
  '.cm-panels': { fontFamily: SANS, fontSize: '0.9em' },
  '.cm-panel.cm-search': { padding: '6px 28px 6px 10px' },
  '.cm-panel .cm-textfield': {
    borderRadius: '4px',
    padding: '3px 6px',
    fontSize: 'inherit',
    border: '1px solid',
    outline: 'none',
  },
  '.cm-panel .cm-button': {
    borderRadius: '4px',
    padding: '3px 10px',
    fontSize: 'inherit',
    border: '1px solid',
    backgroundImage: 'none',
    cursor: 'pointer',
  },
  '.cm-panel.cm-search label': { fontSize: 'inherit', marginLeft: '0.6em' },
  '.cm-placeholder': { fontStyle: 'italic' },

  '&light': { color: '#1d1b18', backgroundColor: '#fbfaf6' },
  '&light .cm-gutters': { backgroundColor: '#fbfaf6', color: '#b5afa3' },
  '&light .cm-activeLine': { backgroundColor: 'rgba(120, 100, 60, 0.055)' },
  '&light .cm-activeLineGutter': { backgroundColor: 'transparent', color: '#6b655c' },
  '&light .cm-content': { caretColor: '#1d1b18' },
  '&light .cm-cursor': { borderLeftColor: '#1d1b18' },
  '&light .cm-selectionBackground': { background: '#e6e0d2' },
  '&light.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground': {
    background: '#d8e4ef',
  },
  '&light .cm-selectionMatch': { backgroundColor: 'rgba(120, 160, 200, 0.18)' },
  '&light .cm-matchingBracket': { backgroundColor: 'rgba(43, 106, 100, 0.15)', outline: 'none' },
  '&light .cm-searchMatch': { backgroundColor: 'rgba(230, 180, 60, 0.3)', outline: 'none' },
  '&light .cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'rgba(230, 150, 40, 0.55)' },
  '&light .cm-foldPlaceholder': { backgroundColor: '#ebe6da', color: '#6b655c' },
  '&light .cm-tooltip': {
    backgroundColor: '#fffefb',
    color: '#1d1b18',
    border: '1px solid #ddd8ce',
    boxShadow: '0 6px 20px rgba(40, 30, 10, 0.12)',
  },
  '&light .cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    background: '#e4eeec',
    color: '#11332f',
  },
  '&light .cm-diagnosticAction': { backgroundColor: '#2b6a64', color: '#fff' },
  '&light .cm-panels': { backgroundColor: '#f3f0e8', color: '#1d1b18' },
  '&light .cm-panels-top': { borderBottom: '1px solid #ddd8ce' },
  '&light .cm-panels-bottom': { borderTop: '1px solid #ddd8ce' },
  '&light .cm-placeholder': { color: '#a8a296' },
  '&light .cm-panel .cm-textfield': {
    backgroundColor: '#fffefb',
    borderColor: '#d3cdc1',
    color: '#1d1b18',
  },
  '&light .cm-panel .cm-textfield:focus': { borderColor: '#2b6a64' },
  '&light .cm-panel .cm-button': {
    backgroundColor: '#fbfaf6',
    borderColor: '#d3cdc1',
    color: '#1d1b18',
  },
  '&light .cm-panel .cm-button:hover': { backgroundColor: '#ebe6da' },

  '&dark': { color: '#e9e6e1', backgroundColor: '#16181b' },
  '&dark .cm-gutters': { backgroundColor: '#16181b', color: '#55585c' },
  '&dark .cm-activeLine': { backgroundColor: 'rgba(255, 255, 255, 0.035)' },
  '&dark .cm-activeLineGutter': { backgroundColor: 'transparent', color: '#a29d95' },
  '&dark .cm-content': { caretColor: '#f3f0ea' },
  '&dark .cm-cursor': { borderLeftColor: '#f3f0ea' },
  '&dark .cm-selectionBackground': { background: '#2c3036' },
  '&dark.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground': {
    background: '#2b3c50',
  },
  '&dark .cm-selectionMatch': { backgroundColor: 'rgba(120, 170, 220, 0.16)' },
  '&dark .cm-matchingBracket': { backgroundColor: 'rgba(127, 198, 188, 0.2)', outline: 'none' },
  '&dark .cm-searchMatch': { backgroundColor: 'rgba(230, 180, 60, 0.22)', outline: 'none' },
  '&dark .cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'rgba(230, 150, 40, 0.45)' },
  '&dark .cm-foldPlaceholder': { backgroundColor: '#2a2d31', color: '#a29d95' },
  '&dark .cm-tooltip': {
    backgroundColor: '#1f2226',
    color: '#e9e6e1',
    border: '1px solid #33373c',
    boxShadow: '0 6px 20px rgba(0, 0, 0, 0.45)',
  },
  '&dark .cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    background: '#26403c',
    color: '#f3f0ea',
  },
  '&dark .cm-diagnosticAction': { backgroundColor: '#3d8a81', color: '#fff' },
  '&dark .cm-panels': { backgroundColor: '#1f2226', color: '#e9e6e1' },
  '&dark .cm-panels-top': { borderBottom: '1px solid #33373c' },
  '&dark .cm-panels-bottom': { borderTop: '1px solid #33373c' },
  '&dark .cm-placeholder': { color: '#6d6a64' },
  '&dark .cm-panel .cm-textfield': {
    backgroundColor: '#16181b',
    borderColor: '#3a3e44',
    color: '#e9e6e1',
  },
  '&dark .cm-panel .cm-textfield:focus': { borderColor: '#7fc6bc' },
  '&dark .cm-panel .cm-button': {
    backgroundColor: '#26292e',
    borderColor: '#3a3e44',
    color: '#e9e6e1',
  },
  '&dark .cm-panel .cm-button:hover': { backgroundColor: '#30343a' },
});

/**
 * Which of the palettes to use. Put it in a Compartment to follow the system
 * (or the app's) colour scheme without rebuilding the rest of the editor.
 */
export function storyColorScheme(scheme: 'light' | 'dark'): Extension {
  return EditorView.darkTheme.of(scheme === 'dark');
}
