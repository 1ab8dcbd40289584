// The TCP lessons in a real pseudo-terminal (tmux), with the built CLI, as a
// learner goes through them: in each, answer the first predict question of
// its first player and the first choice question after that player, rightly,
// and find both solved in the progress file after quitting.
import { describe, expect, it } from 'vitest';
import { text } from '../../src/core/i18n/localize.js';
import type { Lesson } from '../../src/core/lessons/types.js';
import { findEvent } from '../../src/core/models/tcp/player.js';
import { predictChoices, predictExpected } from '../../src/core/models/tcp/predict.js';
import { getBuiltinScenario } from '../../src/core/scenario/builtins.js';
import { simulate } from '../../src/core/tcp/simulate.js';
import { builtinLessons as lessons } from '../helpers/builtin-lessons.js';
import { tcpOf } from '../helpers/tcp-page.js';
import { hasTmux, openLesson } from '../helpers/tmux.js';

/** What the learner meets first: the first player with a predict question, and the first choice question after it. */
function firstQuestions(lesson: Lesson) {
  const watch = lesson.pages.findIndex((p) => tcpOf(p)?.predict?.length);
  const model = tcpOf(lesson.pages[watch]!)!;
  const point = model.predict![0]!;
  const result = simulate(getBuiltinScenario(model.scenario)!);
  const at = findEvent(result.events, point.before) - 1;
  const choices = predictChoices(result, at, point.ask);
  const expected = predictExpected(result, at, point.ask)!;
  const choice = lesson.pages.findIndex((p, i) => i > watch && p.exercise?.type === 'single');
  const exercise = lesson.pages[choice]!.exercise!;
  if (exercise.type !== 'single') throw new Error('not a single choice');
  return {
    watch,
    point: point.id,
    expected,
    predictDowns: choices.indexOf(expected),
    choice,
    exercise: exercise.id,
    exerciseDowns: exercise.options.findIndex((o) => o.id === exercise.answer),
    // Pages between the player and the question, turned with n: none may be a typed answer, which would take the n.
    between: lesson.pages.slice(watch + 1, choice),
  };
}

const down = (n: number) => Array.from({ length: n }, () => 'Down');

describe.skipIf(!hasTmux)('the TCP lessons in a terminal', () => {
  it.each(['three-way-handshake', 'close-wait'])(
    '%s: a predict question in the player and a choice question, answered and kept',
    async (id) => {
      const lesson = lessons.find((l) => l.id === id);
      expect(lesson, `no built-in lesson ${id}`).toBeDefined();
      const q = firstQuestions(lesson!);
      expect(q.between.every((p) => p.exercise?.type !== 'short' && !tcpOf(p))).toBe(true);
      const { s, turnTo, saved } = await openLesson(lesson!, { at: q.watch + 1, lang: null });
      await s.waitFor('❚❚ paused');
      // End plays to the last event, but the player stops before the first predict point and asks.
      s.keys('End');
      await s.waitFor('Enter answer');
      s.keys(...down(q.predictDowns), 'Enter');
      expect(await s.waitFor(/Right:|The model's answer/)).toContain(`Right: ${q.expected}`);
      await turnTo(q.choice + 1);
      await s.waitFor(text(lesson!.pages[q.choice]!.title!, 'en'));
      s.keys(...down(q.exerciseDowns), 'Enter');
      await s.waitFor('Correct');
      s.keys('q');
      expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
      const { exercises } = saved();
      expect(exercises[q.point]).toMatchObject({ solved: true, attempts: 1 });
      expect(exercises[q.exercise]).toMatchObject({ solved: true, attempts: 1 });
    },
  );
});
