// local/layers: DESIGN.md's arrows, `renderer -> shared` and
// `main/{electron,cli,serve} -> main/repository -> shared`. A file's layer is read from its
// folder; a file under src/ in no layer is an error. Checks import, export-from, import(),
// require(), `import x = require()`, `import('x').T` types and `/// <reference types>`.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The only packages src/shared may import. shared runs in Node, Electron and any browser,
// so each must be pure JS with no Node or DOM dependency. A trailing * is a name prefix.
export const SHARED_PACKAGES = {
  zod: 'schemas of the model and of api.ts',
  yaml: 'front matter of stories and entities',
  'markdown-it': 'the HTML renderer; string in, string out',
  'graphology*': 'the entity and story graph; pure data structures',
};

// Packages that need Node or native code; the renderer must run in any browser.
const NODE_ONLY_PACKAGES = ['better-sqlite3', 'simple-git', 'lowdb/node', 'chokidar', 'tsx'];

const LAYERS = {
  shared: {
    folder: 'src/shared/',
    allow: ['shared'],
    ours: 'src/shared imports nothing of ours; the arrows point into it, never out.',
    node: 'src/shared also runs in browsers, so it cannot use Node builtins.',
    electron: 'src/shared must compile and run without Electron.',
    packages:
      'src/shared may use only the pure packages in SHARED_PACKAGES (eslint-rules/layers.mjs).',
  },
  repository: {
    folder: 'src/main/repository/',
    allow: ['shared', 'repository'],
    ours: 'the repository knows nothing of its shells or of React; they depend on it, not the reverse.',
    electron: 'the repository also serves the CLI and desk serve, which run without Electron.',
  },
  // cli may import serve: `desk serve` is a CLI command that starts the HTTP transport.
  cli: {
    folder: 'src/main/cli/',
    allow: ['shared', 'repository', 'cli', 'serve'],
    ours: 'the CLI builds on the repository and src/shared only; shells do not share code.',
    electron: 'the CLI runs headless in plain Node, without Electron.',
  },
  serve: {
    folder: 'src/main/serve/',
    allow: ['shared', 'repository', 'serve'],
    ours: 'desk serve builds on the repository and src/shared; it serves the built renderer, never imports it.',
    electron: 'desk serve runs in plain Node, without Electron.',
  },
  electron: {
    folder: 'src/main/electron/',
    allow: ['shared', 'repository', 'electron'],
    ours: 'the Electron shell builds on the repository and src/shared; it reaches the renderer only over IPC.',
  },
  preload: {
    folder: 'src/preload/',
    allow: ['shared', 'preload'],
    ours: 'the preload runs in the sandboxed page; it reaches main only through ipcRenderer.',
    node: 'the preload is sandboxed, so Node builtins are not available there.',
    outside: 'the preload is bundled from src/preload, src/shared and packages only.',
    electronNames: ['contextBridge', 'ipcRenderer'],
  },
  renderer: {
    folder: 'src/renderer/',
    allow: ['shared', 'renderer'],
    ours: 'the renderer talks only to an api.ts client, never to main or preload code.',
    node: 'the renderer is a web page (any browser under desk serve): no Node.',
    electron: 'the renderer also runs in a plain browser under desk serve: no Electron.',
    nodeOnly: 'this package needs Node; the renderer must run in any browser.',
    outside: 'the renderer is bundled from src/renderer, src/shared and packages only.',
  },
};
LAYERS.shared.outside = LAYERS.shared.ours;
const TESTS = 'app code must not depend on tests.';

const posix = (p) => p.split(path.sep).join('/');
const layerOf = (rel) => Object.keys(LAYERS).find((name) => rel.startsWith(LAYERS[name].folder));
const matches = (name, list) =>
  list.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));

function reasonFor(layer, spec, file) {
  const rules = LAYERS[layer];
  spec = spec.replace(/[?#].*$/, ''); // Vite queries such as ?raw or ?asset
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const rel = posix(path.relative(ROOT, path.resolve(path.dirname(file), spec)));
    if (rel === 'tests' || rel.startsWith('tests/')) return TESTS;
    const target = layerOf(rel + '/');
    if (target) return rules.allow.includes(target) ? null : rules.ours;
    if (rel === 'src' || rel.startsWith('src/')) return 'it is a file in no layer.';
    return rules.outside ?? null;
  }
  if (spec === 'electron' || spec.startsWith('electron/')) return rules.electron ?? null;
  if (
    spec.startsWith('node:') ||
    builtinModules.includes(spec) ||
    builtinModules.includes(spec.split('/')[0])
  ) {
    return rules.node ?? null;
  }
  const name = spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
  if (rules.packages && !matches(name, Object.keys(SHARED_PACKAGES))) return rules.packages;
  if (rules.nodeOnly && (matches(name, NODE_ONLY_PACKAGES) || NODE_ONLY_PACKAGES.includes(spec)))
    return rules.nodeOnly;
  return null;
}

const literal = (node) =>
  node?.type === 'Literal' && typeof node.value === 'string'
    ? node.value
    : node?.type === 'TemplateLiteral' && node.expressions.length === 0
      ? node.quasis[0].value.cooked
      : null;

export default {
  meta: {
    type: 'problem',
    docs: { description: "Enforce DESIGN.md's layers: what each folder under src/ may import." },
    schema: [],
    messages: {
      banned: "'{{spec}}' may not be imported in {{layer}}: {{reason}}",
      noLayer:
        '{{file}} is in no layer: put it under src/shared, src/main/{repository,cli,serve,electron}, src/preload or src/renderer (DESIGN.md).',
      preloadElectron:
        "The preload may take only {{names}} from 'electron': it exposes api.ts, nothing else.",
    },
  },
  create(context) {
    const file = context.physicalFilename ?? context.filename;
    const rel = posix(path.relative(ROOT, file));
    if (!rel.startsWith('src/')) return {};
    const layer = layerOf(rel);
    if (!layer) {
      return {
        Program: (node) => context.report({ node, messageId: 'noLayer', data: { file: rel } }),
      };
    }
    const check = (node, spec, judgeAs = spec) => {
      if (spec === null) return;
      const reason = reasonFor(layer, judgeAs, file);
      if (reason)
        context.report({
          node,
          messageId: 'banned',
          data: { spec, layer: LAYERS[layer].folder.slice(0, -1), reason },
        });
    };
    const names = LAYERS[layer].electronNames;
    return {
      Program() {
        for (const c of context.sourceCode.getAllComments()) {
          const m =
            c.type === 'Line' && /^\/\s*<reference\s+types\s*=\s*["']([^"']+)["']/.exec(c.value);
          // `types="node"` means @types/node: judge it as a Node builtin.
          if (m) check(c, m[1], m[1] === 'node' ? 'node:' : m[1]);
        }
      },
      ImportDeclaration(node) {
        check(node.source, node.source.value);
        if (!names || node.source.value !== 'electron' || node.importKind === 'type') return;
        for (const s of node.specifiers) {
          const ok =
            s.type === 'ImportSpecifier' &&
            (s.importKind === 'type' || names.includes(s.imported.name));
          if (!ok)
            context.report({
              node: s,
              messageId: 'preloadElectron',
              data: { names: names.join(' and ') },
            });
        }
      },
      'ExportNamedDeclaration[source], ExportAllDeclaration': (node) =>
        check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, literal(node.source)),
      'CallExpression[callee.type="Identifier"][callee.name="require"]': (node) =>
        check(node, literal(node.arguments[0])),
      TSExternalModuleReference: (node) => check(node, literal(node.expression)),
      TSImportType: (node) => check(node, literal(node.argument?.literal ?? node.argument)),
    };
  },
};
