// The command-line router: argv → the tutorial (TUI) or a subcommand.
// `sim`, `lessons`, `progress`, `--help` and `--version` never load Ink or
// React; the TUI arrives through a dynamic import.
import { fileURLToPath } from 'node:url';
import { type CliIO, EXIT, UsageError, usageLine } from './cli/io.js';
import { checkPaths, hasTerminal, parseTutorOptions } from './cli/tutor-options.js';
import type { EarlyHome } from './early.js';

declare const __NETTUTOR_VERSION__: string;

const VERSION = typeof __NETTUTOR_VERSION__ === 'string' ? __NETTUTOR_VERSION__ : '0.0.0-dev';

const USAGE = `nettutor ${VERSION} — learn how TCP connections open and close and how HTTP
works, by watching it happen and trying it.

Usage:
  nettutor [options]                 open the tutorial (needs a terminal)
  nettutor sim <scenario> [options]  print a TCP simulation as a ladder diagram, text or JSON
  nettutor sim --list [--long]       list the built-in scenarios (--long: and what to watch)
  nettutor http <command> [options]  the HTTP models on the command line (nettutor http --help)
  nettutor lessons check [dir]       validate lesson files (exit 2 if any problem)
  nettutor lessons list [--json]     list the lessons in order
  nettutor lessons new <id>          write a lesson to start from: lesson.jsonc and en.md
  nettutor progress                  show your progress
  nettutor progress --export         print your progress as JSON (for an instructor)
  nettutor progress --reset [--lesson <id>] [--yes]
                                     forget progress (all, or one lesson)
  nettutor serve [options]           serve the tutorial to a workshop over SSH (needs ssh2)
  nettutor serve --export            print every learner's scores (CSV or JSON)

Options for the tutorial:
  --lesson <id>       jump straight into a lesson
  --lang <code>       language of the lessons and the screens: en, zh-CN (default: the
                      language last chosen with L on the lesson list, else LANG, else en)
  --ascii-only        7-bit characters only, no box drawing; lessons are shown
                      in English (Chinese cannot be written in 7 bits)
  --no-color          no colours (NO_COLOR is honoured too; FORCE_COLOR forces them)
  --lessons <dir>     also load the lessons in <dir>, in addition to the built-in
                      ones (a lesson with the same id replaces the built-in one)
  --progress <file>   keep progress in <file> (default: $XDG_DATA_HOME/nettutor/
                      progress.json, ~/.local/share/nettutor/progress.json on Linux)
  -h, --help          show this help
  -v, --version       show the version

Run \`nettutor sim --help\`, \`nettutor http --help\`, \`nettutor lessons --help\`, \`nettutor progress --help\` or \`nettutor serve --help\` for more.
In the tutorial, press ? for the keys.
`;

/** The help in the learner's language: --lang, else the locale's (English with --ascii-only, as the tutorial). */
async function usageIn(lang: string | undefined, asciiOnly: boolean, env: Record<string, string | undefined>) {
  if (asciiOnly) return USAGE;
  const { resolveLocale } = await import('./core/i18n/localize.js');
  if (resolveLocale(lang, env) !== 'zh-CN') return USAGE;
  const { usageZh } = await import('./cli/usage.zh-CN.js');
  return usageZh(VERSION);
}

/** Where the lessons shipped in the package are: ../lessons from dist/cli.js. */
export function builtinLessonsDir(): string {
  return fileURLToPath(new URL('../lessons/', import.meta.url));
}

/**
 * The built-in lessons as `npm run build` compiled them: dist/lessons.json beside dist/cli.js. Run from the
 * sources (src/cli.ts) there is none, and the lessons are loaded from lessons/.
 */
export function compiledLessonsFile(): string {
  return fileURLToPath(new URL('./lessons.json', import.meta.url));
}

function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    confirm: confirmOnTerminal,
  };
}

async function confirmOnTerminal(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export async function run(argv: string[], io: CliIO, early?: EarlyHome): Promise<number> {
  const [first, ...rest] = argv;
  const env = { builtinLessonsDir: builtinLessonsDir(), compiledLessonsFile: compiledLessonsFile(), version: VERSION };
  switch (first) {
    case 'sim': {
      const { runSim } = await import('./cli/sim.js');
      return runSim(rest, io);
    }
    case 'http': {
      const { runHttp } = await import('./cli/http.js');
      return runHttp(rest, io);
    }
    case 'lessons': {
      const { runLessons } = await import('./cli/lessons.js');
      return runLessons(rest, io, env);
    }
    case 'progress': {
      const { runProgress } = await import('./cli/progress.js');
      return runProgress(rest, io, env);
    }
    case 'serve': {
      const { runServe } = await import('./cli/serve.js');
      // The server's render threads start from this module (runServeWorker).
      return runServe(rest, io, { ...env, renderThreadEntry: import.meta.url });
    }
    case 'help':
      io.stdout.write(await usageIn(undefined, false, io.env));
      return EXIT.ok;
  }
  const options = parseTutorOptions(argv);
  if (options.help) {
    io.stdout.write(await usageIn(options.lang, options.asciiOnly, io.env));
    return EXIT.ok;
  }
  if (options.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  checkPaths(options, io.cwd);
  if (!hasTerminal(io)) {
    io.stderr.write(
      'nettutor: the tutorial needs an interactive terminal (stdin and stdout must be a TTY).\n' +
        'Without one, use `nettutor sim <scenario>` (e.g. `nettutor sim handshake --format text`),\n' +
        '`nettutor lessons list` or `nettutor --help`.\n',
    );
    return EXIT.usage;
  }
  // The UI chunk (React, Ink, Yoga's WebAssembly) is the slowest thing to load: the tutorial's start draws
  // the first home screen without it, then loads it (src/cli/tutor.ts).
  const { startTutor } = await import('./cli/tutor.js');
  return startTutor(options, io, env, { early });
}

/**
 * What a render thread of `nettutor serve` runs (a worker thread the server starts with this module's URL): the
 * same code as the server, loaded only there.
 */
export async function runServeWorker(): Promise<void> {
  const { runRenderThread } = await import('./serve/start.js');
  return runRenderThread();
}

/**
 * Runs the command line `argv`. `early` is the first home screen bin/nettutor.js had drawn (src/early.ts), for
 * the tutorial to carry on from; anything else gives the terminal back first.
 */
export async function main(argv: string[], early?: EarlyHome): Promise<void> {
  const io = processIO();
  let code: number;
  try {
    code = await run(argv, io, early);
  } catch (error) {
    early?.release();
    if (error instanceof UsageError) {
      io.stderr.write(`${usageLine(error)}\n`);
      code = EXIT.usage;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr.write(`nettutor: unexpected error: ${message}\n`);
      if (process.env.NETTUTOR_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
      code = EXIT.failure;
    }
  }
  // Not taken over (a path that did not start the tutorial): the terminal back as it was. Else this does nothing.
  early?.release();
  process.exitCode = code;
}
