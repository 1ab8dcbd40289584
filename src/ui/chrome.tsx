// The frame around every screen as Ink components; its lines (status bar,
// rules, progress bar, help, notices) come from chrome-lines.ts.
import type { ReactElement } from 'react';
import { statusBarLine } from './chrome-lines.js';
import type { Binding, Mode } from './keymap.js';
import { Lines } from './lines.js';
import type { Tr } from './strings.js';
import type { Theme } from './theme.js';

export {
  fitLines,
  helpLines,
  noticeLines,
  noticesScreenLines,
  progressBar,
  rule,
  statusBarLine,
} from './chrome-lines.js';

export function StatusBar({
  mode,
  width,
  theme,
  tr,
  extra = [],
}: {
  mode: Mode;
  width: number;
  theme: Theme;
  /** The keys' descriptions in the learner's language. */
  tr: Tr;
  /** The keys of the page's model (src/ui/models). */
  extra?: readonly Binding[];
}): ReactElement {
  return <Lines lines={[statusBarLine(mode, width, theme, tr, extra)]} />;
}
