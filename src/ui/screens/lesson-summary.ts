import { displayWidth } from '../../core/layout/width.js';
import { padToWidth, truncateToWidth } from '../../core/layout/prose.js';
import type { Lesson } from '../../core/lessons/types.js';
import type { LocalText } from '../../core/i18n/localize.js';
import {
  type Scorable,
  courseScore,
  gradedIds,
  lessonScore,
  lessonStatus,
  solvedCount,
} from '../../core/progress/score.js';
import { lessonRecord } from '../../core/progress/records.js';
import type { Progress } from '../../core/progress/types.js';
import { type Tr, ui } from '../strings.js';
import type { Theme } from '../theme.js';

/** One row of the lesson list: title, status in words (never colour alone) and score. */
export function lessonSummary(
  lesson: Scorable,
  progress: Progress,
  tr: (t: LocalText) => string,
  theme: Theme,
  width: number,
): string {
  const record = lessonRecord(progress, lesson.id);
  const status = lessonStatus(lesson, record);
  // Every graded item: exercises, the questions models ask, and the items of review pages.
  const exercises = gradedIds(lesson).length;
  const mark =
    status === 'done'
      ? `${theme.glyphs.ok} ${tr(ui('statusDone'))}`
      : status === 'in-progress'
        ? `${theme.glyphs.ellipsis} ${tr(ui('statusInProgress'))}`
        : `  ${tr(ui('statusNotStarted'))}`;
  const score = status === 'not-started' || exercises === 0 ? '' : ` ${Math.round(lessonScore(lesson, record) * 100)}%`;
  return row(tr(lesson.title), `${mark}${score}`, theme, width);
}

/** A title on the left and `right` against the right edge, in `width` cells. */
function row(title: string, right: string, theme: Theme, width: number): string {
  const room = Math.max(8, width - displayWidth(right) - 2);
  return `${padToWidth(truncateToWidth(title, room, theme.glyphs.ellipsis), room)}  ${right}`;
}

/**
 * The row under the lesson list: the course's score (the mean over every graded item of every lesson, see
 * courseScore), with the items solved, its percentage against the right edge like each lesson's.
 */
export function courseSummary(
  lessons: readonly Scorable[],
  progress: Progress,
  tr: Tr,
  theme: Theme,
  width: number,
): string {
  const { score, solved, of } = courseScore(lessons, progress);
  const percent = `${Math.round(score * 100)}%`;
  const label = tr(ui('courseScore', solved, of));
  const short = tr(ui('courseScoreShort', solved, of));
  return row(displayWidth(label) + displayWidth(percent) + 2 <= width ? label : short, percent, theme, width);
}

/**
 * What the lesson's progress bar shows: the graded items (exercises and predict
 * questions) solved, or, in a lesson without any, the pages seen. Never the
 * page the learner is on: the header says that.
 */
export function lessonProgress(
  lesson: Lesson,
  progress: Progress,
  tr: Tr,
): { done: number; total: number; label: string } {
  const record = lessonRecord(progress, lesson.id);
  const { solved, of } = solvedCount(lesson, record);
  if (of > 0) return { done: solved, total: of, label: tr(ui('exercisesSolved', solved, of)) };
  const seen = lesson.pages.filter((p) => record?.seen.includes(p.id)).length;
  return { done: seen, total: lesson.pages.length, label: tr(ui('pagesSeen', seen, lesson.pages.length)) };
}
