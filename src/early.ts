// The start of the tutorial, bundled on its own into one CommonJS file
// (dist/early.cjs) that bin/nettutor.js requires before anything else loads.
//
// The ES module loader (and the CLI's chunks through it) costs a start a few
// milliseconds more than CommonJS, and reading the compiled lessons a few more
// again: on the Node versions that start in ~20 ms, that was as long as Node
// itself. So the common start — `nettutor` with no --lesson or --lessons, on
// a terminal — draws its first home screen here, from the lessons' outlines
// (dist/lesson-outlines.json) and the progress file, with the same code the
// app draws it with (src/node/early-frame.ts), and hands what it read and
// drew to the CLI (src/cli.ts main → src/cli/tutor.ts startTutor), which
// loads the lessons and the UI and takes over the screen.
//
// Anything out of the ordinary (help, a subcommand, a mistake on the command
// line, no terminal, a missing or other-version outlines file, an error) draws
// nothing here: the CLI then does everything, as it does without this file.
import { join } from 'node:path';
import { UsageError } from './cli/io.js';
import { checkPaths, hasTerminal, parseTutorOptions, tutorProgressFile, wantsColor } from './cli/tutor-options.js';
import { type LocalText, resolveLocale } from './core/i18n/localize.js';
import type { Progress } from './core/progress/types.js';
import { showEarlyFrame } from './node/early-frame.js';
import { readLessonOutlines } from './node/lesson-outlines.js';
import { type ProgressStore, openProgressStore } from './node/progress-store.js';
import { ScreenOutput, type TerminalLike } from './node/screen-output.js';
import { makeTheme } from './ui/make-theme.js';

declare const __NETTUTOR_VERSION__: string;

/** The first home screen on the terminal, and what it was drawn from, for the tutorial to carry on with. */
export interface EarlyHome {
  /** The terminal as Ink will draw on it, with the first home screen on it. */
  screen: ScreenOutput;
  progressFile: string;
  store: ProgressStore;
  progress: Progress;
  /** What reading the progress file had to tell the learner (shown on the home screen). */
  notices: LocalText[];
  /**
   * The tutorial takes over: the early frame stops following resizes when Ink draws (the returned function),
   * and from now on the tutorial's own signal handlers save progress and restore the terminal.
   */
  adopt(): { stopRedrawing(): void };
  /** Nothing takes over (the tutorial did not start): the terminal back as it was. Safe to call twice. */
  release(): void;
}

/** What the start reads and draws on: the process's, or a test's. */
export interface EarlyHost {
  stdin: { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown; on?: (e: 'error', f: () => void) => unknown };
  stdout: TerminalLike & { on(event: 'error', listener: () => void): unknown };
  env: Record<string, string | undefined>;
  cwd: string;
  /** dist/lesson-outlines.json */
  outlinesFile: string;
  version: string;
  /** Where a signal goes before the tutorial takes over; exits by default. */
  onSignal?: (signal: NodeJS.Signals) => void;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Draws the first home screen when `argv` asks for the tutorial's home screen on a terminal; else nothing. */
export function startEarlyHome(argv: string[], given?: EarlyHost): EarlyHome | undefined {
  let release = () => {};
  let host = given;
  try {
    const options = parseTutorOptions(argv);
    if (options.help || options.version || options.lesson || options.lessons) return undefined;
    // The process's streams only now: a subcommand's start never creates them here.
    host ??= processHost();
    if (!hasTerminal(host)) return undefined;
    checkPaths(options, host.cwd);
    const lessons = readLessonOutlines(host.outlinesFile, host.version);
    if (!lessons) return undefined;
    const progressFile = tutorProgressFile(options, host.cwd, host.env);
    const store = openProgressStore(progressFile);
    const { progress, notices } = store.load();
    const locale = resolveLocale(options.lang, host.env, progress.language?.locale);

    // A terminal that goes away makes writes fail with EIO or EPIPE: never a crash (the tutorial says the same).
    const ignore = () => {};
    host.stdout.on('error', ignore);
    host.stdin.on?.('error', ignore);
    const screen = new ScreenOutput(host.stdout);
    const on = host;
    let adopted = false;
    let released = false;
    let frame: { stop(): void } | undefined;
    // Before the tutorial takes over, nothing can have changed the progress: a signal only needs the terminal back.
    const onSignal = (signal: NodeJS.Signals) => {
      release();
      (on.onSignal ?? exitOn)(signal);
    };
    release = () => {
      if (released || adopted) return;
      released = true;
      for (const s of SIGNALS) process.off(s, onSignal);
      frame?.stop();
      screen.restore();
      if (on.stdin.isTTY) on.stdin.setRawMode?.(false);
    };
    for (const s of SIGNALS) process.on(s, onSignal);
    frame = showEarlyFrame(screen, host.stdin, {
      state: { lessons, homeIndex: 0, progress },
      notices,
      theme: makeTheme({ color: wantsColor(options, host.env), ascii: options.asciiOnly }),
      locale,
    });
    return {
      screen,
      progressFile,
      store,
      progress,
      notices,
      adopt: () => {
        adopted = true;
        for (const s of SIGNALS) process.off(s, onSignal);
        return { stopRedrawing: () => frame?.stop() };
      },
      release,
    };
  } catch (error) {
    // The tutorial starts without an early frame (and the CLI says what is wrong with the command line, if
    // anything is: a subcommand's arguments, for one, are no tutorial options). Anything else is unexpected.
    release();
    if ((host ?? process).env.NETTUTOR_DEBUG && !(error instanceof UsageError)) {
      process.stderr.write(`nettutor: early start: ${(error as Error)?.stack ?? error}\n`);
    }
    return undefined;
  }
}

function exitOn(signal: NodeJS.Signals): never {
  process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
}

function processHost(): EarlyHost {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    env: process.env,
    cwd: process.cwd(),
    // This file is dist/early.cjs, beside the outlines.
    outlinesFile: join(__dirname, 'lesson-outlines.json'),
    version: typeof __NETTUTOR_VERSION__ === 'string' ? __NETTUTOR_VERSION__ : '0.0.0-dev',
  };
}
