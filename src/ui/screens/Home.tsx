// The lesson list: each lesson with its status in words and its score, and the
// summary of the highlighted one.
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { ReactElement } from 'react';
import { foldToAscii, layoutProse } from '../../core/layout/prose.js';
import type { Lesson } from '../../core/lessons/types.js';
import type { TutorAction, TutorState } from '../../core/tutor/machine.js';
import { Lines, type UiLine, fromProse, plain } from '../lines.js';
import type { Theme } from '../theme.js';
import { makeLocalizer } from './lesson-lines.js';
import { lessonSummary } from './lesson-summary.js';

export function HomeScreen({
  state,
  dispatch,
  width,
  height,
  theme,
  locale,
  active,
}: {
  state: TutorState;
  dispatch: (a: TutorAction) => void;
  width: number;
  height: number;
  theme: Theme;
  locale: string;
  active: boolean;
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
  const items = state.lessons.map((lesson: Lesson, i) => ({
    key: lesson.id,
    value: String(i),
    label: lessonSummary(lesson, state.progress, tr, theme, width - 4),
  }));
  const highlighted = state.lessons[Math.min(state.homeIndex, state.lessons.length - 1)];
  const summary = highlighted
    ? fromProse(layoutProse(tr(highlighted.summary), width - 2, theme.glyphs.ellipsis), theme, '  ')
        .slice(0, 3)
        .map((line) => line.map((span) => ({ ...span, dim: true })))
    : [];
  const limit = Math.max(1, height - head.length - summary.length - 1);
  return (
    <Box flexDirection="column">
      <Lines lines={head} />
      <SelectInput
        items={items}
        limit={limit}
        initialIndex={Math.min(state.homeIndex, items.length - 1)}
        isFocused={active}
        indicatorComponent={({ isSelected }) => (
          <Text color={theme.colors.accent} bold>
            {isSelected ? `${theme.glyphs.pointer} ` : '  '}
          </Text>
        )}
        itemComponent={({ isSelected, label }) => (
          <Text color={isSelected ? theme.colors.accent : undefined} bold={isSelected} wrap="truncate-end">
            {theme.ascii ? foldToAscii(label) : label}
          </Text>
        )}
        onHighlight={(item) => dispatch({ type: 'home/move', delta: Number(item.value) - state.homeIndex })}
        onSelect={(item) => dispatch({ type: 'home/open', index: Number(item.value) })}
      />
      <Lines lines={[[], ...summary]} />
    </Box>
  );
}

/** A key press, resolved against the state it arrives in (not the one last drawn). */
