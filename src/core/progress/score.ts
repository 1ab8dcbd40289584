// How an exercise is scored, what a lesson's status and score are, and the course's score.
//
// An exercise solved at the first attempt without hints scores 1. Each hint
// costs 0.25 and each wrong attempt 0.1; asking for the solution makes it 0.
// The score never drops below 0, and the best score reached is kept.
import { gradedKey, modelQuestionIds } from '../lessons/review.js';
import type { LocalText } from '../i18n/localize.js';
import type { Lesson } from '../lessons/types.js';
import { exerciseRecord, lessonRecord } from './records.js';
import type { ExerciseRecord, LessonRecord, LessonStatus, Progress } from './types.js';

const HINT_COST = 0.25;
const WRONG_ATTEMPT_COST = 0.1;

export function scoreOf(record: ExerciseRecord): number {
  if (!record.solved || record.solutionShown) return 0;
  const wrong = Math.max(0, record.attempts - 1);
  const score = 1 - HINT_COST * record.hintsUsed - WRONG_ATTEMPT_COST * wrong;
  return Math.max(0, Math.round(score * 100) / 100);
}

/** A graded item of a lesson: the id progress keeps it by, and whether a model asks it (else an exercise asks it). */
export interface GradedItem {
  id: string;
  byModel: boolean;
}

/**
 * What the lesson list shows of a lesson, and all that its status and score need: its id, title and summary, its
 * pages' ids and its graded items. The start of the tutorial draws the lesson list from these (kept beside the
 * compiled lessons at build time, see outlineOf) before the lessons themselves are read.
 */
export interface LessonOutline {
  id: string;
  title: LocalText;
  summary: LocalText;
  pageIds: string[];
  graded: GradedItem[];
}

/** A lesson, or its outline: every function here answers the same for both. */
export type Scorable = Lesson | LessonOutline;

const isOutline = (lesson: Scorable): lesson is LessonOutline => 'graded' in lesson;

/** The outline of a lesson whose review pages are filled in (as the tutorial loads them). */
export function outlineOf(lesson: Lesson): LessonOutline {
  return {
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    pageIds: lesson.pages.map((p) => p.id),
    graded: gradedItems(lesson),
  };
}

/**
 * The graded items of a lesson, in page order: its exercises and the questions its models ask. On a review
 * page they are kept as `<origin-lesson>/<id>` (see core/lessons/review.ts); a review page not filled in yet
 * counts as the one item it names.
 */
export function gradedItems(lesson: Scorable): GradedItem[] {
  if (isOutline(lesson)) return lesson.graded;
  const items: GradedItem[] = [];
  for (const page of lesson.pages) {
    if (page.review && !page.review.origin) items.push({ id: page.review.from, byModel: false });
    if (page.exercise) items.push({ id: gradedKey(page, page.exercise.id), byModel: false });
    for (const id of modelQuestionIds(page)) items.push({ id: gradedKey(page, id), byModel: true });
  }
  return items;
}

/** Ids of the graded items of a lesson, as progress keeps them. */
export function gradedIds(lesson: Scorable): string[] {
  return gradedItems(lesson).map((i) => i.id);
}

/** How many of the lesson's graded items are solved, out of how many. */
export function solvedCount(lesson: Scorable, record: LessonRecord | undefined): { solved: number; of: number } {
  const ids = gradedIds(lesson);
  return { solved: ids.filter((id) => exerciseRecord(record, id)?.solved).length, of: ids.length };
}

/** The mean score over the lesson's graded items (0 for those not solved yet). */
export function lessonScore(lesson: Scorable, record: LessonRecord | undefined): number {
  const ids = gradedIds(lesson);
  if (ids.length === 0) return 1;
  const total = ids.reduce((sum, id) => sum + (exerciseRecord(record, id)?.score ?? 0), 0);
  return total / ids.length;
}

/** Done: every page seen and every graded item solved or its solution shown. */
export function lessonStatus(lesson: Scorable, record: LessonRecord | undefined): LessonStatus {
  if (!record || (record.seen.length === 0 && Object.keys(record.exercises).length === 0)) return 'not-started';
  const pageIds = isOutline(lesson) ? lesson.pageIds : lesson.pages.map((p) => p.id);
  const allSeen = pageIds.every((id) => record.seen.includes(id));
  // A model's questions count as answered once answered, right or wrong: the run cannot be replayed to them.
  const allAnswered = gradedItems(lesson).every(({ id, byModel }) => {
    const e = exerciseRecord(record, id);
    return e !== undefined && (e.solved || e.solutionShown || (e.attempts > 0 && byModel));
  });
  return allSeen && allAnswered ? 'done' : 'in-progress';
}

/**
 * The score of the whole course: the mean over every graded item of every lesson given (an item not answered
 * yet counts 0), so each exercise and question weighs the same wherever it is, and the score grows as the
 * learner goes. With the items solved, out of how many, and the lessons done.
 */
export function courseScore(
  lessons: readonly Scorable[],
  progress: Progress,
): { score: number; solved: number; of: number; done: number } {
  let total = 0;
  let solved = 0;
  let of = 0;
  let done = 0;
  for (const lesson of lessons) {
    const record = lessonRecord(progress, lesson.id);
    for (const id of gradedIds(lesson)) {
      const e = exerciseRecord(record, id);
      total += e?.score ?? 0;
      if (e?.solved) solved++;
      of++;
    }
    if (lessonStatus(lesson, record) === 'done') done++;
  }
  return { score: of > 0 ? total / of : 0, solved, of, done };
}
