// Drives the built CLI in a real pseudo-terminal through tmux, as a person
// would: send-keys to type, capture-pane to read the screen.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished, vi } from 'vitest';
import type { Lesson } from '../../src/core/lessons/types.js';
import { ownEntry } from '../../src/core/own.js';

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

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));

/** A lesson open in the tutorial in tmux, as a learner starts it: `nettutor --lesson ID --progress FILE`. */
export interface LessonInTmux {
  s: TmuxSession;
  lesson: Pick<Lesson, 'id' | 'pages'>;
  /** How many pages the lesson has: the screen says `page i/pages`. */
  pages: number;
  /** The progress file the tutorial writes, in a folder of its own. */
  progress: string;
  /** The number of a page (from 1), by its id. */
  pageOf(id: string): number;
  /**
   * Turns the pages one at a time from the page on screen to `page` (a number, or a page's id), waiting for each:
   * n, or → past a page that takes a typed answer (there n would be typed).
   */
  turnTo(page: number | string): Promise<void>;
  /** What the progress file keeps for the lesson (read it after quitting). */
  saved(): { exercises: Record<string, unknown> } & Record<string, unknown>;
}

/**
 * Starts the built tutorial in tmux on a lesson (a built-in one's id, or a lesson of the `lessons` folder), waits
 * for its first page and turns to `at` when given. The session ends with the test.
 */
export async function openLesson(
  which: string | Pick<Lesson, 'id' | 'pages'>,
  options: {
    at?: number | string;
    columns?: number;
    rows?: number;
    /** --lang: en unless told; null for none (the language the environment chooses). */
    lang?: string | null;
    /** --lessons: the folder the lesson comes from, when it is not a built-in one. */
    lessons?: string;
  } = {},
): Promise<LessonInTmux> {
  const lesson =
    typeof which === 'string'
      ? (await import('./builtin-lessons.js')).builtinLessons.find((l) => l.id === which)
      : which;
  if (!lesson) throw new Error(`no built-in lesson ${String(which)}`);
  const pages = lesson.pages.length;
  const pageOf = (id: string) => {
    const at = lesson.pages.findIndex((p) => p.id === id);
    if (at < 0) throw new Error(`the lesson ${lesson.id} has no page ${id}`);
    return at + 1;
  };
  const progress = join(mkdtempSync(join(tmpdir(), `nettutor-${lesson.id}-`)), 'progress.json');
  const lang = options.lang === undefined ? 'en' : options.lang;
  const s = new TmuxSession(
    [
      'node',
      bin,
      ...(options.lessons ? ['--lessons', options.lessons] : []),
      '--lesson',
      lesson.id,
      '--progress',
      progress,
      ...(lang === null ? [] : ['--lang', lang]),
    ],
    { columns: options.columns ?? 80, rows: options.rows ?? 24 },
  );
  onTestFinished(() => s.kill());
  await s.waitFor(`page 1/${pages}`);

  const turnTo = async (target: number | string) => {
    const to = typeof target === 'number' ? target : pageOf(target);
    const shown = new RegExp(`page (\\d+)/${pages}`);
    const now = Number(shown.exec(await s.waitFor(shown))![1]);
    for (let page = now + 1; page <= to; page++) {
      s.keys(lesson.pages[page - 2]!.exercise?.type === 'short' ? 'Right' : 'n');
      await s.waitFor(`page ${page}/${pages}`);
    }
  };
  if (options.at !== undefined) await turnTo(options.at);
  return {
    s,
    lesson,
    pages,
    progress,
    pageOf,
    turnTo,
    // The lesson's own record: a lesson may be called "constructor".
    saved: () =>
      ownEntry<ReturnType<LessonInTmux['saved']>>(JSON.parse(readFileSync(progress, 'utf8')).lessons, lesson.id)!,
  };
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}
