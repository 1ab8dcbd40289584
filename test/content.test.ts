// Every shipped lesson is checked like `rustlings dev check`: it validates,
// every computed answer grades right, every wrong answer grades wrong, and
// every predict question can be answered from the engine's run.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { drawParams, expectedAnswer, grade, makeRunScenario } from '../src/core/grading/grade.js';
import { gradePredict, predictChoices, predictExpected } from '../src/core/grading/predict.js';
import { text } from '../src/core/lessons/localize.js';
import type { Exercise, Lesson } from '../src/core/lessons/types.js';
import { findEvent } from '../src/core/player/machine.js';
import { getBuiltinScenario } from '../src/core/scenario/builtins.js';
import { simulate } from '../src/core/tcp/simulate.js';
import { loadLessonPack } from '../src/node/lesson-files.js';

const dir = fileURLToPath(new URL('../lessons/', import.meta.url));
const loaded = loadLessonPack(dir, 'builtin');

function wrongAnswers(e: Exercise, expected: string): Array<string | string[]> {
  switch (e.type) {
    case 'single':
      return e.options.filter((o) => o.id !== e.answer).map((o) => o.id);
    case 'multiple':
      return [
        e.answer.slice(1),
        [
          ...e.answer,
          ...e.options
            .filter((o) => !e.answer.includes(o.id))
            .map((o) => o.id)
            .slice(0, 1),
        ],
      ];
    case 'ordering':
      return [e.items.map((i) => i.id), [...e.answer].reverse()];
    case 'short':
      return e.kind === 'number' ? [String(Number(expected) + 1), String(Number(expected) - 1)] : ['not-the-answer'];
  }
}

describe('the shipped lessons', () => {
  it('all validate, and nothing in lessons/ is left over', () => {
    expect(loaded.problems).toEqual([]);
    const folders = readdirSync(dir).filter((f) => !f.startsWith('.'));
    expect(loaded.lessons).toHaveLength(folders.length);
  });

  it('have unique ids and orders, an English title and a zh-CN title', () => {
    expect(new Set(loaded.lessons.map((l) => l.id)).size).toBe(loaded.lessons.length);
    expect(new Set(loaded.lessons.map((l) => l.order)).size).toBe(loaded.lessons.length);
    for (const l of loaded.lessons) expect(text(l.title, 'zh-CN')).not.toBe(text(l.title, 'en'));
  });

  for (const lesson of loaded.lessons as Lesson[]) {
    describe(lesson.id, () => {
      for (const page of lesson.pages.filter((p) => p.exercise)) {
        const e = page.exercise!;
        it(`${e.id}: the expected answer grades right and wrong answers grade wrong`, () => {
          for (const r of [0, 0.37, 0.999]) {
            const params = drawParams(e, () => r);
            const ctx = { params, runScenario: makeRunScenario(lesson) };
            const expected = expectedAnswer(e, ctx);
            const right: string | string[] =
              e.type === 'short' ? text(expected[0]!, 'en') : e.type === 'single' ? e.answer : e.answer;
            expect(grade(e, right, ctx).correct).toBe(true);
            for (const wrong of wrongAnswers(e, text(expected[0]!, 'en')))
              expect(grade(e, wrong, ctx).correct).toBe(false);
          }
        });
      }
      for (const page of lesson.pages.filter((p) => p.simulation)) {
        const sim = page.simulation!;
        it(`${page.id}: its scenario runs and every predict question has an answer among its choices`, () => {
          const scenario = lesson.scenarios?.[sim.scenario] ?? getBuiltinScenario(sim.scenario);
          expect(scenario).toBeDefined();
          const result = simulate(scenario!);
          for (const point of sim.predict ?? []) {
            const at = findEvent(result.events, point.before);
            expect(at, `${point.id} selects no event`).toBeGreaterThan(0);
            const expected = predictExpected(result, at - 1, point.ask);
            expect(expected).toBeDefined();
            expect(predictChoices(result, at - 1, point.ask)).toContain(expected);
            expect(gradePredict(result, at - 1, point.ask, expected!).correct).toBe(true);
          }
        });
      }
    });
  }
});
