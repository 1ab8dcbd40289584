// The tutor's view of grading: an exercise graded, or its solution worked out,
// against the scenarios of the lesson it belongs to.
import { type Params, type Verdict, expectedAnswer, grade, makeRunScenario } from '../grading/grade.js';
import type { Exercise, Lesson, LocalText } from '../lessons/types.js';

export type Answer = string | string[];

export function gradeExercise(lesson: Lesson, exercise: Exercise, answer: Answer, params: Params): Verdict {
  return grade(exercise, answer, { params, runScenario: makeRunScenario(lesson) });
}

export function solutionOf(lesson: Lesson, exercise: Exercise, params: Params): LocalText[] {
  return expectedAnswer(exercise, { params, runScenario: makeRunScenario(lesson) });
}
