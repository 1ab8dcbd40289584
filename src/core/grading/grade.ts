// Grades an answer to an exercise. Expected answers are data (an option id,
// an order) or computed by core code: an arithmetic expression over the
// attempt's parameters, or a value the lesson's model computes (a TCP run's
// ack number, say) — asked through the model registry.
import { normalize } from '../answers/normalize.js';
import type { Verdict } from '../answers/verdict.js';
import type { LocalText } from '../i18n/localize.js';
import { phraseBook } from '../i18n/phrases.js';
import type { AnswerSource, Exercise, Lesson, ShortAnswerExercise } from '../lessons/types.js';
import type { Params } from '../models/kind.js';
import { ownEntry, setOwnEntry } from '../own.js';
import { runModelQuery } from '../models/registry.js';
import { evaluate } from './expression.js';
import { ZH } from './grade.zh-CN.js';

export type { Params };

const EN = {
  notANumber: (answer: string) => `“${answer}” is not a number: answer with digits, e.g. 1001.`,
  notAState: (answer: string) => `“${answer}” is not a TCP state name.`,
  empty: 'The answer is empty.',
  notMarked: (missed: number) => `${missed} right answer${missed === 1 ? ' is' : 's are'} not marked.`,
};

/** The phrases in every language they are written in (see core/i18n/phrases). */
const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
export const GRADE_PHRASES = book;

export interface GradeContext {
  params: Params;
  /** The lesson whose data files a model may read (its scenario files). */
  lesson: Pick<Lesson, 'scenarios'>;
}

/** Draws each parameter with `rng` (a function returning [0, 1)). */
export function drawParams(exercise: Exercise, rng: () => number): Params {
  const params: Params = {};
  for (const [name, spec] of Object.entries(exercise.params ?? {})) {
    if ('int' in spec) {
      const [lo, hi] = spec.int;
      setOwnEntry(params, name, lo + Math.floor(rng() * (hi - lo + 1)));
    } else {
      setOwnEntry(params, name, spec.choice[Math.floor(rng() * spec.choice.length)]!);
    }
  }
  return params;
}

function resolveSource(source: AnswerSource, ctx: GradeContext): string {
  if ('value' in source) return String(source.value);
  if ('expr' in source) return String(evaluate(source.expr, ctx.params));
  const answer = runModelQuery(source.model, ctx.params, { scenarios: ctx.lesson.scenarios });
  if ('error' in answer) throw new Error(`the answer cannot be computed: ${answer.error}`);
  return answer.value;
}

/** The expected answer of an exercise for this attempt, ready to show. */
export function expectedAnswer(exercise: Exercise, ctx: GradeContext): LocalText[] {
  switch (exercise.type) {
    case 'single':
      return [exercise.options.find((o) => o.id === exercise.answer)?.text ?? exercise.answer];
    case 'multiple':
      return exercise.options.filter((o) => exercise.answer.includes(o.id)).map((o) => o.text);
    case 'ordering':
      return exercise.answer.map((id, i) => {
        const t = exercise.items.find((it) => it.id === id)?.text ?? id;
        return typeof t === 'string'
          ? `${i + 1}. ${t}`
          : (Object.fromEntries(Object.entries(t).map(([k, v]) => [k, `${i + 1}. ${v}`])) as LocalText);
      });
    case 'short':
      return [resolveSource(exercise.answer, ctx)];
  }
}

function gradeShort(exercise: ShortAnswerExercise, answer: string, ctx: GradeContext): Verdict {
  const expectedRaw = resolveSource(exercise.answer, ctx);
  const expected = normalize(exercise.kind, expectedRaw);
  const given = normalize(exercise.kind, answer);
  const base = { expected: [expectedRaw] as LocalText[], normalized: given };
  if (given === undefined) {
    const what =
      exercise.kind === 'number'
        ? say('notANumber', answer.trim())
        : exercise.kind === 'state'
          ? say('notAState', answer.trim())
          : say('empty');
    return { ...base, correct: false, feedback: [what] };
  }
  const accepted = [expected, ...(exercise.accept ?? []).map((a) => normalize(exercise.kind, a))];
  if (accepted.includes(given)) return { ...base, correct: true, feedback: [] };
  for (const mistake of exercise.mistakes ?? []) {
    const raw =
      typeof mistake.answer === 'object' ? String(evaluate(mistake.answer.expr, ctx.params)) : String(mistake.answer);
    if (normalize(exercise.kind, raw) === given) return { ...base, correct: false, feedback: [mistake.why] };
  }
  return { ...base, correct: false, feedback: [] };
}

export function grade(exercise: Exercise, answer: string | string[], ctx: GradeContext): Verdict {
  const expected = expectedAnswer(exercise, ctx);
  switch (exercise.type) {
    case 'single': {
      const chosen = Array.isArray(answer) ? answer[0] : answer;
      const option = exercise.options.find((o) => o.id === chosen);
      return { correct: chosen === exercise.answer, expected, feedback: option ? [option.why] : [] };
    }
    case 'multiple': {
      const chosen = new Set(Array.isArray(answer) ? answer : [answer]);
      const right = new Set(exercise.answer);
      const correct = chosen.size === right.size && [...chosen].every((id) => right.has(id));
      // The chosen options' whys, the wrong ones first: they are what the learner has to unlearn.
      const feedback: LocalText[] = reviewChoices(exercise, [...chosen], false)
        .filter((o) => o.why !== undefined)
        .map((o) => o.why!);
      const missed = exercise.answer.filter((id) => !chosen.has(id)).length;
      if (!correct && missed > 0) {
        feedback.push(say('notMarked', missed));
      }
      return { correct, expected, feedback };
    }
    case 'ordering': {
      const order = Array.isArray(answer) ? answer : [answer];
      const wrongAt = exercise.answer.findIndex((id, i) => order[i] !== id);
      const correct = wrongAt < 0 && order.length === exercise.answer.length;
      const feedback: LocalText[] = [];
      if (!correct) {
        const misplaced = order[wrongAt];
        const why = misplaced ? ownEntry(exercise.why, misplaced) : undefined;
        if (why) feedback.push(why);
      }
      return { correct, expected, feedback, ...(correct ? {} : { firstWrongPosition: Math.max(0, wrongAt) }) };
    }
    case 'short':
      return gradeShort(exercise, Array.isArray(answer) ? answer.join(' ') : answer, ctx);
  }
}

/** One option of a choice question after an answer, as much of it as the learner may see. */
export interface OptionReview {
  id: string;
  text: LocalText;
  chosen: boolean;
  /** Whether it is a right answer; undefined while saying so would give the answer away. */
  right?: boolean;
  /** Why it is right or wrong, when that may be shown. */
  why?: LocalText;
}

/**
 * What an answer to a choice question may show of each option, in the order
 * its whys should be read: the wrong options chosen first, then the right
 * ones chosen, then (once `revealed`: solved, or the solution shown) the
 * right ones not chosen and the wrong ones not chosen. Before that, options
 * not chosen stay silent: the why of a right option not chosen names the
 * answer, and the whys of the wrong ones not chosen name it by elimination.
 */
export function reviewChoices(
  exercise: Extract<Exercise, { type: 'single' | 'multiple' }>,
  chosen: readonly string[],
  revealed: boolean,
): OptionReview[] {
  const right = new Set(typeof exercise.answer === 'string' ? [exercise.answer] : exercise.answer);
  const rank = (o: OptionReview) => (o.chosen ? (o.right ? 1 : 0) : o.right ? 2 : 3);
  return exercise.options
    .map((o): OptionReview => {
      const isChosen = chosen.includes(o.id);
      const shown = isChosen || revealed;
      return {
        id: o.id,
        text: o.text,
        chosen: isChosen,
        ...(shown ? { right: right.has(o.id), why: o.why } : {}),
      };
    })
    .sort((a, b) => (a.right === undefined ? 4 : rank(a)) - (b.right === undefined ? 4 : rank(b)));
}
