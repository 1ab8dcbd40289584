// How an exercise is scored, and what a lesson's status is.
//
// An exercise solved at the first attempt without hints scores 1. Each hint
// costs 0.25 and each wrong attempt 0.1; asking for the solution makes it 0.
// The score never drops below 0, and the best score reached is kept.
import type { Lesson, Page } from '../lessons/types.js';
import { findKind } from '../models/registry.js';
import type { ExerciseRecord, LessonRecord, LessonStatus } from './types.js';

const HINT_COST = 0.25;
const WRONG_ATTEMPT_COST = 0.1;

export function scoreOf(record: ExerciseRecord): number {
  if (!record.solved || record.solutionShown) return 0;
  const wrong = Math.max(0, record.attempts - 1);
  const score = 1 - HINT_COST * record.hintsUsed - WRONG_ATTEMPT_COST * wrong;
  return Math.max(0, Math.round(score * 100) / 100);
}

/** Ids of the graded items of a lesson: its exercises and the questions its models ask. */
export function gradedIds(lesson: Lesson): string[] {
  const ids: string[] = [];
  for (const page of lesson.pages) {
    if (page.exercise) ids.push(page.exercise.id);
    ids.push(...modelQuestionIds(page));
  }
  return ids;
}

function modelQuestionIds(page: Page): string[] {
  return page.model ? (findKind(page.model.kind)?.questionIds(page.model.settings) ?? []) : [];
}

/** How many of the lesson's graded items are solved, out of how many. */
export function solvedCount(lesson: Lesson, record: LessonRecord | undefined): { solved: number; of: number } {
  const ids = gradedIds(lesson);
  return { solved: ids.filter((id) => record?.exercises[id]?.solved).length, of: ids.length };
}

/** The mean score over the lesson's graded items (0 for those not solved yet). */
export function lessonScore(lesson: Lesson, record: LessonRecord | undefined): number {
  const ids = gradedIds(lesson);
  if (ids.length === 0) return 1;
  const total = ids.reduce((sum, id) => sum + (record?.exercises[id]?.score ?? 0), 0);
  return total / ids.length;
}

/** Done: every page seen and every graded item solved or its solution shown. */
export function lessonStatus(lesson: Lesson, record: LessonRecord | undefined): LessonStatus {
  if (!record || (record.seen.length === 0 && Object.keys(record.exercises).length === 0)) return 'not-started';
  const allSeen = lesson.pages.every((p) => record.seen.includes(p.id));
  const allAnswered = gradedIds(lesson).every((id) => {
    const e = record.exercises[id];
    return e !== undefined && (e.solved || e.solutionShown || (e.attempts > 0 && isPredictId(lesson, id)));
  });
  return allSeen && allAnswered ? 'done' : 'in-progress';
}

/** A model's questions count as answered once answered, right or wrong: the run cannot be replayed to them. */
function isPredictId(lesson: Lesson, id: string): boolean {
  return lesson.pages.some((p) => modelQuestionIds(p).includes(id));
}
