// The screen is built as a list of styled lines, so every screen can be cut to
// the terminal's height and scrolled, and Ink's incremental renderer only
// rewrites the lines that changed.
import { Text } from 'ink';
import type { ReactElement } from 'react';
import { type StyledLine, foldToAscii } from '../core/layout/prose.js';
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

function Line({ line, ascii }: { line: UiLine; ascii: boolean }): ReactElement {
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((span, i) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: spans are positional
          key={i}
          color={span.color}
          bold={span.bold}
          dimColor={span.dim}
          inverse={span.inverse}
          underline={span.underline}
        >
          {ascii ? foldToAscii(span.text) : span.text}
        </Text>
      ))}
    </Text>
  );
}

export function Lines({ lines }: { lines: UiLine[] }): ReactElement {
  const { ascii } = useTheme();
  return (
    <>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional rows of the screen
        <Line key={i} line={line} ascii={ascii} />
      ))}
    </>
  );
}
