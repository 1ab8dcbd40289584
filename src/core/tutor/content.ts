// The tutor's view of grading and progress: thin adapters over core/grading
// and core/progress, so the reducer reads as the session it describes.
import { type Params, type Verdict, expectedAnswer, grade, makeRunScenario } from '../grading/grade.js';
import type { Exercise, Lesson, LocalText } from '../lessons/types.js';
import { recordAnswer, recordHint, recordPage } from '../progress/merge.js';
import type { Progress } from '../progress/types.js';

export type Answer = string | string[];

export function gradeExercise(lesson: Lesson, exercise: Exercise, answer: Answer, params: Params): Verdict {
  return grade(exercise, answer, { params, runScenario: makeRunScenario(lesson) });
}

export function solutionOf(lesson: Lesson, exercise: Exercise, params: Params): LocalText[] {
  return expectedAnswer(exercise, { params, runScenario: makeRunScenario(lesson) });
}

const now = () => new Date().toISOString();

export function noteAnswer(
  progress: Progress,
  lessonId: string,
  exerciseId: string,
  answer: { correct: boolean; hintsUsed: number; solutionShown: boolean },
): Progress {
  return recordAnswer(progress, lessonId, exerciseId, { ...answer, at: now() });
}

export function noteHint(
  progress: Progress,
  lessonId: string,
  exerciseId: string,
  hintsUsed: number,
  solutionShown: boolean,
): Progress {
  return recordHint(progress, lessonId, exerciseId, { hintsUsed, solutionShown, at: now() });
}

export function notePage(progress: Progress, lessonId: string, pageId: string): Progress {
  return recordPage(progress, lessonId, pageId, now());
}
