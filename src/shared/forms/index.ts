// Forms over the story text: pure functions from a parse and its text to the
// changes one form edit makes (one CodeMirror transaction), and the derived
// views a form shows beside the fields. No DOM, no Node.
//
// Decisions every operation follows:
// - Changes touch only the lines the item owns (or one field's characters);
//   an edit that changes takes, lenses or regions rewrites the Meta line's
//   count spans in the same change list, whenever the parser could read all
//   three counts (a Meta line it cannot read is left alone).
// - guard.ts re-parses the result and refuses any error or warning the text
//   did not have, with the parser's code and message; values are also written
//   alone and read back, so a value the parser would read differently (an
//   outlet holding `** (`, a figure holding `, `) is refused too.
// - A new take needs an outlet, region, language and http(s) source (no
//   placeholder is ever written); an empty lens group is valid text.
// - A section exists while it has content: the first number, lens or graph
//   line creates it in section order; removing the last one removes it.
// - Indices: takes and numbers by their position in facts.takes /
//   facts.numbers, lens groups by their position in facts.lenses.
export * from './guard';
export * from './takes';
export * from './lenses';
export * from './numbers';
export * from './graph-lines';
export * from './meta';
export * from './coverage';
export * from './number-marks';
export * from './mentions';
