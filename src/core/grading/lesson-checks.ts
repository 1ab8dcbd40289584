// The checks of a lesson that need its models to run: every computed answer
// can be computed (with the parameters drawn at both ends of their ranges),
// and every model block passes its kind's own checks (a TCP predict question
// points at an event its run really has, with an answer after it).
// `validateLesson` is the whole check: shape first, then these.
import { type LessonData, type ParseContext, parseLesson } from '../lessons/parse.js';
import type { Exercise } from '../lessons/types.js';
import { findKind, runModelQuery } from '../models/registry.js';
import type { FieldProblem } from '../schema/checker.js';
import { evaluate } from './expression.js';
import { drawParams } from './grade.js';

/** Shape, then the models: every problem found, with its field path. */
export function validateLesson(
  json: unknown,
  ctx: ParseContext = {},
): { lesson?: LessonData; problems: FieldProblem[] } {
  const parsed = parseLesson(json, ctx);
  if (!parsed.lesson) return parsed;
  const problems = checkLessonRuns(parsed.lesson);
  return problems.length > 0 ? { problems } : parsed;
}

function checkLessonRuns(lesson: LessonData): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const ctx = { scenarios: lesson.scenarios };
  lesson.pages.forEach((page, i) => {
    if (page.exercise) {
      const error = answerError(page.exercise, lesson);
      if (error)
        problems.push({ field: `pages[${i}].exercise.answer`, message: `the answer cannot be computed: ${error}` });
    }
    if (page.model) {
      const kind = findKind(page.model.kind);
      for (const p of kind?.checkBlock(page.model.settings, ctx) ?? []) {
        problems.push({ field: `pages[${i}].model.${p.field}`, message: p.message });
      }
    }
  });
  return problems;
}

/** Why the exercise's expected answer cannot be computed, or undefined when it can. */
function answerError(exercise: Exercise, lesson: LessonData): string | undefined {
  if (exercise.type !== 'short') return undefined;
  for (const pick of [() => 0, () => 0.999999]) {
    const params = drawParams(exercise, pick);
    try {
      const source = exercise.answer;
      if ('expr' in source) evaluate(source.expr, params);
      if ('model' in source) {
        const value = runModelQuery(source.model, params, { scenarios: lesson.scenarios });
        if ('error' in value) return value.error;
      }
      for (const m of exercise.mistakes ?? []) if (typeof m.answer === 'object') evaluate(m.answer.expr, params);
    } catch (error) {
      return (error as Error).message;
    }
  }
  return undefined;
}
