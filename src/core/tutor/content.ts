// The tutor's view of grading and progress: thin adapters over core/grading
// and core/progress, so the reducer reads as the session it describes.
import { drawParams, expectedAnswer, grade, makeRunScenario } from '../grading/grade.js';
import { gradePredict, predictChoices } from '../grading/predict.js';
import type { Exercise, Lesson, LocalText, PredictAsk } from '../lessons/types.js';
import { recordAnswer, recordHint, recordPage } from '../progress/merge.js';
import type { Progress } from '../progress/types.js';
import { getBuiltinScenario } from '../scenario/builtins.js';
import type { Scenario, SimResult } from '../tcp/types.js';

export type Answer = string | string[];

export interface ExerciseVerdict {
  correct: boolean;
  /** The expected answer, for display once the learner may see it. */
  expected: LocalText[];
  feedback: LocalText[];
  firstWrongPosition?: number;
}

type Params = Record<string, string | number>;

export function drawExerciseParams(exercise: Exercise, rng: () => number): Params {
  return drawParams(exercise, rng);
}

export function gradeExercise(lesson: Lesson, exercise: Exercise, answer: Answer, params: Params): ExerciseVerdict {
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

export function scenarioOf(lesson: Lesson, name: string): Scenario | undefined {
  return lesson.scenarios?.[name] ?? getBuiltinScenario(name);
}

export function predictOptions(result: SimResult, at: number, ask: PredictAsk): string[] {
  return predictChoices(result, at, ask);
}

export function gradePrediction(result: SimResult, at: number, ask: PredictAsk, answer: string): ExerciseVerdict {
  return gradePredict(result, at, ask, answer);
}

/** The question a predict point asks, in words, naming the side it is about. */
export function predictQuestion(result: SimResult, at: number, ask: PredictAsk): string {
  const rest = result.events.slice(at + 1);
  if (ask === 'next-state') {
    const next = rest.find((e) => e.type === 'state');
    return `Which state does the ${next?.side ?? 'next side'} enter next?`;
  }
  const send = rest.find((e) => e.type === 'send');
  const who = send ? `the ${send.side}'s next segment` : 'the next segment';
  if (ask === 'next-flags') return `Which flags does ${who} carry?`;
  if (ask === 'next-ack') return `What acknowledgment number does ${who} carry?`;
  return `What sequence number does ${who} carry?`;
}
