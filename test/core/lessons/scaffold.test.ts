// The lesson `lessons new` writes loads clean, teaches each part of the format
// it promises, and its answers are right: the computed one against answers
// worked out by hand, the predict question against the engine.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tcpOf } from '../../helpers/tcp-page.js';
import { drawParams, grade } from '../../../src/core/grading/grade.js';
import { predictExpected } from '../../../src/core/models/tcp/predict.js';
import { isKebabId, kebabIdFrom, scaffoldLesson } from '../../../src/core/lessons/scaffold.js';
import type { Lesson } from '../../../src/core/lessons/types.js';
import { findEvent } from '../../../src/core/models/tcp/player.js';
import { getBuiltinScenario } from '../../../src/core/scenario/builtins.js';
import { simulate } from '../../../src/core/tcp/simulate.js';
import { loadLessonFolder } from '../../../src/node/lesson-files.js';
import { writeLessonFiles } from '../../helpers/lesson-folder.js';

/** The scaffold written to a folder and loaded as `lessons check` loads it; `id` may be one it would refuse. */
function load(id: string) {
  const dir = mkdtempSync(join(tmpdir(), 'nettutor-scaffold-'));
  const files = Object.fromEntries(scaffoldLesson('placeholder', './schema.json').map((f) => [f.name, f.text]));
  files['lesson.jsonc'] = files['lesson.jsonc']!.replace('"id": "placeholder"', `"id": ${JSON.stringify(id)}`);
  return loadLessonFolder(writeLessonFiles(dir, 'lesson', files), dir);
}

describe('the lesson `lessons new` writes', () => {
  it('is lesson.jsonc and en.md, and loads with no problem and no warning', () => {
    expect(scaffoldLesson('my-lesson', './s.json').map((f) => f.name)).toEqual(['lesson.jsonc', 'en.md']);
    const r = load('my-lesson');
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.lesson?.id).toBe('my-lesson');
  });

  it('names its $schema and explains its parts in comments', () => {
    const structure = scaffoldLesson('x', '../../node_modules/nettutor/schema/lesson.schema.json')[0]!.text;
    expect(structure).toContain('"$schema": "../../node_modules/nettutor/schema/lesson.schema.json"');
    expect(structure.split('\n').filter((l) => l.trim().startsWith('//')).length).toBeGreaterThanOrEqual(10);
  });

  const lesson = load('parts').lesson as Lesson;

  it('has a page of text, a TCP player with a predict question, a single choice and a computed short answer', () => {
    const kinds = lesson.pages.map((p) =>
      p.exercise
        ? `${p.exercise.type}${p.exercise.params ? ' with params' : ''}`
        : tcpOf(p)
          ? `model with ${tcpOf(p)!.predict?.length ?? 0} predict`
          : 'text',
    );
    expect(kinds).toEqual(['text', 'model with 1 predict', 'single', 'short with params']);
  });

  it('gives every option of its choice question a why, and only one option is right', () => {
    const e = lesson.pages.find((p) => p.exercise?.type === 'single')!.exercise!;
    if (e.type !== 'single') throw new Error('expected a single-choice exercise');
    const ctx = { params: {}, lesson };
    const right = e.options.filter((o) => grade(e, o.id, ctx).correct);
    expect(right.map((o) => o.id)).toEqual([e.answer]);
    for (const o of e.options) expect(grade(e, o.id, ctx).feedback).toEqual([o.why]);
  });

  // The third segment of the handshake acknowledges the server's SYN: ack = server ISN + 1.
  it.each([
    [0, 1000],
    [0.5, 45500],
    [0.999999, 90000],
  ])('computes the short answer from the drawn ISN (draw %s: ISN %s)', (r, isn) => {
    const e = lesson.pages.find((p) => p.exercise?.type === 'short')!.exercise!;
    const params = drawParams(e, () => r);
    expect(params).toEqual({ isn });
    const ctx = { params, lesson };
    expect(grade(e, String(isn + 1), ctx).correct).toBe(true);
    const mistake = grade(e, String(isn), ctx);
    expect(mistake.correct).toBe(false);
    expect(mistake.feedback).toHaveLength(1);
    expect(String(Object.values(mistake.feedback[0]!)[0])).toContain("server's ISN itself");
  });

  it('asks its predict question at an event the run has: the SYN,ACK acknowledges 1001', () => {
    const sim = tcpOf(lesson.pages.find((p) => tcpOf(p)))!;
    const run = simulate(getBuiltinScenario(sim.scenario)!);
    const q = sim.predict![0]!;
    const at = findEvent(run.events, q.before);
    expect(at).toBeGreaterThan(0);
    expect(predictExpected(run, at - 1, q.ask)).toBe('1001');
  });

  it('refuses an id that is not kebab-case', () => {
    expect(() => scaffoldLesson('My Lesson', './s.json')).toThrow('not a kebab-case id');
  });
});

describe('lesson ids', () => {
  // The same rule as the loader's: an id it accepts is kebab-case, and no other.
  it.each(['a', 'my-lesson', 'tcp-101', '9'])('%s is kebab-case, and the loader takes it', (id) => {
    expect(isKebabId(id)).toBe(true);
    expect(load(id).problems).toEqual([]);
  });

  it.each(['My-Lesson', 'my_lesson', 'my--lesson', '-my', 'my-', 'my lesson', ''])(
    '"%s" is not, and the loader refuses it',
    (id) => {
      expect(isKebabId(id)).toBe(false);
      expect(load(id).problems.map((p) => p.field)).toContain('id');
    },
  );

  it.each([
    ['My Lesson', 'my-lesson'],
    ['TCP_101: the basics', 'tcp-101-the-basics'],
    ['--x--', 'x'],
    ['???', undefined],
  ])('%s as an id: %s', (given, id) => {
    expect(kebabIdFrom(given)).toBe(id);
  });
});
