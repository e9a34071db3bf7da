// Forms over the story text: pure functions from a parse and its text to the
// changes one form edit makes (one CodeMirror transaction), and the derived
// views a form shows beside the fields. No DOM, no Node.
export * from './guard';
export * from './takes';
export * from './lenses';
export * from './numbers';
export * from './graph-lines';
export * from './meta';
export * from './coverage';
export * from './number-marks';
export * from './mentions';
