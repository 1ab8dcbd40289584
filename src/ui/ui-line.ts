// A screen row as styled spans: what every screen is built from, so it can be
// cut to the terminal's height and scrolled, drawn by Ink (lines.tsx), or
// written straight to the terminal before Ink has loaded (src/node/early-frame.ts).
// Pure: no React, no Ink.
import { type StyledLine, truncateToWidth } from '../core/layout/prose.js';
import { displayWidth } from '../core/layout/width.js';
import type { Theme } from './make-theme.js';

export interface UiSpan {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export type UiLine = UiSpan[];

export const plain = (text: string, style: Omit<UiSpan, 'text'> = {}): UiLine => [{ text, ...style }];

export function fromProse(lines: StyledLine[], theme: Theme, indent = ''): UiLine[] {
  return lines.map((line) => {
    const spans: UiLine = indent ? [{ text: indent }] : [];
    for (const span of line) {
      switch (span.style) {
        case 'code':
          spans.push({ text: span.text, color: theme.colors.accent, bold: !theme.color });
          break;
        case 'pre':
          spans.push({ text: span.text, color: theme.colors.accent });
          break;
        case 'strong':
          spans.push({ text: span.text, bold: true });
          break;
        case 'muted':
          spans.push({ text: span.text, dim: true });
          break;
        default:
          spans.push({ text: span.text });
      }
    }
    return spans;
  });
}

/**
 * The last guard before the terminal: every span as the theme shows it (7-bit with --ascii-only), and the
 * line cut to `width` with the theme's ellipsis, so Ink never cuts it with its own '…'. Screens lay out
 * their text to fit (folded first, then wrapped), so nothing is cut here in the normal course.
 */
export function fitLine(line: UiLine, width: number, theme: Theme): UiLine {
  const spans = theme.ascii ? line.map((span) => ({ ...span, text: theme.text(span.text) })) : line;
  const total = spans.reduce((w, span) => w + displayWidth(span.text), 0);
  if (total <= width) return spans;
  const room = Math.max(0, width - displayWidth(theme.glyphs.ellipsis));
  const out: UiLine = [];
  let used = 0;
  for (const span of spans) {
    const w = displayWidth(span.text);
    if (used + w <= room) {
      out.push(span);
      used += w;
      continue;
    }
    out.push({ ...span, text: truncateToWidth(span.text, room - used, '') });
    break;
  }
  out.push({ text: theme.glyphs.ellipsis, dim: true });
  return out;
}
