// The one place that calls Ink's render(). Streams are injected, so the same
// app can run on a local terminal or any other TTY-like stream pair.
import { render } from 'ink';
import type { Progress } from '../core/progress/types.js';
import type { TutorState } from '../core/tutor/machine.js';
import { App } from './App.js';
import { CrashBoundary } from './crash-boundary.js';

export { INTERRUPTED } from './App.js';
// The app's initial state comes with the app: the tutorial's start loads the reducer (and the models' engines) only with the UI.
export { initialTutorState } from '../core/tutor/machine.js';
import { makeTheme } from './theme.js';

export interface RenderAppOptions {
  initial: TutorState;
  locale: string;
  color: boolean;
  ascii: boolean;
  progressFile: string;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  onSave: (progress: Progress) => string | undefined;
  onProgress?: (progress: Progress) => void;
  /**
   * Given, an exception thrown while rendering is passed here and the app draws nothing more (the caller ends
   * the session); without it, Ink shows the error and the app exits with it.
   */
  onCrash?: (error: unknown) => void;
  /** Screen-reader output (sentences instead of diagrams); by default Ink's INK_SCREEN_READER. */
  screenReader?: boolean;
}

export function renderApp(options: RenderAppOptions) {
  const theme = makeTheme({ color: options.color, ascii: options.ascii });
  const app = (
    <App
      initial={options.initial}
      theme={theme}
      locale={options.locale}
      progressFile={options.progressFile}
      onSave={options.onSave}
      onProgress={options.onProgress}
    />
  );
  return render(options.onCrash ? <CrashBoundary onCrash={options.onCrash}>{app}</CrashBoundary> : app, {
    stdin: options.stdin,
    stdout: options.stdout,
    stderr: options.stderr,
    // Ctrl+C is an ordinary key to the app: it saves progress and exits cleanly.
    exitOnCtrlC: false,
    patchConsole: false,
    // Ink writes whole frames; the stdout given here (ScreenOutput) sends the terminal only the rows that changed.
    incrementalRendering: false,
    maxFps: 30,
    ...(options.screenReader === undefined ? {} : { isScreenReaderEnabled: options.screenReader }),
  });
}
