// Starts the tutorial on the process's terminal: loads lessons and progress,
// draws the first home screen at once (src/node/early-frame.ts) while the UI
// chunk loads, renders the app, and makes sure progress is saved however the
// session ends (q, Ctrl+C, SIGINT, SIGTERM, or SIGHUP when an SSH connection
// drops).
import { resolve } from 'node:path';
import { type CliIO, EXIT, UsageError } from './io.js';
import { type TutorOptions, tutorProgressFile, wantsColor } from './tutor-options.js';
import type { EarlyHome } from '../early.js';
import { type LocalText, resolveLocale } from '../core/i18n/localize.js';
import { noticeText } from '../node/notices.js';
import type { Progress } from '../core/progress/types.js';
import { type BuiltinLessonsEnv, formatProblem, loadInstalledLessons } from '../node/builtin-lessons.js';
import { openProgressStore } from '../node/progress-store.js';
import { showEarlyFrame } from '../node/early-frame.js';
import { ScreenOutput } from '../node/screen-output.js';
import { makeTheme } from '../ui/make-theme.js';

type Ui = typeof import('../ui/render-app.js');

export interface StartHooks {
  /**
   * Loads the UI chunk (React, Ink, the app). Called once the first home screen is on the terminal, so that
   * loading it does not delay that screen (or at once with --lesson, which opens on a lesson page and so has
   * nothing to draw before Ink). Tests give their own, to hold Ink back.
   */
  loadUi?: () => Promise<Ui>;
  /** Draw the first home screen before Ink (default); false leaves every frame to Ink, for comparison. */
  earlyFrame?: boolean;
  /**
   * Sets the V8 flags that keep the tutorial's peak memory down (src/node/memory.ts). They hold for the rest of
   * the process, so tests that start the tutorial in their own process give one that does nothing.
   */
  holdMemory?: () => Promise<void> | void;
  /**
   * The first home screen already drawn by the start (src/early.ts, before the CLI loaded), with the progress it
   * read: the tutorial carries on from it instead of reading the progress and drawing that screen again.
   */
  early?: EarlyHome;
}

export async function startTutor(
  options: TutorOptions,
  io: CliIO,
  env: BuiltinLessonsEnv,
  {
    loadUi = () => import('../ui/render-app.js'),
    earlyFrame = true,
    holdMemory = async () => (await import('../node/memory.js')).holdMemory(),
    early,
  }: StartHooks = {},
): Promise<number> {
  // With the first home screen already on the terminal (drawn by the start, src/early.ts), the UI chunk starts
  // loading at once, its files read while the lessons are; with --lesson too (Ink draws the first frame).
  if (early) await holdMemory();
  let ui = options.lesson || early ? loadUi() : undefined;
  ui?.catch(() => {});
  const loaded = await loadInstalledLessons(env, options.lessons ? resolve(io.cwd, options.lessons) : undefined);
  const notices: LocalText[] = [...(loaded.notices ?? [])];
  if (loaded.problems.length > 0) {
    const files = new Set(loaded.problems.map((p) => p.file));
    const command = `nettutor lessons check${options.lessons ? ` ${options.lessons}` : ''}`;
    notices.push(noticeText('lessonsSkipped', files.size, command, formatProblem(loaded.problems[0]!)));
  }
  if (options.lesson && !loaded.lessons.some((l) => l.id === options.lesson)) {
    throw new UsageError(
      `no lesson with id '${options.lesson}' (ids: ${loaded.lessons.map((l) => l.id).join(', ') || 'none'})`,
      "try 'nettutor lessons list' to see the lessons",
    );
  }
  const progressFile = early?.progressFile ?? tutorProgressFile(options, io.cwd, io.env);
  const store = early?.store ?? openProgressStore(progressFile);
  const { progress, notices: progressNotices } = early ?? store.load();
  notices.push(...progressNotices);
  // --lang, else the language chosen on the home screen last time (kept with the progress), else LANG.
  const locale = resolveLocale(options.lang, io.env, progress.language?.locale);

  let latest: Progress = progress;
  let saveError: string | undefined;
  const save = (p: Progress): string | undefined => {
    latest = p;
    const result = store.save(p);
    saveError = result.ok ? undefined : result.error;
    return saveError;
  };

  const terminal = io.stdout as NodeJS.WriteStream;
  const stdin = io.stdin as NodeJS.ReadStream;
  // A terminal that goes away (an SSH connection dropping) makes writes fail
  // with EIO or EPIPE. That must not crash the process before progress is saved.
  const ignore = () => {};
  terminal.on('error', ignore);
  (io.stderr as NodeJS.WriteStream).on?.('error', ignore);
  stdin.on?.('error', ignore);

  const screen = early?.screen ?? new ScreenOutput(terminal);
  // From here the handlers below save progress and restore the terminal, the early start's no longer.
  const drawnEarly = early?.adopt();
  let app: { unmount: () => void; waitUntilExit: () => Promise<unknown> } | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    // Registered before Ink's own exit hooks, so progress is saved before anything touches the terminal.
    save(latest);
    try {
      app?.unmount();
      screen.restore();
      if (saveError) io.stderr.write(`nettutor: could not save progress to ${progressFile}: ${saveError}\n`);
    } catch {
      // The terminal may already be gone; progress is saved, which is what matters.
    }
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);

  const color = wantsColor(options, io.env);
  // The lesson list at once, from the lines the app draws; with --lesson the app opens on a lesson page,
  // which only Ink draws.
  const firstFrame = drawnEarly
    ? { stop: drawnEarly.stopRedrawing }
    : options.lesson || !earlyFrame
      ? undefined
      : showEarlyFrame(screen, stdin, {
          state: { lessons: loaded.lessons, homeIndex: 0, progress },
          notices,
          theme: makeTheme({ color, ascii: options.asciiOnly }),
          locale,
        });
  // Peak memory (src/node/memory.ts): V8 told to keep its young generation small and its optimizing compilers
  // off, once the first frame is on screen and before the UI chunk loads (where the young generation grows).
  if (!early) await holdMemory();
  ui ??= loadUi();
  let loadedUi: Ui;
  try {
    loadedUi = await ui;
  } catch (error) {
    for (const s of signals) process.off(s, onSignal);
    screen.restore();
    if (firstFrame && stdin.isTTY) stdin.setRawMode?.(false);
    throw error;
  } finally {
    firstFrame?.stop();
  }
  const { renderApp, INTERRUPTED, initialTutorState } = loadedUi;

  app = renderApp({
    initial: initialTutorState({
      now: new Date().toISOString(),
      lessons: loaded.lessons,
      progress,
      notices,
      seed: Date.now() >>> 0,
      startLesson: options.lesson,
    }),
    locale,
    color,
    ascii: options.asciiOnly,
    progressFile,
    stdin,
    stdout: screen as unknown as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
    onSave: save,
    onProgress: (p) => {
      latest = p;
    },
  });

  let how: unknown;
  try {
    how = await app.waitUntilExit();
  } finally {
    for (const s of signals) process.off(s, onSignal);
    save(latest);
    screen.restore();
  }
  if (saveError) io.stderr.write(`nettutor: could not save progress to ${progressFile}: ${saveError}\n`);
  // Ctrl+C exits 130 (128 + SIGINT) as an interrupted program does, whether the terminal sent it as a key or as
  // the signal; q exits 0, or 1 when progress could not be saved.
  if (how === INTERRUPTED) return EXIT.interrupted;
  return saveError ? EXIT.failure : EXIT.ok;
}
