// The frame around every screen, as lines: the status bar of keys, rules, the
// lesson's progress bar, the help overlay and the notices, all built from the
// key table. Pure (no React): the first home screen is drawn from these before
// Ink has loaded, and chrome.tsx draws the same lines with Ink.
import type { LocalText } from '../core/i18n/localize.js';
import { inlineSpans, padToWidth, wrapSpans } from '../core/layout/prose.js';
import { displayWidth } from '../core/layout/width.js';
import { type Binding, type Mode, helpEntries, statusHints } from './keymap.js';
import type { Theme } from './make-theme.js';
import { type Tr, modeTitle, ui } from './strings.js';
import { type UiLine, type UiSpan, fromProse, plain } from './ui-line.js';

/**
 * The keys of this screen on one row, their descriptions in the learner's language (`tr`): "? help" and
 * "q quit" always, the others as room allows, in table order.
 */
export function statusBarLine(mode: Mode, width: number, theme: Theme, tr: Tr, extra: readonly Binding[] = []): UiLine {
  const hints = statusHints(mode, theme.ascii, extra, tr);
  const essential = hints.filter((h) => h.intent === 'help' || h.intent === 'quit');
  const others = hints.filter((h) => !essential.includes(h));
  const cost = (list: typeof hints) =>
    list.reduce(
      (w, h, i) =>
        w + (i > 0 ? displayWidth(theme.glyphs.separator) : 0) + displayWidth(h.keys) + 1 + displayWidth(h.does),
      0,
    );
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

/** The ? help of the screen under it, in the learner's language (`tr`, see makeLocalizer). */
export function helpLines(under: Mode, theme: Theme, extra: readonly Binding[], tr: Tr): UiLine[] {
  const lines: UiLine[] = [plain(tr(ui('helpTitle', tr(modeTitle(under)))), { bold: true, underline: true }), []];
  // Only the keys of the screen under the help, each once: no key is promised where it does nothing.
  const entries = helpEntries(under, theme.ascii, extra, tr);
  const column = Math.max(12, ...entries.map((h) => displayWidth(h.keys) + 2));
  for (const h of entries) {
    lines.push([{ text: `  ${padToWidth(h.keys, column)}`, bold: true, color: theme.colors.accent }, { text: h.does }]);
  }
  lines.push([]);
  lines.push(plain(tr(ui('helpSaved')), { dim: true }));
  lines.push(plain(tr(ui('helpReadme')), { dim: true }));
  return lines;
}

/**
 * A notice wrapped at `width` by display width: "! " before its first line,
 * the others indented under it. `code` spans keep their own colour. `text` is as the terminal shows it
 * (already through `tr`, or `theme.text`).
 */
export function noticeLines(text: string, width: number, theme: Theme, style?: Omit<UiSpan, 'text'>): UiLine[] {
  const look = style ?? { color: theme.colors.warn };
  return fromProse(wrapSpans(inlineSpans(theme.text(text)), width, '! ', '  '), theme).map((line) =>
    line.map((span) => (span.color ? span : { ...look, ...span })),
  );
}

/** At most `rows` of `lines` (at least one): when some are cut, the last row says how to read them all. */
export function fitLines(lines: UiLine[], rows: number, width: number, theme: Theme, tr: Tr): UiLine[] {
  if (lines.length <= rows) return lines;
  const keep = Math.max(0, rows - 1);
  const more = tr(ui('noticesCut', lines.length - keep));
  return [
    ...lines.slice(0, keep),
    ...noticeLines(more, width, theme, { color: theme.colors.warn, bold: true }).slice(0, 1),
  ];
}

/** Every notice in full, for the notices screen (!). */
export function noticesScreenLines(notices: readonly LocalText[], width: number, theme: Theme, tr: Tr): UiLine[] {
  const lines: UiLine[] = [plain(tr(ui('noticesTitle')), { bold: true, underline: true }), []];
  if (notices.length === 0) lines.push(plain(tr(ui('noNotices'))));
  notices.forEach((notice, i) => {
    if (i > 0) lines.push([]);
    lines.push(...noticeLines(tr(notice), width, theme));
  });
  return lines;
}
