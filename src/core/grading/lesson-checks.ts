// The checks of a lesson that need the engine: every computed answer can be
// computed (with the parameters drawn at both ends of their ranges), and every
// predict question points at an event its run really has, with an answer
// after it. `validateLesson` is the whole check: shape first, then these.
import { interpolate } from '../i18n/localize.js';
import { type LessonData, type ParseContext, parseLesson } from '../lessons/parse.js';
import type { Exercise } from '../lessons/types.js';
import { findEvent } from '../models/tcp/player.js';
import { findScenario } from '../scenario/builtins.js';
import type { FieldProblem } from '../schema/checker.js';
import { simulate } from '../tcp/simulate.js';
import { evaluate } from './expression.js';
import { type Params, drawParams, makeRunScenario } from './grade.js';
import { predictExpected } from '../models/tcp/predict.js';
import { runQuery } from '../models/tcp/query.js';

/** Shape, then the engine: every problem found, with its field path. */
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
  lesson.pages.forEach((page, i) => {
    if (page.exercise) {
      const error = answerError(page.exercise, lesson);
      if (error)
        problems.push({ field: `pages[${i}].exercise.answer`, message: `the answer cannot be computed: ${error}` });
    }
    const sim = page.simulation;
    const scenario = sim && findScenario(sim.scenario, lesson.scenarios);
    if (!sim?.predict?.length || !scenario) return;
    const run = simulate(scenario);
    sim.predict.forEach((q, j) => {
      const path = `pages[${i}].model.predict[${j}]`;
      const at = findEvent(run.events, q.before);
      if (at < 0) {
        problems.push({
          field: `${path}.before`,
          message: `the run of "${sim.scenario}" has no such event (${JSON.stringify(q.before)})`,
        });
      } else if (at === 0) {
        problems.push({
          field: `${path}.before`,
          message: 'selects the very first event: there is nothing before it to pause at',
        });
      } else if (predictExpected(run, at - 1, q.ask) === undefined) {
        problems.push({ field: `${path}.ask`, message: `nothing answers "${q.ask}" after that point of the run` });
      }
    });
  });
  return problems;
}

/** Why the exercise's expected answer cannot be computed, or undefined when it can. */
function answerError(exercise: Exercise, lesson: LessonData): string | undefined {
  if (exercise.type !== 'short') return undefined;
  const runScenario = makeRunScenario(lesson);
  for (const pick of [() => 0, () => 0.999999]) {
    const params = drawParams(exercise, pick);
    try {
      const source = exercise.answer;
      if ('expr' in source) evaluate(source.expr, params);
      if ('sim' in source) {
        const set: Params = {};
        for (const [k, v] of Object.entries(source.sim.set ?? {})) {
          set[k] = typeof v === 'string' ? interpolate(v, params) : v;
        }
        const value = runQuery(runScenario(source.sim.scenario, set), source.sim.query);
        if ('error' in value) return value.error;
      }
      for (const m of exercise.mistakes ?? []) if (typeof m.answer === 'object') evaluate(m.answer.expr, params);
    } catch (error) {
      return (error as Error).message;
    }
  }
  return undefined;
}
