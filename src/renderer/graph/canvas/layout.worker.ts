import { fa2Positions, fa2State, fa2Step, type Fa2State } from './fa2';
import type { LayoutAnswer, LayoutRequest } from './layout-protocol';

// ForceAtlas2 off the main thread. Iterates in slices of about 30 ms (so a
// new run or a stop is heard promptly), posts positions every POST_MS and
// stops by itself once nodes move less than SETTLED of the layout's extent
// per iteration (about a pixel a step at a fitted zoom), or after
// MAX_ITERATIONS.

const SLICE_MS = 30;
const POST_MS = 100;
const SETTLED = 1e-3;
const WINDOW = 10;
const MAX_ITERATIONS = 500;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutAnswer, transfer: Transferable[]): void;
};

let current: { run: number; state: Fa2State; iterations: number; moves: number[] } | null = null;
let lastPost = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

scope.onmessage = (event) => {
  const message = event.data;
  clearTimeout(timer);
  current = null;
  if (message.type === 'stop') return;
  try {
    current = {
      run: message.run,
      state: fa2State(message.xy, message.source, message.target, message.weight),
      iterations: 0,
      moves: [],
    };
    lastPost = performance.now();
    timer = setTimeout(slice, 0);
  } catch (error) {
    scope.postMessage({ type: 'error', run: message.run, message: String(error) }, []);
  }
};

function slice() {
  const job = current;
  if (!job) return;
  try {
    const start = performance.now();
    let settled = false;
    while (performance.now() - start < SLICE_MS) {
      job.moves.push(fa2Step(job.state));
      if (job.moves.length > WINDOW) job.moves.shift();
      job.iterations++;
      const mean = job.moves.reduce((a, b) => a + b, 0) / job.moves.length;
      settled =
        job.state.count < 2 ||
        job.iterations >= MAX_ITERATIONS ||
        (job.moves.length === WINDOW && mean < SETTLED);
      if (settled) break;
    }
    const now = performance.now();
    if (settled || now - lastPost >= POST_MS) {
      lastPost = now;
      const xy = fa2Positions(job.state);
      scope.postMessage(
        { type: 'positions', run: job.run, xy, iterations: job.iterations, settled },
        [xy.buffer],
      );
    }
    if (settled) current = null;
    else timer = setTimeout(slice, 0);
  } catch (error) {
    current = null;
    scope.postMessage({ type: 'error', run: job.run, message: String(error) }, []);
  }
}
