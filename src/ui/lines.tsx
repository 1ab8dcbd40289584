// The screen is built as a list of styled lines (ui-line.ts), so every screen can be cut to
// the terminal's height and scrolled, and Ink's incremental renderer only
// rewrites the lines that changed.
import { Text } from 'ink';
import { type ReactElement, createContext, useContext } from 'react';
import { useTheme } from './theme.js';
import { type UiLine, fitLine } from './ui-line.js';
import type { Theme } from './make-theme.js';

export { type UiLine, type UiSpan, fitLine, fromProse, plain } from './ui-line.js';

/** The width lines are drawn in (the frame's); a line wider than this is cut with the theme's ellipsis. */
export const LineWidthContext = createContext<number>(Number.POSITIVE_INFINITY);

function Line({ line, width, theme }: { line: UiLine; width: number; theme: Theme }): ReactElement {
  // A row with no text (an empty line of a fenced block, too) still takes its row: Ink gives none to empty text.
  if (line.every((span) => span.text === '')) return <Text> </Text>;
  // Ink cuts a line that does not fit with '…'. That happens for one frame after the terminal shrinks (Ink
  // lays out the old lines at the new width before the app redraws at it): with --ascii-only such a line
  // wraps instead, and the frame's box (overflowY hidden) clips the rows it adds, so no '…' is written.
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
