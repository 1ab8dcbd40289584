// The tutor's view of grading: an exercise graded, or its solution worked out,
// against the scenarios of the lesson it belongs to.
import { type Params, expectedAnswer, grade } from '../grading/grade.js';
import type { Verdict } from '../answers/verdict.js';
import type { Exercise, Lesson } from '../lessons/types.js';
import type { LocalText } from '../i18n/localize.js';

export type Answer = string | string[];

export function gradeExercise(lesson: Lesson, exercise: Exercise, answer: Answer, params: Params): Verdict {
  return grade(exercise, answer, { params, lesson });
}

export function solutionOf(lesson: Lesson, exercise: Exercise, params: Params): LocalText[] {
  return expectedAnswer(exercise, { params, lesson });
}
