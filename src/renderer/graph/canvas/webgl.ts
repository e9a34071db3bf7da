import type { Camera, Viewport } from './camera';
import type { Scene } from './scene';

// The WebGL 2 drawing: two indexed draw calls, edges then nodes, each item a
// quad (4 vertices, 6 indices). Node positions live in a float texture (x, y,
// radius, flags per texel) that both programs read, so a layout step or a
// highlight uploads 16 bytes a node and touches no vertex buffer: the main
// thread stays free while the layout runs. Vertex buffers are written once
// per setData, edges heaviest first, so drawing fewer keeps the strongest.
// Not instanced: SwiftShader runs an instanced draw instance by instance, and
// 50,000 instances took it two seconds where the same triangles plain take a
// fraction of that.

export const FLAG_HIDDEN = 1;
export const FLAG_EMPHASIZED = 2;
const TEXTURE_WIDTH = 1024;

const EDGE_VS = `#version 300 es
precision highp float;
uniform highp sampler2D u_nodes;
uniform vec2 u_center;
uniform float u_scale;
uniform vec2 u_viewport;
uniform float u_thicknessZoom;
uniform float u_focus;
in vec2 a_corner;
in float a_source;
in float a_target;
in float a_thickness;
out float v_dist;
out float v_half;
out float v_alpha;
out float v_incident;
vec4 node(float i) {
  int k = int(i);
  return texelFetch(u_nodes, ivec2(k % ${TEXTURE_WIDTH}, k / ${TEXTURE_WIDTH}), 0);
}
void main() {
  vec4 s = node(a_source);
  vec4 t = node(a_target);
  if (mod(s.w, 2.0) >= 1.0 || mod(t.w, 2.0) >= 1.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  vec2 ps = (s.xy - u_center) * u_scale;
  vec2 pt = (t.xy - u_center) * u_scale;
  vec2 d = pt - ps;
  float len = length(d);
  vec2 normal = len > 1e-6 ? vec2(-d.y, d.x) / len : vec2(0.0, 1.0);
  float thickness = a_thickness * u_thicknessZoom;
  float half_ = thickness * 0.5 + 0.5;
  vec2 p = mix(ps, pt, a_corner.x) + normal * a_corner.y * half_;
  v_dist = a_corner.y * half_;
  v_half = max(thickness * 0.5, 0.5);
  bool focused = u_focus >= 0.0;
  bool incident = a_source == u_focus || a_target == u_focus;
  v_incident = focused && incident ? 1.0 : 0.0;
  v_alpha = (focused && !incident ? 0.12 : 1.0) * mix(0.35, 1.0, clamp((a_thickness - 0.6) / 2.4, 0.0, 1.0))
    * min(thickness, 1.0);
  vec2 clip = p / (u_viewport * 0.5);
  gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
}`;

const EDGE_FS = `#version 300 es
precision mediump float;
uniform vec4 u_edgeColor;
uniform vec4 u_focusEdgeColor;
in float v_dist;
in float v_half;
in float v_alpha;
in float v_incident;
out vec4 color;
void main() {
  float coverage = clamp(v_half + 0.5 - abs(v_dist), 0.0, 1.0);
  vec4 c = v_incident > 0.5 ? u_focusEdgeColor : u_edgeColor;
  color = vec4(c.rgb, c.a * v_alpha * coverage);
}`;

const NODE_VS = `#version 300 es
precision highp float;
uniform highp sampler2D u_nodes;
uniform vec2 u_center;
uniform float u_scale;
uniform vec2 u_viewport;
uniform float u_sizeZoom;
uniform float u_focus;
uniform vec4 u_background;
in vec2 a_corner;
in float a_index;
in vec4 a_color;
out vec2 v_offset;
out float v_radius;
out vec4 v_color;
void main() {
  int k = int(a_index);
  vec4 n = texelFetch(u_nodes, ivec2(k % ${TEXTURE_WIDTH}, k / ${TEXTURE_WIDTH}), 0);
  if (mod(n.w, 2.0) >= 1.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  float r = n.z * u_sizeZoom;
  v_radius = r;
  v_offset = a_corner * (r + 1.0);
  vec2 p = (n.xy - u_center) * u_scale + v_offset;
  bool dim = u_focus >= 0.0 && n.w < 2.0;
  v_color = dim ? vec4(mix(a_color.rgb, u_background.rgb, 0.75), 1.0) : a_color;
  vec2 clip = p / (u_viewport * 0.5);
  gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
}`;

const NODE_FS = `#version 300 es
precision mediump float;
in vec2 v_offset;
in float v_radius;
in vec4 v_color;
out vec4 color;
void main() {
  float d = length(v_offset);
  float coverage = clamp(v_radius + 0.5 - d, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  color = vec4(v_color.rgb, v_color.a * coverage);
}`;

export interface DrawState {
  camera: Camera;
  viewport: Viewport;
  pixelRatio: number;
  /** Multiplies node radii and edge thickness, so zooming in enlarges them a little. */
  sizeZoom: number;
  /** Index of the highlighted node, or -1. */
  focus: number;
  /** How many edges to draw, heaviest first. */
  edgeCount: number;
  background: [number, number, number, number];
  edgeColor: [number, number, number, number];
  focusEdgeColor: [number, number, number, number];
}

type Uniforms = Record<string, WebGLUniformLocation | null>;

export class GraphGl {
  readonly gl: WebGL2RenderingContext;
  private edgeProgram: WebGLProgram;
  private nodeProgram: WebGLProgram;
  private edgeUniforms: Uniforms;
  private nodeUniforms: Uniforms;
  private edgeVao: WebGLVertexArrayObject;
  private nodeVao: WebGLVertexArrayObject;
  private edgeBuffer: WebGLBuffer;
  private edgeIndices: WebGLBuffer;
  private nodeBuffer: WebGLBuffer;
  private nodeIndices: WebGLBuffer;
  private colorBuffer: WebGLBuffer;
  private texture: WebGLTexture;
  private textureRows = 0;
  /** x, y, radius, flags per node, as uploaded. */
  nodeData = new Float32Array(0);
  nodeCount = 0;
  edgeTotal = 0;

  constructor(readonly canvas: HTMLCanvasElement) {
    const gl = canvas.getContext('webgl2', {
      alpha: false,
      antialias: false,
      depth: false,
      stencil: false,
      premultipliedAlpha: false,
      preserveDrawingBuffer: false,
    });
    if (!gl) throw new Error('This browser cannot draw the graph: WebGL 2 is not available.');
    this.gl = gl;
    this.edgeProgram = program(gl, EDGE_VS, EDGE_FS);
    this.nodeProgram = program(gl, NODE_VS, NODE_FS);
    this.edgeUniforms = uniforms(gl, this.edgeProgram, [
      'u_nodes',
      'u_center',
      'u_scale',
      'u_viewport',
      'u_thicknessZoom',
      'u_focus',
      'u_edgeColor',
      'u_focusEdgeColor',
    ]);
    this.nodeUniforms = uniforms(gl, this.nodeProgram, [
      'u_nodes',
      'u_center',
      'u_scale',
      'u_viewport',
      'u_sizeZoom',
      'u_focus',
      'u_background',
    ]);
    this.edgeBuffer = gl.createBuffer();
    this.edgeIndices = gl.createBuffer();
    this.nodeBuffer = gl.createBuffer();
    this.nodeIndices = gl.createBuffer();
    this.colorBuffer = gl.createBuffer();
    this.texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);

    // Edge vertex: source, target, thickness, corner (0..1 along, -1..1 across).
    this.edgeVao = gl.createVertexArray();
    gl.bindVertexArray(this.edgeVao);
    this.attribute(this.edgeProgram, 'a_source', this.edgeBuffer, 1, gl.FLOAT, false, 20, 0);
    this.attribute(this.edgeProgram, 'a_target', this.edgeBuffer, 1, gl.FLOAT, false, 20, 4);
    this.attribute(this.edgeProgram, 'a_thickness', this.edgeBuffer, 1, gl.FLOAT, false, 20, 8);
    this.attribute(this.edgeProgram, 'a_corner', this.edgeBuffer, 2, gl.FLOAT, false, 20, 12);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.edgeIndices);

    // Node vertex: index, corner (-1..1)²; colour from its own buffer.
    this.nodeVao = gl.createVertexArray();
    gl.bindVertexArray(this.nodeVao);
    this.attribute(this.nodeProgram, 'a_index', this.nodeBuffer, 1, gl.FLOAT, false, 12, 0);
    this.attribute(this.nodeProgram, 'a_corner', this.nodeBuffer, 2, gl.FLOAT, false, 12, 4);
    this.attribute(this.nodeProgram, 'a_color', this.colorBuffer, 4, gl.UNSIGNED_BYTE, true, 0, 0);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.nodeIndices);
    gl.bindVertexArray(null);
  }

  private attribute(
    prog: WebGLProgram,
    name: string,
    buffer: WebGLBuffer,
    size: number,
    type: number,
    normalized: boolean,
    stride: number,
    offset: number,
  ) {
    const gl = this.gl;
    const location = gl.getAttribLocation(prog, name);
    if (location < 0) return;
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.enableVertexAttribArray(location);
    gl.vertexAttribPointer(location, size, type, normalized, stride, offset);
  }

  /** The scene's edges and node radii; positions and flags follow with setNodes. */
  setScene(scene: Scene) {
    const gl = this.gl;
    const m = scene.source.length;
    const n = scene.nodes.length;
    const corners = [0, -1, 1, -1, 0, 1, 1, 1];
    const edges = new Float32Array(20 * m);
    for (let k = 0, o = 0; k < m; k++) {
      for (let v = 0; v < 4; v++, o += 5) {
        edges[o] = scene.source[k]!;
        edges[o + 1] = scene.target[k]!;
        edges[o + 2] = scene.thickness[k]!;
        edges[o + 3] = corners[2 * v]!;
        edges[o + 4] = corners[2 * v + 1]!;
      }
    }
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.edgeBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, edges, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.edgeIndices);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, quadIndices(m), gl.STATIC_DRAW);
    const square = [-1, -1, 1, -1, -1, 1, 1, 1];
    const nodes = new Float32Array(12 * n);
    for (let i = 0, o = 0; i < n; i++) {
      for (let v = 0; v < 4; v++, o += 3) {
        nodes[o] = i;
        nodes[o + 1] = square[2 * v]!;
        nodes[o + 2] = square[2 * v + 1]!;
      }
    }
    gl.bindBuffer(gl.ARRAY_BUFFER, this.nodeBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, nodes, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.nodeIndices);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, quadIndices(n), gl.STATIC_DRAW);
    this.edgeTotal = m;
    this.nodeCount = scene.nodes.length;
    this.textureRows = Math.max(1, Math.ceil(this.nodeCount / TEXTURE_WIDTH));
    this.nodeData = new Float32Array(TEXTURE_WIDTH * this.textureRows * 4);
    for (let i = 0; i < this.nodeCount; i++) this.nodeData[4 * i + 2] = scene.radius[i]!;
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.texImage2D(
      gl.TEXTURE_2D,
      0,
      gl.RGBA32F,
      TEXTURE_WIDTH,
      this.textureRows,
      0,
      gl.RGBA,
      gl.FLOAT,
      this.nodeData,
    );
  }

  /** Writes positions (x, y pairs) and flags into nodeData and uploads it. */
  setNodes(xy: Float32Array, flags: Uint8Array) {
    const data = this.nodeData;
    for (let i = 0; i < this.nodeCount; i++) {
      data[4 * i] = xy[2 * i]!;
      data[4 * i + 1] = xy[2 * i + 1]!;
      data[4 * i + 3] = flags[i]!;
    }
    const gl = this.gl;
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.texSubImage2D(
      gl.TEXTURE_2D,
      0,
      0,
      0,
      TEXTURE_WIDTH,
      this.textureRows,
      gl.RGBA,
      gl.FLOAT,
      data,
    );
  }

  /** RGBA bytes, one colour a node. */
  setColors(rgba: Uint8Array) {
    const perVertex = new Uint32Array(this.nodeCount * 4);
    const colors = new Uint32Array(rgba.buffer, rgba.byteOffset, this.nodeCount);
    for (let i = 0; i < this.nodeCount; i++) perVertex.fill(colors[i]!, 4 * i, 4 * i + 4);
    const gl = this.gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.colorBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, perVertex, gl.STATIC_DRAW);
  }

  draw(state: DrawState) {
    const gl = this.gl;
    const { viewport, pixelRatio, camera } = state;
    const width = Math.max(1, Math.round(viewport.width * pixelRatio));
    const height = Math.max(1, Math.round(viewport.height * pixelRatio));
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    gl.viewport(0, 0, width, height);
    const [r, g, b] = state.background;
    gl.clearColor(r, g, b, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    if (!this.nodeCount) return;
    gl.enable(gl.BLEND);
    gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.texture);

    const edgeCount = Math.min(state.edgeCount, this.edgeTotal);
    if (edgeCount > 0) {
      const u = this.edgeUniforms;
      gl.useProgram(this.edgeProgram);
      gl.uniform1i(u.u_nodes!, 0);
      gl.uniform2f(u.u_center!, camera.x, camera.y);
      gl.uniform1f(u.u_scale!, camera.scale);
      gl.uniform2f(u.u_viewport!, viewport.width, viewport.height);
      gl.uniform1f(u.u_thicknessZoom!, state.sizeZoom);
      gl.uniform1f(u.u_focus!, state.focus);
      gl.uniform4fv(u.u_edgeColor!, state.edgeColor);
      gl.uniform4fv(u.u_focusEdgeColor!, state.focusEdgeColor);
      gl.bindVertexArray(this.edgeVao);
      gl.drawElements(gl.TRIANGLES, 6 * edgeCount, gl.UNSIGNED_INT, 0);
    }

    const u = this.nodeUniforms;
    gl.useProgram(this.nodeProgram);
    gl.uniform1i(u.u_nodes!, 0);
    gl.uniform2f(u.u_center!, camera.x, camera.y);
    gl.uniform1f(u.u_scale!, camera.scale);
    gl.uniform2f(u.u_viewport!, viewport.width, viewport.height);
    gl.uniform1f(u.u_sizeZoom!, state.sizeZoom);
    gl.uniform1f(u.u_focus!, state.focus);
    gl.uniform4fv(u.u_background!, state.background);
    gl.bindVertexArray(this.nodeVao);
    gl.drawElements(gl.TRIANGLES, 6 * this.nodeCount, gl.UNSIGNED_INT, 0);
    gl.bindVertexArray(null);
  }

  destroy() {
    const gl = this.gl;
    gl.deleteBuffer(this.edgeBuffer);
    gl.deleteBuffer(this.edgeIndices);
    gl.deleteBuffer(this.nodeBuffer);
    gl.deleteBuffer(this.nodeIndices);
    gl.deleteBuffer(this.colorBuffer);
    gl.deleteTexture(this.texture);
    gl.deleteVertexArray(this.edgeVao);
    gl.deleteVertexArray(this.nodeVao);
    gl.deleteProgram(this.edgeProgram);
    gl.deleteProgram(this.nodeProgram);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

/** Two triangles a quad, over vertices 4q .. 4q + 3 (corners in strip order). */
function quadIndices(count: number): Uint32Array {
  const indices = new Uint32Array(6 * count);
  for (let q = 0; q < count; q++)
    indices.set([4 * q, 4 * q + 1, 4 * q + 2, 4 * q + 2, 4 * q + 1, 4 * q + 3], 6 * q);
  return indices;
}

function program(gl: WebGL2RenderingContext, vs: string, fs: string): WebGLProgram {
  const p = gl.createProgram();
  for (const [type, source] of [
    [gl.VERTEX_SHADER, vs],
    [gl.FRAGMENT_SHADER, fs],
  ] as const) {
    const shader = gl.createShader(type);
    if (!shader) throw new Error('WebGL could not create a shader.');
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
      throw new Error(`Graph shader: ${gl.getShaderInfoLog(shader) ?? 'did not compile'}`);
    gl.attachShader(p, shader);
    gl.deleteShader(shader);
  }
  gl.linkProgram(p);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS))
    throw new Error(`Graph shaders: ${gl.getProgramInfoLog(p) ?? 'did not link'}`);
  return p;
}

function uniforms(gl: WebGL2RenderingContext, p: WebGLProgram, names: string[]): Uniforms {
  return Object.fromEntries(names.map((name) => [name, gl.getUniformLocation(p, name)]));
}
