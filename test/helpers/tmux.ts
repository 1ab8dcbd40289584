// Drives the built CLI in a real pseudo-terminal through tmux, as a person
// would: send-keys to type, capture-pane to read the screen.
import { execFileSync, spawnSync } from 'node:child_process';
import { vi } from 'vitest';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

let counter = 0;

export class TmuxSession {
  readonly name: string;

  constructor(
    command: string[],
    opts: { columns?: number; rows?: number; env?: Record<string, string>; cwd?: string } = {},
  ) {
    this.name = `nettutor-test-${process.pid}-${++counter}`;
    const env = { ...opts.env };
    const envArgs = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
    // `env -u CI`: Ink behaves differently under CI; the learner's terminal has no CI.
    const shell = `env -u CI ${envArgs.join(' ')} ${command.map(shellQuote).join(' ')}; echo "EXITED:$?"; sleep 60`;
    const args = [
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      String(opts.columns ?? 80),
      '-y',
      String(opts.rows ?? 24),
      ...(opts.cwd ? ['-c', opts.cwd] : []),
      shell,
    ];
    // Sessions of other tests end at any time, and when the last one ends the tmux server exits: a session
    // started at that moment fails with "server exited unexpectedly". Start it again (a new server).
    for (let attempt = 1; ; attempt++) {
      try {
        execFileSync('tmux', args, { stdio: ['ignore', 'ignore', 'pipe'] });
        return;
      } catch (error) {
        const message = String((error as { stderr?: unknown }).stderr ?? error);
        if (attempt >= 3 || !/server exited unexpectedly|lost server|no server running/.test(message)) throw error;
      }
    }
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.name], { encoding: 'utf8' });
  }

  /** tmux key names: Enter, Escape, Down, Up, Left, Right, Space, BSpace, C-c, or literal text with `literal`. */
  keys(...keys: string[]): void {
    execFileSync('tmux', ['send-keys', '-t', this.name, ...keys]);
  }

  literal(text: string): void {
    execFileSync('tmux', ['send-keys', '-t', this.name, '-l', text]);
  }

  resize(columns: number, rows: number): void {
    execFileSync('tmux', ['resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows)]);
  }

  async waitFor(test: string | RegExp, timeout = 8000): Promise<string> {
    let last = '';
    await vi.waitFor(
      () => {
        last = this.screen();
        const ok = typeof test === 'string' ? last.includes(test) : test.test(last);
        if (!ok) throw new Error(`screen did not show ${String(test)}:\n${last}`);
      },
      { timeout, interval: 50 },
    );
    return last;
  }

  kill(): void {
    spawnSync('tmux', ['kill-session', '-t', this.name]);
  }
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}
