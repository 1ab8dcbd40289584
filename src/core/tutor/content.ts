// The tutor's view of grading: an exercise graded, or its solution worked out,
// against the scenarios of the lesson it belongs to (for a review page, the
// lesson it comes from: see core/lessons/review.ts).
import { type Params, expectedAnswer, grade } from '../grading/grade.js';
import type { Verdict } from '../answers/verdict.js';
import { pageScenarios } from '../lessons/review.js';
import type { Exercise, Lesson, Page } from '../lessons/types.js';
import type { LocalText } from '../i18n/localize.js';

export type Answer = string | string[];

export function gradeExercise(lesson: Lesson, page: Page, exercise: Exercise, answer: Answer, params: Params): Verdict {
  return grade(exercise, answer, { params, lesson: { scenarios: pageScenarios(lesson, page) } });
}

export function solutionOf(lesson: Lesson, page: Page, exercise: Exercise, params: Params): LocalText[] {
  return expectedAnswer(exercise, { params, lesson: { scenarios: pageScenarios(lesson, page) } });
}
