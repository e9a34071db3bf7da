// Messages between GraphCanvas and its layout worker. Arrays are transferred,
// never copied.

export interface LayoutRun {
  type: 'run';
  /** Tags the answers, so those of a superseded run are ignored. */
  run: number;
  /** x, y per node: the starting positions. */
  xy: Float32Array;
  source: Uint32Array;
  target: Uint32Array;
  weight: Float32Array;
}

export interface LayoutStop {
  type: 'stop';
}

export type LayoutRequest = LayoutRun | LayoutStop;

export interface LayoutPositions {
  type: 'positions';
  run: number;
  xy: Float32Array;
  iterations: number;
  settled: boolean;
}

export interface LayoutFailure {
  type: 'error';
  run: number;
  message: string;
}

export type LayoutAnswer = LayoutPositions | LayoutFailure;
