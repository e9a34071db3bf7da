import type { Camera, Viewport } from './camera';
import type { Scene } from './scene';

// The WebGL 2 drawing, shaped by software WebGL (SwiftShader), where each
// primitive costs microseconds and presenting a frame makes the page's main
// thread wait for every draw before it:
// - A picture is drawn into an offscreen framebuffer in slices (drawEdges,
//   drawNodes over ranges), each followed by a fence the caller polls, and
//   shown at once (present) when complete: the main thread never waits on a
//   long draw, and the screen never shows half a picture.
// - Node positions live in a float texture (x, y, radius, flags per texel)
//   every program reads: a layout step, a filter or a highlight uploads
//   16 bytes a node and touches no vertex buffer.
// - Edges are sorted heaviest first; those thicker than LINE_LIMIT px are
//   quads (true thickness), the rest 1 px lines with alpha by weight, which
//   SwiftShader draws at twice the rate. Nodes are point sprites.
// - Nothing is instanced: SwiftShader runs an instanced draw instance by
//   instance (50,000 edges took it 2 s that way).

export const FLAG_HIDDEN = 1;
export const FLAG_EMPHASIZED = 2;
/** Edges at most this thick (CSS px, before zoom) are drawn as lines. */
export const LINE_LIMIT = 1.25;
const TEXTURE_WIDTH = 1024;

const NODE_FETCH = `
uniform highp sampler2D u_nodes;
vec4 node(float i) {
  int k = int(i);
  return texelFetch(u_nodes, ivec2(k % ${TEXTURE_WIDTH}, k / ${TEXTURE_WIDTH}), 0);
}
bool hidden(vec4 n) { return mod(n.w, 2.0) >= 1.0; }
`;

const VIEW = `
uniform vec2 u_center;
uniform float u_scale;
uniform vec2 u_viewport;
vec2 screen(vec2 p) { return (p - u_center) * u_scale; }
vec4 clip(vec2 s) { vec2 c = s / (u_viewport * 0.5); return vec4(c.x, -c.y, 0.0, 1.0); }
`;

/** Alpha of an edge by its thickness: heavier is more opaque; dimmed when a node is highlighted and the edge is not its own. */
const EDGE_ALPHA = `
uniform float u_focus;
uniform float u_zoom;
float edgeAlpha(float thickness, float source, float target, out float incident) {
  bool focused = u_focus >= 0.0;
  incident = focused && (source == u_focus || target == u_focus) ? 1.0 : 0.0;
  float t = clamp((thickness - 0.6) / 2.4, 0.0, 1.0);
  return (focused && incident < 0.5 ? 0.12 : 1.0) * mix(0.35, 1.0, t) * min(thickness * u_zoom, 1.0);
}
`;

const EDGE_QUAD_VS = `#version 300 es
precision highp float;
${NODE_FETCH}${VIEW}${EDGE_ALPHA}
in float a_source;
in float a_target;
in float a_thickness;
in vec2 a_corner;
out float v_dist;
out float v_half;
out float v_alpha;
out float v_incident;
void main() {
  vec4 s = node(a_source);
  vec4 t = node(a_target);
  if (a_thickness < 0.0 || hidden(s) || hidden(t)) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  vec2 ps = screen(s.xy);
  vec2 pt = screen(t.xy);
  vec2 d = pt - ps;
  float len = length(d);
  vec2 normal = len > 1e-6 ? vec2(-d.y, d.x) / len : vec2(0.0, 1.0);
  float thickness = a_thickness * u_zoom;
  float half_ = thickness * 0.5 + 0.5;
  v_dist = a_corner.y * half_;
  v_half = max(thickness * 0.5, 0.5);
  v_alpha = edgeAlpha(a_thickness, a_source, a_target, v_incident);
  gl_Position = clip(mix(ps, pt, a_corner.x) + normal * a_corner.y * half_);
}`;

const EDGE_QUAD_FS = `#version 300 es
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

const EDGE_LINE_VS = `#version 300 es
precision highp float;
${NODE_FETCH}${VIEW}${EDGE_ALPHA}
in float a_source;
in float a_target;
in float a_thickness;
in float a_end;
out float v_alpha;
out float v_incident;
void main() {
  vec4 s = node(a_source);
  vec4 t = node(a_target);
  if (a_thickness < 0.0 || hidden(s) || hidden(t)) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  v_alpha = edgeAlpha(a_thickness, a_source, a_target, v_incident);
  gl_Position = clip(screen(a_end < 0.5 ? s.xy : t.xy));
}`;

const EDGE_LINE_FS = `#version 300 es
precision mediump float;
uniform vec4 u_edgeColor;
uniform vec4 u_focusEdgeColor;
in float v_alpha;
in float v_incident;
out vec4 color;
void main() {
  vec4 c = v_incident > 0.5 ? u_focusEdgeColor : u_edgeColor;
  color = vec4(c.rgb, c.a * v_alpha);
}`;

const NODE_VS = `#version 300 es
precision highp float;
${NODE_FETCH}${VIEW}
uniform float u_zoom;
uniform float u_focus;
uniform float u_pixelRatio;
uniform vec4 u_background;
in float a_index;
in vec4 a_color;
out float v_radius;
out vec4 v_color;
void main() {
  vec4 n = node(a_index);
  if (hidden(n)) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); gl_PointSize = 0.0; return; }
  float r = n.z * u_zoom;
  v_radius = r;
  bool dim = u_focus >= 0.0 && n.w < 2.0;
  v_color = dim ? vec4(mix(a_color.rgb, u_background.rgb, 0.75), 1.0) : a_color;
  gl_PointSize = 2.0 * (r + 1.0) * u_pixelRatio;
  gl_Position = clip(screen(n.xy));
}`;

const NODE_FS = `#version 300 es
precision mediump float;
in float v_radius;
in vec4 v_color;
out vec4 color;
void main() {
  float d = length(gl_PointCoord - 0.5) * 2.0 * (v_radius + 1.0);
  float coverage = clamp(v_radius + 0.5 - d, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  color = vec4(v_color.rgb, v_color.a * coverage);
}`;

const COPY_VS = `#version 300 es
in vec2 a_corner;
out vec2 v_uv;
void main() {
  v_uv = a_corner * 0.5 + 0.5;
  gl_Position = vec4(a_corner, 0.0, 1.0);
}`;

const COPY_FS = `#version 300 es
precision mediump float;
uniform sampler2D u_picture;
in vec2 v_uv;
out vec4 color;
void main() { color = texture(u_picture, v_uv); }`;

export interface DrawState {
  camera: Camera;
  viewport: Viewport;
  pixelRatio: number;
  /** Multiplies node radii and edge thickness, so zooming in enlarges them a little. */
  sizeZoom: number;
  /** Index of the highlighted node, or -1. */
  focus: number;
  background: [number, number, number, number];
  edgeColor: [number, number, number, number];
  focusEdgeColor: [number, number, number, number];
}

type Uniforms = Record<string, WebGLUniformLocation | null>;

interface Program {
  program: WebGLProgram;
  uniforms: Uniforms;
  vao: WebGLVertexArrayObject;
}

const UNIFORMS = [
  'u_nodes',
  'u_center',
  'u_scale',
  'u_viewport',
  'u_zoom',
  'u_focus',
  'u_edgeColor',
  'u_focusEdgeColor',
  'u_pixelRatio',
  'u_background',
  'u_picture',
];

export class GraphGl {
  readonly gl: WebGL2RenderingContext;
  private quads: Program;
  private lines: Program;
  private points: Program;
  private copy: Program;
  private buffers: WebGLBuffer[] = [];
  private quadBuffer: WebGLBuffer;
  private quadIndices: WebGLBuffer;
  private lineBuffer: WebGLBuffer;
  private nodeBuffer: WebGLBuffer;
  private colorBuffer: WebGLBuffer;
  private texture: WebGLTexture;
  private textureRows = 1;
  private picture: WebGLTexture;
  private framebuffer: WebGLFramebuffer;
  private pictureSize = [0, 0];
  /** The vertex data, kept to flip an edge's hidden mark (a negative thickness). */
  private quadData = new Float32Array(0);
  private lineData = new Float32Array(0);
  private edgeHidden = new Uint8Array(0);
  /** x, y, radius, flags per node, as last uploaded. */
  private nodeData = new Float32Array(0);
  nodeCount = 0;
  edgeCount = 0;
  /** Edges [0, quadCount) are quads, the rest lines. */
  quadCount = 0;

  constructor(readonly canvas: HTMLCanvasElement) {
    const gl = canvas.getContext('webgl2', {
      alpha: false,
      antialias: false,
      depth: false,
      stencil: false,
      premultipliedAlpha: false,
      preserveDrawingBuffer: false,
    });
    if (!gl) throw new Error('WebGL 2 is not available in this browser.');
    this.gl = gl;
    const buffer = () => {
      const b = gl.createBuffer();
      this.buffers.push(b);
      return b;
    };
    this.quadBuffer = buffer();
    this.quadIndices = buffer();
    this.lineBuffer = buffer();
    this.nodeBuffer = buffer();
    this.colorBuffer = buffer();
    const corners = buffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, corners);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);

    this.quads = this.program(EDGE_QUAD_VS, EDGE_QUAD_FS, (p) => {
      this.attribute(p, 'a_source', this.quadBuffer, 1, gl.FLOAT, false, 20, 0);
      this.attribute(p, 'a_target', this.quadBuffer, 1, gl.FLOAT, false, 20, 4);
      this.attribute(p, 'a_thickness', this.quadBuffer, 1, gl.FLOAT, false, 20, 8);
      this.attribute(p, 'a_corner', this.quadBuffer, 2, gl.FLOAT, false, 20, 12);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.quadIndices);
    });
    this.lines = this.program(EDGE_LINE_VS, EDGE_LINE_FS, (p) => {
      this.attribute(p, 'a_source', this.lineBuffer, 1, gl.FLOAT, false, 16, 0);
      this.attribute(p, 'a_target', this.lineBuffer, 1, gl.FLOAT, false, 16, 4);
      this.attribute(p, 'a_thickness', this.lineBuffer, 1, gl.FLOAT, false, 16, 8);
      this.attribute(p, 'a_end', this.lineBuffer, 1, gl.FLOAT, false, 16, 12);
    });
    this.points = this.program(NODE_VS, NODE_FS, (p) => {
      this.attribute(p, 'a_index', this.nodeBuffer, 1, gl.FLOAT, false, 0, 0);
      this.attribute(p, 'a_color', this.colorBuffer, 4, gl.UNSIGNED_BYTE, true, 0, 0);
    });
    this.copy = this.program(COPY_VS, COPY_FS, (p) => {
      this.attribute(p, 'a_corner', corners, 2, gl.FLOAT, false, 0, 0);
    });

    this.texture = this.makeTexture();
    this.picture = this.makeTexture();
    this.framebuffer = gl.createFramebuffer();
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, TEXTURE_WIDTH, 1, 0, gl.RGBA, gl.FLOAT, null);
  }

  private makeTexture(): WebGLTexture {
    const gl = this.gl;
    const texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    return texture;
  }

  private program(vs: string, fs: string, layout: (p: WebGLProgram) => void): Program {
    const gl = this.gl;
    const p = link(gl, vs, fs);
    const vao = gl.createVertexArray();
    gl.bindVertexArray(vao);
    layout(p);
    gl.bindVertexArray(null);
    return {
      program: p,
      vao,
      uniforms: Object.fromEntries(UNIFORMS.map((name) => [name, gl.getUniformLocation(p, name)])),
    };
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
    let q = 0;
    while (q < m && scene.thickness[q]! > LINE_LIMIT) q++;
    this.quadCount = q;
    this.edgeCount = m;
    this.nodeCount = n;

    const corners = [0, -1, 1, -1, 0, 1, 1, 1];
    const quads = new Float32Array(20 * q);
    const indices = new Uint32Array(6 * q);
    for (let k = 0, o = 0; k < q; k++) {
      for (let v = 0; v < 4; v++, o += 5) {
        quads[o] = scene.source[k]!;
        quads[o + 1] = scene.target[k]!;
        quads[o + 2] = scene.thickness[k]!;
        quads[o + 3] = corners[2 * v]!;
        quads[o + 4] = corners[2 * v + 1]!;
      }
      const b = 4 * k;
      indices[6 * k] = b;
      indices[6 * k + 1] = b + 1;
      indices[6 * k + 2] = b + 2;
      indices[6 * k + 3] = b + 2;
      indices[6 * k + 4] = b + 1;
      indices[6 * k + 5] = b + 3;
    }
    const lines = new Float32Array(8 * (m - q));
    for (let k = q, o = 0; k < m; k++) {
      for (let end = 0; end < 2; end++, o += 4) {
        lines[o] = scene.source[k]!;
        lines[o + 1] = scene.target[k]!;
        lines[o + 2] = scene.thickness[k]!;
        lines[o + 3] = end;
      }
    }
    this.quadData = quads;
    this.lineData = lines;
    this.edgeHidden = new Uint8Array(m);
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.quadBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, quads, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.quadIndices);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, indices, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.lineBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, lines, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.nodeBuffer);
    gl.bufferData(
      gl.ARRAY_BUFFER,
      Float32Array.from({ length: n }, (_, i) => i),
      gl.STATIC_DRAW,
    );

    this.textureRows = Math.max(1, Math.ceil(n / TEXTURE_WIDTH));
    this.nodeData = new Float32Array(TEXTURE_WIDTH * this.textureRows * 4);
    for (let i = 0; i < n; i++) this.nodeData[4 * i + 2] = scene.radius[i]!;
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

  /** Uploads positions (x, y pairs) and flags; drawing reads them from then on. */
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

  /** Hides the edges marked 1 (others shown); uploads only the vertex data that changed. */
  setEdgesHidden(hidden: Uint8Array) {
    const q = this.quadCount;
    let quads = false;
    let lines = false;
    for (let k = 0; k < this.edgeCount; k++) {
      const h = hidden[k] ?? 0;
      if (h === this.edgeHidden[k]) continue;
      this.edgeHidden[k] = h;
      if (k < q) {
        for (let v = 0; v < 4; v++)
          this.quadData[20 * k + 5 * v + 2] = -this.quadData[20 * k + 5 * v + 2]!;
        quads = true;
      } else {
        const o = 8 * (k - q);
        this.lineData[o + 2] = -this.lineData[o + 2]!;
        this.lineData[o + 6] = -this.lineData[o + 6]!;
        lines = true;
      }
    }
    const gl = this.gl;
    gl.bindVertexArray(null);
    if (quads) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.quadBuffer);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.quadData);
    }
    if (lines) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.lineBuffer);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.lineData);
    }
  }

  /** RGBA bytes, one colour a node. */
  setColors(rgba: Uint8Array) {
    const gl = this.gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.colorBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, rgba, gl.STATIC_DRAW);
  }

  /** Starts a picture: the offscreen framebuffer, sized to the canvas, cleared to the background. */
  begin(state: DrawState, offscreen = true) {
    const gl = this.gl;
    const { width, height } = this.size(state);
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    if (offscreen) {
      if (this.pictureSize[0] !== width || this.pictureSize[1] !== height) {
        gl.bindTexture(gl.TEXTURE_2D, this.picture);
        gl.texImage2D(
          gl.TEXTURE_2D,
          0,
          gl.RGBA8,
          width,
          height,
          0,
          gl.RGBA,
          gl.UNSIGNED_BYTE,
          null,
        );
        gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebuffer);
        gl.framebufferTexture2D(
          gl.FRAMEBUFFER,
          gl.COLOR_ATTACHMENT0,
          gl.TEXTURE_2D,
          this.picture,
          0,
        );
        this.pictureSize = [width, height];
      }
    }
    this.target(offscreen);
    const [r, g, b] = state.background;
    gl.clearColor(r, g, b, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
  }

  /** Goes on with the picture begun (another slice), whatever was bound meanwhile. */
  resume() {
    this.target(true);
  }

  private size(state: DrawState) {
    return {
      width: Math.max(1, Math.round(state.viewport.width * state.pixelRatio)),
      height: Math.max(1, Math.round(state.viewport.height * state.pixelRatio)),
    };
  }

  private target(offscreen: boolean) {
    const gl = this.gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, offscreen ? this.framebuffer : null);
    gl.viewport(0, 0, this.canvas.width, this.canvas.height);
    gl.enable(gl.BLEND);
    gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
  }

  private use(p: Program, state: DrawState) {
    const gl = this.gl;
    const u = p.uniforms;
    gl.useProgram(p.program);
    gl.bindVertexArray(p.vao);
    if (u.u_nodes) gl.uniform1i(u.u_nodes, 0);
    if (u.u_center) gl.uniform2f(u.u_center, state.camera.x, state.camera.y);
    if (u.u_scale) gl.uniform1f(u.u_scale, state.camera.scale);
    if (u.u_viewport) gl.uniform2f(u.u_viewport, state.viewport.width, state.viewport.height);
    if (u.u_zoom) gl.uniform1f(u.u_zoom, state.sizeZoom);
    if (u.u_focus) gl.uniform1f(u.u_focus, state.focus);
    if (u.u_edgeColor) gl.uniform4fv(u.u_edgeColor, state.edgeColor);
    if (u.u_focusEdgeColor) gl.uniform4fv(u.u_focusEdgeColor, state.focusEdgeColor);
    if (u.u_pixelRatio) gl.uniform1f(u.u_pixelRatio, state.pixelRatio);
    if (u.u_background) gl.uniform4fv(u.u_background, state.background);
  }

  /** Edges [from, to), heaviest first, into the current picture. */
  drawEdges(state: DrawState, from: number, to: number) {
    const gl = this.gl;
    to = Math.min(to, this.edgeCount);
    const q = this.quadCount;
    if (from < q) {
      this.use(this.quads, state);
      const end = Math.min(to, q);
      gl.drawElements(gl.TRIANGLES, 6 * (end - from), gl.UNSIGNED_INT, 24 * from);
    }
    if (to > q) {
      this.use(this.lines, state);
      const start = Math.max(from, q) - q;
      gl.drawArrays(gl.LINES, 2 * start, 2 * (to - q - start));
    }
    gl.bindVertexArray(null);
  }

  /** Nodes [from, to) into the current picture. */
  drawNodes(state: DrawState, from: number, to: number) {
    const gl = this.gl;
    to = Math.min(to, this.nodeCount);
    if (to <= from) return;
    this.use(this.points, state);
    gl.drawArrays(gl.POINTS, from, to - from);
    gl.bindVertexArray(null);
  }

  /** Copies the offscreen picture to the canvas: what the next frame shows. */
  present() {
    const gl = this.gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, this.canvas.width, this.canvas.height);
    gl.disable(gl.BLEND);
    gl.useProgram(this.copy.program);
    gl.bindVertexArray(this.copy.vao);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.picture);
    gl.uniform1i(this.copy.uniforms.u_picture!, 0);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    gl.bindVertexArray(null);
  }

  /** The whole picture, straight onto the canvas, in one go (exports; blocks until drawn). */
  drawAll(state: DrawState) {
    this.begin(state, false);
    this.drawEdges(state, 0, this.edgeCount);
    this.drawNodes(state, 0, this.nodeCount);
  }

  fence(): WebGLSync | null {
    const gl = this.gl;
    const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
    return sync;
  }

  /** Whether the GPU has done everything before `sync`; never waits. */
  done(sync: WebGLSync | null): boolean {
    if (!sync) return true;
    const gl = this.gl;
    const signaled = gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED;
    if (signaled) gl.deleteSync(sync);
    return signaled;
  }

  destroy() {
    const gl = this.gl;
    for (const b of this.buffers) gl.deleteBuffer(b);
    gl.deleteTexture(this.texture);
    gl.deleteTexture(this.picture);
    gl.deleteFramebuffer(this.framebuffer);
    for (const p of [this.quads, this.lines, this.points, this.copy]) {
      gl.deleteVertexArray(p.vao);
      gl.deleteProgram(p.program);
    }
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

function link(gl: WebGL2RenderingContext, vs: string, fs: string): WebGLProgram {
  const p = gl.createProgram();
  for (const [type, source] of [
    [gl.VERTEX_SHADER, vs],
    [gl.FRAGMENT_SHADER, fs],
  ] as const) {
    const shader = gl.createShader(type);
    if (!shader) throw new Error('WebGL could not create a shader.');
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    gl.attachShader(p, shader);
    gl.deleteShader(shader);
  }
  gl.linkProgram(p);
  // Checked once, after linking: each status query is a round trip to the GPU process.
  if (!gl.getProgramParameter(p, gl.LINK_STATUS))
    throw new Error(`Graph shaders: ${gl.getProgramInfoLog(p) ?? 'did not link'}`);
  return p;
}
