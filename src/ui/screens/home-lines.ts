// The lesson list: each lesson with its status in words and its score, the
// course's score under it, the notices (wrapped, and cut with a pointer to the
// notices screen when they would crowd the list out), and the summary of the
// highlighted lesson. Pure: the same lines are drawn before Ink has loaded
// (src/node/early-frame.ts) and by the app (src/ui/frames.ts).
import { layoutProse, truncateToWidth } from '../../core/layout/prose.js';
import { displayWidth } from '../../core/layout/width.js';
import type { Scorable } from '../../core/progress/score.js';
import type { LocalText } from '../../core/i18n/localize.js';
import type { TutorState } from '../../core/tutor/machine.js';
import { fitLines, noticeLines } from '../chrome-lines.js';
import type { Theme } from '../make-theme.js';
import { ui } from '../strings.js';
import { type UiLine, fromProse, plain } from '../ui-line.js';
import { windowLines } from './list-window.js';
import { courseSummary, lessonSummary } from './lesson-summary.js';
import { makeLocalizer } from './localizer.js';

/** What the home screen shows of the session. */
/** What the home screen shows: the app's state, or, before the lessons are read, their outlines (see LessonOutline). */
export interface HomeState {
  lessons: readonly Scorable[];
  homeIndex: TutorState['homeIndex'];
  progress: TutorState['progress'];
}

/** The home screen as at most `height` lines. */
export function homeLines(
  state: HomeState,
  notices: readonly LocalText[],
  width: number,
  height: number,
  theme: Theme,
  locale: string,
): UiLine[] {
  const tr = makeLocalizer(locale, theme);
  // The longer wording where it fits on one row, the shorter one on a narrow terminal; wrapped either way.
  const pick = (long: LocalText, short: LocalText) => (displayWidth(tr(long)) <= width ? tr(long) : tr(short));
  const arrows = theme.ascii ? 'Up/Down' : '↑↓';
  const intro: UiLine[] = [
    ...fromProse(layoutProse(`**${pick(ui('homeTitle'), ui('homeTitleShort'))}**`, width), theme),
    ...fromProse(layoutProse(pick(ui('homeHelp', arrows), ui('homeHelpShort', arrows)), width), theme).map((line) =>
      line.map((span) => ({ ...span, dim: true })),
    ),
  ];
  const summary = (() => {
    const highlighted = state.lessons[Math.min(state.homeIndex, state.lessons.length - 1)];
    if (!highlighted) return [];
    return fromProse(layoutProse(tr(highlighted.summary), width - 2, theme.glyphs.ellipsis), theme, '  ').map((line) =>
      line.map((span) => ({ ...span, dim: true })),
    );
  })();
  /** The summary in `rows` rows: one longer is cut with the theme's ellipsis, never silently (`?` has no more). */
  const summaryIn = (rows: number): UiLine[] => {
    if (summary.length <= rows) return summary;
    if (rows <= 0) return [];
    const last = summary[rows - 1]!;
    const text = last.map((span) => span.text).join('');
    const cut = truncateToWidth(`${text} ${theme.glyphs.ellipsis}`, width, theme.glyphs.ellipsis);
    return [...summary.slice(0, rows - 1), [{ text: cut, dim: true }]];
  };
  // Notices take what the list (up to three lessons), the course's score and a line of summary leave.
  const listMin = Math.max(1, Math.min(state.lessons.length, 3));
  const summaryMin = summary.length > 0 ? 2 : 0;
  const noticeRoom = Math.max(1, height - intro.length - 1 - listMin - 1 - summaryMin);
  const noticeRows = fitLines(
    notices.flatMap((n) => noticeLines(tr(n), width, theme)),
    noticeRoom,
    width,
    theme,
    tr,
  );
  const head = [...intro, ...noticeRows, []];
  if (state.lessons.length === 0) {
    const none = noticeLines(tr(ui('noLessons')), width, theme, {
      color: theme.colors.error,
    });
    return [...head, ...none].slice(0, height);
  }
  const room = Math.max(1, height - head.length);
  // The list first, then the course's score under it; the summary gets what is left (at least a line when there
  // is room for one). A list cut to fit says under it how many lessons are above and below.
  // Two lines of summary are kept, whichever lesson is highlighted (so the list does not jump as the cursor
  // moves), when the list scrolls anyway; a row then says how many lessons it hides.
  const courseRows = room > 2 ? 1 : 0;
  const summaryKept = summary.length > 0 ? 3 : 0;
  const fits = state.lessons.length <= room - summaryKept - courseRows;
  const listRows = fits
    ? state.lessons.length
    : Math.min(state.lessons.length, Math.max(1, room - summaryKept - courseRows - 1));
  const rows: UiLine[] = state.lessons.map((lesson, i) => {
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
  const window = windowLines(rows, listRows, 0, state.homeIndex);
  const more: UiLine[] =
    window.more.above || window.more.below
      ? [
          plain(
            `  ${tr(ui('listMore', window.top, rows.length - window.top - listRows, theme.glyphs.up, theme.glyphs.down))}`,
            { dim: true },
          ),
        ]
      : [];
  const course: UiLine[] = courseRows
    ? [[{ text: '  ' }, { text: courseSummary(state.lessons, state.progress, tr, theme, width - 4), bold: true }]]
    : [];
  const below = [...more, ...course];
  const summaryRows = summaryIn(Math.max(0, room - listRows - below.length - 1));
  return [...head, ...window.visible, ...below, ...(summaryRows.length > 0 ? [[], ...summaryRows] : [])].slice(
    0,
    height,
  );
}
