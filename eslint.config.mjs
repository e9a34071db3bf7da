// Flat config: recommended JS + typescript-eslint rules (syntax only, not type-checked: too
// slow on 2 cores), no formatting rules (prettier owns formatting), and local/layers.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import local from './eslint-rules/index.mjs';

export default defineConfig([
  globalIgnores([
    'out/',
    'dist/',
    'node_modules/',
    'tests/artifacts/',
    'test-results/',
    'playwright-report/',
    'coverage/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // shared has no runtime globals of its own; the renderer is a page; the preload sees both.
  { files: ['src/shared/**'], languageOptions: { globals: {} } },
  { files: ['src/renderer/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['src/preload/**', 'tests/e2e/**', 'tests/electron/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
    // Tests and their generators (fast-check arbitraries) live beside the code they prove.
    ignores: ['src/**/*.test.*', 'src/**/*.arbitrary.ts'],
    plugins: { local },
    rules: { 'local/layers': 'error' },
  },
  {
    files: ['tests/**', 'src/**/*.test.*', 'src/**/*.arbitrary.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression > MemberExpression.callee[property.name='only']",
          message: 'no .only: it silently skips every other test in the run.',
        },
      ],
    },
  },
]);
