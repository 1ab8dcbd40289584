// The frame around every screen, as lines: the status bar of keys, rules, the
// lesson's progress bar, the help overlay and the notices, all built from the
// key table. Pure (no React): the first home screen is drawn from these before
// Ink has loaded, and chrome.tsx draws the same lines with Ink.
import { type Binding, type Mode, helpEntries, statusHints } from './keymap.js';
import { inlineSpans, wrapSpans } from '../core/layout/prose.js';
import type { Theme } from './make-theme.js';
import { STRINGS } from './strings.js';
import { type UiLine, type UiSpan, fromProse, plain } from './ui-line.js';

/** The keys of this screen on one row: "? help" and "q quit" always, the others as room allows, in table order. */
export function statusBarLine(mode: Mode, width: number, theme: Theme, extra: readonly Binding[] = []): UiLine {
  const hints = statusHints(mode, theme.ascii, extra);
  const essential = hints.filter((h) => h.does === 'help' || h.does === 'quit');
  const others = hints.filter((h) => !essential.includes(h));
  const cost = (list: typeof hints) =>
    list.reduce((w, h, i) => w + (i > 0 ? theme.glyphs.separator.length : 0) + h.keys.length + 1 + h.does.length, 0);
  const shown: typeof hints = [];
  for (const hint of others) {
    if (cost([...shown, hint, ...essential]) > width) break;
    shown.push(hint);
  }
  const parts: UiLine = [];
  for (const hint of [...shown, ...essential]) {
    if (parts.length > 0) parts.push({ text: theme.glyphs.separator, dim: true });
    parts.push({ text: hint.keys, bold: true, color: theme.colors.accent }, { text: ` ${hint.does}` });
  }
  return parts;
}

export function rule(width: number, theme: Theme): UiLine {
  return plain(theme.glyphs.rule.repeat(width), { dim: true });
}

export function progressBar(done: number, total: number, width: number, theme: Theme): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return theme.glyphs.barFull.repeat(filled) + theme.glyphs.barEmpty.repeat(Math.max(0, width - filled));
}

const MODE_TITLES: Record<Mode, string> = {
  home: 'On the lesson list',
  page: 'On a lesson page',
  'short-answer': 'On a question with a typed answer',
  choice: 'Answering a choice question',
  ordering: 'Putting items in order',
  'ordering-grabbed': 'Moving an item',
  typing: 'Typing an answer',
  verdict: 'After an answer',
  player: 'Using the model on the page',
  predict: 'Answering a prediction',
  help: 'Help',
  notices: 'Reading the notices',
  info: 'Reading the page and the scenario in full',
  confirm: 'Confirming',
};

export function helpLines(under: Mode, theme: Theme, extra: readonly Binding[] = []): UiLine[] {
  const lines: UiLine[] = [plain(theme.text(`Keys — ${MODE_TITLES[under]}`), { bold: true, underline: true }), []];
  // Only the keys of the screen under the help, each once: no key is promised where it does nothing.
  const entries = helpEntries(under, theme.ascii, extra);
  const column = Math.max(12, ...entries.map((h) => h.keys.length + 2));
  for (const h of entries) {
    lines.push([{ text: `  ${h.keys.padEnd(column)}`, bold: true, color: theme.colors.accent }, { text: h.does }]);
  }
  lines.push([]);
  lines.push(plain('Progress is saved after every answer and when you quit.', { dim: true }));
  lines.push(plain('The README lists every key of every screen.', { dim: true }));
  return lines;
}

/**
 * A notice wrapped at `width` by display width: "! " before its first line,
 * the others indented under it. `code` spans keep their own colour.
 */
export function noticeLines(text: string, width: number, theme: Theme, style?: Omit<UiSpan, 'text'>): UiLine[] {
  const look = style ?? { color: theme.colors.warn };
  return fromProse(wrapSpans(inlineSpans(theme.text(text)), width, '! ', '  '), theme).map((line) =>
    line.map((span) => (span.color ? span : { ...look, ...span })),
  );
}

/** At most `rows` of `lines` (at least one): when some are cut, the last row says how to read them all. */
export function fitLines(lines: UiLine[], rows: number, width: number, theme: Theme): UiLine[] {
  if (lines.length <= rows) return lines;
  const keep = Math.max(0, rows - 1);
  const more = STRINGS.noticesCut(lines.length - keep);
  return [
    ...lines.slice(0, keep),
    ...noticeLines(more, width, theme, { color: theme.colors.warn, bold: true }).slice(0, 1),
  ];
}

/** Every notice in full, for the notices screen (!). */
export function noticesScreenLines(notices: string[], width: number, theme: Theme): UiLine[] {
  const lines: UiLine[] = [plain(STRINGS.noticesTitle, { bold: true, underline: true }), []];
  if (notices.length === 0) lines.push(plain(STRINGS.noNotices));
  notices.forEach((notice, i) => {
    if (i > 0) lines.push([]);
    lines.push(...noticeLines(notice, width, theme));
  });
  return lines;
}
