// The screen is built as a list of styled lines, so every screen can be cut to
// the terminal's height and scrolled, and Ink's incremental renderer only
// rewrites the lines that changed.
import { Text } from 'ink';
import { type ReactElement, createContext, useContext } from 'react';
import { displayWidth } from '../core/layout/width.js';
import { type StyledLine, truncateToWidth } from '../core/layout/prose.js';
import { type Theme, useTheme } from './theme.js';

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

/** The width lines are drawn in (the frame's); a line wider than this is cut with the theme's ellipsis. */
export const LineWidthContext = createContext<number>(Number.POSITIVE_INFINITY);

/**
 * The last guard before the terminal: every span as the theme shows it (7-bit with --ascii-only), and the
 * line cut to `width` with the theme's ellipsis, so Ink never cuts it with its own '…'. Screens lay out
 * their text to fit (folded first, then wrapped), so nothing is cut here in the normal course.
 */
function fitLine(line: UiLine, width: number, theme: Theme): UiLine {
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

function Line({ line, width, theme }: { line: UiLine; width: number; theme: Theme }): ReactElement {
  if (line.length === 0) return <Text> </Text>;
  // Ink cuts a line that does not fit with '…'. That happens for one frame after the terminal shrinks (Ink
  // lays out the old lines at the new width before the app redraws at it): with --ascii-only such a line
  // wraps instead, and the frame's box (overflow hidden) clips the rows it adds, so no '…' is written.
  return (
    <Text wrap={theme.ascii ? 'wrap' : 'truncate-end'}>
      {fitLine(line, width, theme).map((span, i) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: spans are positional
          key={i}
          color={span.color}
          bold={span.bold}
          dimColor={span.dim}
          inverse={span.inverse}
          underline={span.underline}
        >
          {span.text}
        </Text>
      ))}
    </Text>
  );
}

export function Lines({ lines }: { lines: UiLine[] }): ReactElement {
  const theme = useTheme();
  const width = useContext(LineWidthContext);
  return (
    <>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional rows of the screen
        <Line key={i} line={line} width={width} theme={theme} />
      ))}
    </>
  );
}
