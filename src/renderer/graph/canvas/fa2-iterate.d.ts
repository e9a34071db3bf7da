// graphology-layout-forceatlas2 ships no types for its one-iteration module.
declare module 'graphology-layout-forceatlas2/iterate' {
  export default function iterate(
    options: Record<string, number | boolean>,
    nodes: Float32Array,
    edges: Float32Array,
  ): void;
}
