// The lesson list: each lesson with its status in words and its score, and the
// summary of the highlighted one.
import type { ReactElement } from 'react';
import { layoutProse } from '../../core/layout/prose.js';
import type { Lesson } from '../../core/lessons/types.js';
import type { TutorState } from '../../core/tutor/machine.js';
import { Lines, type UiLine, fromProse, plain } from '../lines.js';
import type { Theme } from '../theme.js';
import { makeLocalizer, windowLines } from './lesson-lines.js';
import { lessonSummary } from './lesson-summary.js';

export function HomeScreen({
  state,
  width,
  height,
  theme,
  locale,
}: {
  state: TutorState;
  width: number;
  height: number;
  theme: Theme;
  locale: string;
}): ReactElement {
  const tr = makeLocalizer(locale);
  const head: UiLine[] = [
    plain('nettutor — how TCP connections open and close, and how HTTP works', { bold: true }),
    plain(`Choose a lesson: ${theme.ascii ? 'Up/Down' : '↑↓'} (or j/k) and Enter. ? shows every key, q quits.`, {
      dim: true,
    }),
  ];
  for (const notice of state.notices.slice(0, 3)) head.push(plain(`! ${notice}`, { color: theme.colors.warn }));
  if (state.notices.length > 3)
    head.push(plain(`! …and ${state.notices.length - 3} more`, { color: theme.colors.warn }));
  head.push([]);
  if (state.lessons.length === 0) {
    head.push(
      plain('No lessons could be loaded. Run `nettutor lessons check` to see why.', { color: theme.colors.error }),
    );
    return <Lines lines={head} />;
  }
  const highlighted = state.lessons[Math.min(state.homeIndex, state.lessons.length - 1)];
  const summary = highlighted
    ? fromProse(layoutProse(tr(highlighted.summary), width - 2, theme.glyphs.ellipsis), theme, '  ')
        .slice(0, 3)
        .map((line) => line.map((span) => ({ ...span, dim: true })))
    : [];
  const limit = Math.max(1, height - head.length - summary.length - 1);
  // The reducer owns the cursor (keys are applied to the state they arrive in), so the list is only drawn here.
  const rows: UiLine[] = state.lessons.map((lesson: Lesson, i) => {
    const here = i === state.homeIndex;
    return [
      { text: here ? `${theme.glyphs.pointer} ` : '  ', color: theme.colors.accent, bold: true },
      {
        text: lessonSummary(lesson, state.progress, tr, theme, width - 4),
        color: here ? theme.colors.accent : undefined,
        bold: here,
      },
    ];
  });
  const list = windowLines(rows, limit, 0, state.homeIndex).visible;
  return <Lines lines={[...head, ...list, [], ...summary]} />;
}
