// The shell's own command-line options. Electron's argv also holds Chromium
// switches and, unpackaged, the app path; only what is ours is read here.

export interface ShellArgs {
  /** The desk folder to open; null means the sample desk. */
  readonly repo: string | null;
}

export function parseShellArgs(argv: readonly string[]): ShellArgs {
  let repo: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--repo' && i + 1 < argv.length) repo = argv[++i]!;
    else if (arg.startsWith('--repo=')) repo = arg.slice('--repo='.length);
  }
  return { repo };
}
