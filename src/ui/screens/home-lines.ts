// The lesson list: each lesson with its status in words and its score, the
// notices (wrapped, and cut with a pointer to the notices screen when they
// would crowd the list out), and the summary of the highlighted lesson.
// Pure: the same lines are drawn before Ink has loaded (src/node/early-frame.ts)
// and by the app (src/ui/frames.ts).
import { layoutProse } from '../../core/layout/prose.js';
import { displayWidth } from '../../core/layout/width.js';
import type { Lesson } from '../../core/lessons/types.js';
import type { TutorState } from '../../core/tutor/machine.js';
import { fitLines, noticeLines } from '../chrome-lines.js';
import type { Theme } from '../make-theme.js';
import { STRINGS } from '../strings.js';
import { type UiLine, fromProse } from '../ui-line.js';
import { windowLines } from './list-window.js';
import { lessonSummary } from './lesson-summary.js';
import { makeLocalizer } from './localizer.js';

/** What the home screen shows of the session. */
export type HomeState = Pick<TutorState, 'lessons' | 'homeIndex' | 'progress'>;

/** The home screen as at most `height` lines. */
export function homeLines(
  state: HomeState,
  notices: string[],
  width: number,
  height: number,
  theme: Theme,
  locale: string,
): UiLine[] {
  const tr = makeLocalizer(locale, theme);
  // The longer wording where it fits on one row, the shorter one on a narrow terminal; wrapped either way.
  const pick = (long: string, short: string) =>
    displayWidth(theme.text(long)) <= width ? theme.text(long) : theme.text(short);
  const arrows = theme.ascii ? 'Up/Down' : '↑↓';
  const intro: UiLine[] = [
    ...fromProse(layoutProse(`**${pick(STRINGS.homeTitle, STRINGS.homeTitleShort)}**`, width), theme),
    ...fromProse(layoutProse(pick(STRINGS.homeHelp(arrows), STRINGS.homeHelpShort(arrows)), width), theme).map((line) =>
      line.map((span) => ({ ...span, dim: true })),
    ),
  ];
  const summary = (() => {
    const highlighted = state.lessons[Math.min(state.homeIndex, state.lessons.length - 1)];
    if (!highlighted) return [];
    return fromProse(layoutProse(tr(highlighted.summary), width - 2, theme.glyphs.ellipsis), theme, '  ')
      .slice(0, 3)
      .map((line) => line.map((span) => ({ ...span, dim: true })));
  })();
  // Notices take what the list (up to three lessons) and a line of summary leave.
  const listMin = Math.max(1, Math.min(state.lessons.length, 3));
  const summaryMin = summary.length > 0 ? 2 : 0;
  const noticeRoom = Math.max(1, height - intro.length - 1 - listMin - summaryMin);
  const noticeRows = fitLines(
    notices.flatMap((n) => noticeLines(n, width, theme)),
    noticeRoom,
    width,
    theme,
  );
  const head = [...intro, ...noticeRows, []];
  if (state.lessons.length === 0) {
    const none = noticeLines(STRINGS.noLessons, width, theme, {
      color: theme.colors.error,
    });
    return [...head, ...none].slice(0, height);
  }
  const room = Math.max(1, height - head.length);
  // The list first; the summary gets what is left (at least a line when there is room for one).
  const listRows = Math.min(state.lessons.length, Math.max(1, room - summaryMin));
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
  // The reducer owns the cursor (keys are applied to the state they arrive in), so the list is only drawn here.
  const list = windowLines(rows, listRows, 0, state.homeIndex).visible;
  const summaryRows = summary.slice(0, Math.max(0, room - listRows - 1));
  return [...head, ...list, ...(summaryRows.length > 0 ? [[], ...summaryRows] : [])].slice(0, height);
}
