// Ids are the author's to choose, and progress files may be written by hand: a lesson, a page or an exercise named
// like a member every object inherits (constructor, toString, __proto__, …) is kept, scored and merged like any
// other, and a "__proto__" key in a file is data, never a change of what the records inherit. The progress is
// checked against a model of it kept in Maps, which have no inherited names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  mergeProgress,
  parseProgress,
  recordAnswer,
  recordHint,
  recordPage,
  resetProgress,
} from '../../../src/core/progress/merge.js';
import { exerciseRecord, lessonRecord } from '../../../src/core/progress/records.js';
import {
  courseScore,
  type LessonOutline,
  lessonScore,
  lessonStatus,
  scoreOf,
  solvedCount,
} from '../../../src/core/progress/score.js';
import type { Progress } from '../../../src/core/progress/types.js';

/** Every name a plain object inherits (constructor, toString, valueOf, hasOwnProperty, __proto__, …). */
const INHERITED = Object.getOwnPropertyNames(Object.prototype);
const IDS = [...INHERITED, 'intro', 'q1'];
const at = '2026-01-01T00:00:00.000Z';

const outline = (id: string, pageIds: string[], graded: string[]): LessonOutline => ({
  id,
  title: id,
  summary: id,
  pageIds,
  graded: graded.map((g) => ({ id: g, byModel: false })),
});

/** Whether every map of the progress still inherits exactly what a plain object does. */
function prototypesIntact(p: Progress): boolean {
  const maps = [p.lessons, ...Object.values(p.lessons).map((l) => l.exercises)];
  return maps.every((m) => Object.getPrototypeOf(m) === Object.prototype);
}

describe('ids named like what every object inherits', () => {
  it.each(INHERITED)('"%s": no record until one is kept, then that record', (name) => {
    const empty = emptyProgress();
    const lesson = outline(name, [name], [name]);
    expect(lessonRecord(empty, name)).toBeUndefined();
    expect(lessonStatus(lesson, lessonRecord(empty, name))).toBe('not-started');
    expect(solvedCount(lesson, lessonRecord(empty, name))).toEqual({ solved: 0, of: 1 });
    expect(lessonScore(lesson, lessonRecord(empty, name))).toBe(0);
    expect(courseScore([lesson], empty)).toEqual({ score: 0, solved: 0, of: 1, done: 0 });

    let p = recordPage(empty, name, name, at);
    expect(lessonStatus(lesson, lessonRecord(p, name))).toBe('in-progress');
    expect(exerciseRecord(lessonRecord(p, name), name)).toBeUndefined();
    p = recordHint(p, name, name, { hintsUsed: 1, solutionShown: false, at });
    p = recordAnswer(p, name, name, { correct: true, hintsUsed: 1, solutionShown: false, at });
    const record = exerciseRecord(lessonRecord(p, name), name);
    expect(record).toMatchObject({ attempts: 1, hintsUsed: 1, solved: true, score: 0.75 });
    expect(lessonStatus(lesson, lessonRecord(p, name))).toBe('done');
    expect(courseScore([lesson], p)).toEqual({ score: 0.75, solved: 1, of: 1, done: 1 });
    expect(Object.keys(p.lessons)).toEqual([name]);
    expect(prototypesIntact(p)).toBe(true);

    // Written, read back, merged and forgotten like any other lesson's.
    const read = parseProgress(JSON.parse(JSON.stringify(p)));
    expect(read).toEqual(p);
    expect(prototypesIntact(read as Progress)).toBe(true);
    const merged = mergeProgress(recordPage(emptyProgress(), name, 'other', at), read as Progress);
    expect(exerciseRecord(lessonRecord(merged, name), name)?.solved).toBe(true);
    expect(lessonRecord(merged, name)?.seen.sort()).toEqual([name, 'other'].sort());
    expect(prototypesIntact(merged)).toBe(true);
    expect(Object.keys(resetProgress(merged, name).lessons)).toEqual([]);
  });

  it('a progress file with "__proto__" keys reads as data: nothing inherits from them, nothing else changes', () => {
    // As written by hand: JSON.parse keeps "__proto__" as a key like any other (here twice: the last one wins).
    const file = JSON.parse(`{
      "version": 1,
      "lessons": {
        "__proto__": { "seen": ["y"], "exercises": {}, "updatedAt": "${at}" },
        "__proto__": { "seen": ["x"], "exercises": { "__proto__": { "solved": true } }, "updatedAt": "${at}" },
        "constructor": { "seen": [], "exercises": {}, "updatedAt": "${at}" }
      }
    }`);
    expect(Object.keys(file.lessons)).toEqual(['__proto__', 'constructor']);
    const read = parseProgress(file) as Progress;
    expect(prototypesIntact(read)).toBe(true);
    expect(Object.keys(read.lessons)).toEqual(['__proto__', 'constructor']);
    // A lesson whose id is a field of a record ("seen", "exercises") finds nothing: the "__proto__" record is not
    // what the lessons' map inherits.
    for (const id of ['seen', 'exercises', 'updatedAt', 'page', 'solved']) {
      expect(lessonRecord(read, id)).toBeUndefined();
      expect(lessonStatus(outline(id, ['x'], ['solved']), lessonRecord(read, id))).toBe('not-started');
    }
    expect(exerciseRecord(lessonRecord(read, '__proto__'), 'solved')).toBeUndefined();
    expect(exerciseRecord(lessonRecord(read, '__proto__'), '__proto__')).toMatchObject({ solved: true });
    // Written back as read, and merged without losing it or changing a prototype.
    expect(JSON.parse(JSON.stringify(read)).lessons.__proto__.seen).toEqual(['x']);
    const merged = mergeProgress(read, recordPage(emptyProgress(), '__proto__', 'y', at));
    expect(prototypesIntact(merged)).toBe(true);
    expect(lessonRecord(merged, '__proto__')?.seen).toEqual(['x', 'y']);
    expect(exerciseRecord(lessonRecord(merged, '__proto__'), '__proto__')?.solved).toBe(true);
  });

  type Op =
    | { type: 'page'; lesson: string; page: string }
    | { type: 'answer'; lesson: string; exercise: string; correct: boolean; hintsUsed: number }
    | { type: 'hint'; lesson: string; exercise: string; hintsUsed: number; solutionShown: boolean }
    | { type: 'reset'; lesson: string };
  const id = fc.constantFrom(...IDS);
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ type: fc.constant('page' as const), lesson: id, page: id }),
    fc.record({
      type: fc.constant('answer' as const),
      lesson: id,
      exercise: id,
      correct: fc.boolean(),
      hintsUsed: fc.nat(3),
    }),
    fc.record({
      type: fc.constant('hint' as const),
      lesson: id,
      exercise: id,
      hintsUsed: fc.nat(3),
      solutionShown: fc.boolean(),
    }),
    fc.record({ type: fc.constant('reset' as const), lesson: id }),
  );

  /** What the progress should hold, kept in Maps. */
  type Model = Map<string, { seen: Set<string>; exercises: Map<string, { solved: boolean; score: number }> }>;
  function run(ops: Op[]): { progress: Progress; model: Model } {
    let progress = emptyProgress();
    const model: Model = new Map();
    for (const o of ops) {
      if (o.type === 'reset') {
        progress = resetProgress(progress, o.lesson);
        model.delete(o.lesson);
        continue;
      }
      const lesson = model.get(o.lesson) ?? { seen: new Set(), exercises: new Map() };
      model.set(o.lesson, lesson);
      if (o.type === 'page') {
        progress = recordPage(progress, o.lesson, o.page, at);
        lesson.seen.add(o.page);
      } else {
        progress =
          o.type === 'answer'
            ? recordAnswer(progress, o.lesson, o.exercise, { ...o, solutionShown: false, at })
            : recordHint(progress, o.lesson, o.exercise, { ...o, at });
        // The record itself is checked against scoreOf; the model keeps whether it is solved and its best score.
        const e = exerciseRecord(lessonRecord(progress, o.lesson), o.exercise)!;
        lesson.exercises.set(o.exercise, { solved: e.solved, score: e.score });
      }
    }
    return { progress, model };
  }

  it('keeps, scores, writes, reads and merges exactly what was recorded, whatever the ids', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.array(op, { maxLength: 25 }), (opsA, opsB) => {
        const { progress: a, model } = run(opsA);
        const { progress: b, model: modelB } = run(opsB);
        expect(prototypesIntact(a)).toBe(true);
        expect(Object.keys(a.lessons).sort()).toEqual([...model.keys()].sort());
        for (const lessonId of IDS) {
          const record = lessonRecord(a, lessonId);
          const expected = model.get(lessonId);
          expect(record !== undefined).toBe(expected !== undefined);
          if (!record || !expected) continue;
          expect(new Set(record.seen)).toEqual(expected.seen);
          expect(Object.keys(record.exercises).sort()).toEqual([...expected.exercises.keys()].sort());
          for (const exerciseId of IDS) {
            const e = exerciseRecord(record, exerciseId);
            expect(e && { solved: e.solved, score: e.score }).toEqual(expected.exercises.get(exerciseId));
            if (e) expect(e.score).toBeGreaterThanOrEqual(scoreOf(e));
          }
          // The lesson's scores from its record, as a lesson with every id as a page and a graded item.
          const lesson = outline(lessonId, IDS, IDS);
          const solved = [...expected.exercises.values()].filter((e) => e.solved).length;
          expect(solvedCount(lesson, record)).toEqual({ solved, of: IDS.length });
          const total = [...expected.exercises.values()].reduce((s, e) => s + e.score, 0);
          expect(lessonScore(lesson, record)).toBeCloseTo(total / IDS.length, 10);
          expect(lessonStatus(lesson, record)).toBe(
            expected.seen.size === IDS.length && solved === IDS.length ? 'done' : 'in-progress',
          );
        }
        // Written and read back: the same progress, the same prototypes.
        const read = parseProgress(JSON.parse(JSON.stringify(a))) as Progress;
        expect(read).toEqual(a);
        expect(prototypesIntact(read)).toBe(true);
        // Merged: every lesson and exercise of either side, solved where either side solved it.
        const merged = mergeProgress(a, b);
        expect(prototypesIntact(merged)).toBe(true);
        expect(Object.keys(merged.lessons).sort()).toEqual([...new Set([...model.keys(), ...modelB.keys()])].sort());
        for (const lessonId of IDS) {
          for (const exerciseId of IDS) {
            const either = [model, modelB].map((m) => m.get(lessonId)?.exercises.get(exerciseId));
            const e = exerciseRecord(lessonRecord(merged, lessonId), exerciseId);
            expect(e !== undefined).toBe(either.some((x) => x !== undefined));
            if (e) expect(e.solved).toBe(either.some((x) => x?.solved));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
