// Whole frames as lines, for the screens that are drawn before Ink has loaded:
// the lesson list (with its rule and status bar) and the too-small message.
// App draws these same lines with Ink, and src/node/early-frame.ts writes them
// straight to the terminal while Ink loads, so the two cannot disagree.
// Pure: no React, no Ink.
import type { LocalText } from '../core/i18n/localize.js';
import { layoutProse } from '../core/layout/prose.js';
import { rule, statusBarLine } from './chrome-lines.js';
import type { Binding, Mode } from './keymap.js';
import type { Theme } from './make-theme.js';
import { type HomeState, homeLines } from './screens/home-lines.js';
import { makeLocalizer } from './screens/localizer.js';
import { ui } from './strings.js';
import { type UiLine, plain } from './ui-line.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

/** Lines to draw, and the width they are cut to (every line fits it). */
export interface Frame {
  lines: UiLine[];
  width: number;
}

/**
 * The frame's geometry: always one row shorter than the terminal (Ink clears the whole screen otherwise), and
 * one column narrower (a full last column makes some terminals wrap).
 */
export function frameSize(columns: number, rows: number): { width: number; height: number; tooSmall: boolean } {
  return {
    width: Math.max(20, columns - 1),
    height: Math.max(1, rows - 1),
    tooSmall: columns < MIN_COLUMNS || rows < MIN_ROWS,
  };
}

/** What the learner should know about the session: on the home screen, wrapped, and in full behind !. */
export function sessionNotices(
  theme: Theme,
  locale: string,
  notices: readonly LocalText[],
  saveError?: string,
): LocalText[] {
  return [
    // --ascii-only is about what the terminal can show: lessons in a language 7-bit cannot write fall back to English.
    ...(theme.ascii && locale !== 'en' ? [ui('asciiLessonsInEnglish', locale)] : []),
    ...notices,
    ...(saveError ? [ui('saveFailed', saveError)] : []),
  ];
}

/** The terminal is smaller than the app needs: how big it must be, in the learner's language, wrapped to what there is. */
export function tooSmallFrame(columns: number, rows: number, theme: Theme, locale: string): Frame {
  const room = Math.max(1, columns - 1);
  const tr = makeLocalizer(locale, theme);
  const wrap = (text: string) => layoutProse(text, room).map((l) => l.map((span) => span.text).join(''));
  const lines: UiLine[] = [
    ...wrap(tr(ui('tooSmall', MIN_COLUMNS, MIN_ROWS))).map((l) => plain(l, { bold: true, color: theme.colors.warn })),
    ...wrap(tr(ui('tooSmallNow', columns, rows))).map((l) => plain(l)),
  ].slice(0, Math.max(1, rows - 1));
  return { lines, width: room };
}

/** The lesson list, the rule under it and the status bar: exactly the frame's height. */
export function homeFrame(input: {
  state: HomeState;
  /** Every notice (sessionNotices). */
  notices: readonly LocalText[];
  columns: number;
  rows: number;
  theme: Theme;
  locale: string;
  mode: Mode;
  extra?: readonly Binding[];
}): Frame {
  const { width, height } = frameSize(input.columns, input.rows);
  const body = homeLines(input.state, input.notices, width, height - 2, input.theme, input.locale);
  const filler = Array.from({ length: Math.max(0, height - 2 - body.length) }, (): UiLine => []);
  const tr = makeLocalizer(input.locale, input.theme);
  return {
    lines: [
      ...body,
      ...filler,
      rule(width, input.theme),
      statusBarLine(input.mode, width, input.theme, tr, input.extra),
    ],
    width,
  };
}

/**
 * The app's first frame when it opens on the lesson list, as App draws it: the lesson list, or the
 * too-small message when the terminal is too small.
 */
export function firstHomeFrame(input: {
  state: HomeState;
  /** The session's notices (what loading the lessons and progress said); sessionNotices adds the others. */
  notices: readonly LocalText[];
  columns: number;
  rows: number;
  theme: Theme;
  locale: string;
}): Frame {
  if (frameSize(input.columns, input.rows).tooSmall)
    return tooSmallFrame(input.columns, input.rows, input.theme, input.locale);
  return homeFrame({
    ...input,
    notices: sessionNotices(input.theme, input.locale, input.notices),
    mode: 'home',
  });
}
