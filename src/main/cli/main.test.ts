import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const REFERENCE = resolve(
  __dirname,
  '../../../../shared/fixtures/stories/ukraine-russia-geneva-territory-talks.md',
);
const reference = readFileSync(REFERENCE, 'utf8');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

function tempFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'desk-cli-')), name);
  writeFileSync(path, content);
  return path;
}

const broken = reference
  .replace('13 takes', '12 takes')
  .replace('  Source: https://tass.com/politics\n', '');

describe('desk fmt', () => {
  it('reproduces the reference byte for byte', async () => {
    const r = await run('fmt', REFERENCE);
    expect(r).toEqual({ code: 0, stdout: reference, stderr: '' });
  });

  it('prints the text and exits 1 with the errors on stderr', async () => {
    const r = await run('fmt', tempFile('broken.md', broken));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(broken);
    expect(r.stderr).toMatch(/broken\.md:4:\d+: error meta-count-mismatch: /);
    expect(r.stderr).toMatch(/broken\.md:71:1: error take-missing-source: .*TASS/);
  });
});

describe('desk check', () => {
  it('is silent and exits 0 on the reference', async () => {
    expect(await run('check', REFERENCE)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints one line per diagnostic with file, line and column', async () => {
    const file = tempFile('broken.md', broken);
    const r = await run('check', file);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+: error meta-count-mismatch: .*12 takes.*13`,
      ),
    );
    expect(lines[1]).toContain(':71:1: error take-missing-source:');
  });

  it('prints JSON with --json', async () => {
    const file = tempFile('broken.md', broken);
    const r = await run('check', '--json', file, REFERENCE);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(json.map((d) => d.code)).toEqual(['meta-count-mismatch', 'take-missing-source']);
    expect(Object.keys(json[1]!).sort()).toEqual(
      ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity'].sort(),
    );
    expect(json[1]).toMatchObject({ file, line: 71, column: 1, severity: 'error' });
  });

  it('exits 0 when there are only warnings', async () => {
    const file = tempFile(
      'warn.md',
      reference.replace('## Summary', '## Background\n\nContext.\n\n## Summary'),
    );
    const r = await run('check', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning unknown-section');
  });
});

describe('desk export', () => {
  it('writes the published markdown without front matter', async () => {
    const file = tempFile('fm.md', `---\nstatus: draft\n---\n${reference}`);
    const r = await run('export', file, '--format', 'md');
    expect(r).toEqual({ code: 0, stdout: reference, stderr: '' });
  });

  it('writes the model as JSON', async () => {
    const r = await run('export', REFERENCE, '--format', 'json');
    const model = JSON.parse(r.stdout);
    expect(model.title).toContain('Ukraine-Russia talks');
    expect(model.canonical).toBe('https://rbtfl.xyz/ja/n/ukraine-russia-geneva-territory-talks');
  });

  it('writes a standalone HTML page to a file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'desk-cli-')), 'story.html');
    const r = await run('export', REFERENCE, '--format', 'html', '-o', out);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/<script/i);
  });

  it('refuses an unknown format', async () => {
    const r = await run('export', REFERENCE, '--format', 'pdf');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('desk export: --format must be one of md, html, json\n');
  });
});

describe('desk with bad input', () => {
  it.each([
    ['a missing file', ['check', '/no/such/story.md'], '/no/such/story.md: no such file\n'],
    ['a directory', ['fmt', tmpdir()], `${tmpdir()}: is a directory, not a story file\n`],
    ['no command', [], undefined],
    [
      'an unknown command',
      ['frob'],
      'desk: unknown command “frob”. Run desk --help for the list.\n',
    ],
  ])('%s is one line and exit 2', async (_, argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    if (message) expect(r.stderr).toBe(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a binary file', async () => {
    const r = await run('check', tempFile('x.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a binary file, not a story\n$/);
  });

  it('rejects an unknown option in one line', async () => {
    const r = await run('fmt', '--bogus', REFERENCE);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("desk fmt: Unknown option '--bogus'");
  });
});
