// The first home screen, written straight to the terminal while Ink loads.
//
// Ink (React, Yoga's WebAssembly, the first layout) takes most of a start:
// this draws the lesson list before any of it has loaded, from the same lines
// the app draws (src/ui/frames.ts), styled as Ink's <Text> styles them with
// the same chalk, and hands it to ScreenOutput as a frame on screen. When Ink
// draws its first frame, ScreenOutput compares it with this one cell by cell,
// so taking over writes only what differs: nothing, when nothing changed.
//
// Keys typed meanwhile are left in the terminal's input queue: the terminal is
// put in raw mode at once (no echo over the frame, no line buffering, Ctrl+C a
// key rather than a signal), and Ink reads them, in order, when it starts
// reading. A resize meanwhile redraws the frame at the new size.
import chalk, { type ForegroundColorName } from 'chalk';
import type { LocalText } from '../core/i18n/localize.js';
import { type Frame, firstHomeFrame } from '../ui/frames.js';
import type { HomeState } from '../ui/screens/home-lines.js';
import type { Theme } from '../ui/make-theme.js';
import { type UiSpan, fitLine } from '../ui/ui-line.js';
import type { ScreenOutput } from './screen-output.js';

/** A span styled as Ink's <Text> styles it: dim, colour, bold, underline, inverse, in that order. */
function styled(span: UiSpan): string {
  let s = span.text;
  if (span.dim) s = chalk.dim(s);
  // Ink's colorize takes a named colour as chalk's method of that name; the themes use only named colours.
  if (span.color && span.color in chalk) s = chalk[span.color as ForegroundColorName](s);
  if (span.bold) s = chalk.bold(s);
  if (span.underline) s = chalk.underline(s);
  if (span.inverse) s = chalk.inverse(s);
  return s;
}

/**
 * A frame as Ink writes it: one row per line (an empty line is a blank row), each line fitted to the frame's
 * width as the Lines component fits it, trailing blanks trimmed as Ink's output trims them.
 */
export function frameText(frame: Frame, theme: Theme): string {
  return frame.lines
    .map((line) =>
      line.every((span) => span.text === '') ? '' : fitLine(line, frame.width, theme).map(styled).join('').trimEnd(),
    )
    .join('\n');
}

export interface EarlyFrameInput {
  state: HomeState;
  /** The session's notices, as the app's initial state has them. */
  notices: readonly LocalText[];
  theme: Theme;
  locale: string;
}

export interface TerminalInput {
  isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
}

/**
 * Draws the app's first frame on the lesson list (or the too-small message) on `screen` now, and again on
 * every resize until stopped: Ink takes over from there.
 */
export function showEarlyFrame(screen: ScreenOutput, stdin: TerminalInput, input: EarlyFrameInput): { stop(): void } {
  if (stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(true);
  const draw = () =>
    screen.show(frameText(firstHomeFrame({ ...input, columns: screen.columns, rows: screen.rows }), input.theme));
  draw();
  screen.on('resize', draw);
  return {
    stop: () => {
      screen.off('resize', draw);
    },
  };
}
