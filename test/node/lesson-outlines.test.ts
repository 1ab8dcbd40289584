// The lessons' outlines (dist/lesson-outlines.json), which the start of the
// tutorial draws the first home screen from before the lessons are read: the
// file is the outlines of the lessons as the tutorial loads them, and for any
// progress an outline answers every score question as its lesson does, so the
// home screen drawn from outlines is the one drawn from the lessons, line for
// line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lessons/types.js';
import {
  courseScore,
  gradedIds,
  lessonScore,
  lessonStatus,
  outlineOf,
  solvedCount,
} from '../../src/core/progress/score.js';
import type { LessonRecord, Progress } from '../../src/core/progress/types.js';
import { loadInstalledLessons } from '../../src/node/builtin-lessons.js';
import { OUTLINES_FORMAT, readLessonOutlines } from '../../src/node/lesson-outlines.js';
import { makeTheme } from '../../src/ui/make-theme.js';
import { homeLines } from '../../src/ui/screens/home-lines.js';

const root = new URL('../../', import.meta.url).pathname;
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const outlinesFile = join(root, 'dist', 'lesson-outlines.json');
const { lessons } = await loadInstalledLessons({
  builtinLessonsDir: join(root, 'lessons'),
  compiledLessonsFile: join(root, 'dist', 'lessons.json'),
  version,
});

/** A lesson's record: some of its pages seen, some of its graded items (and an id it does not have) answered. */
const recordOf = (lesson: Lesson): fc.Arbitrary<LessonRecord | undefined> => {
  const ids = [...gradedIds(lesson), 'not-in-this-lesson'];
  const exercise = fc.record({
    attempts: fc.nat(4),
    hintsUsed: fc.nat(3),
    solved: fc.boolean(),
    solutionShown: fc.boolean(),
    score: fc.constantFrom(0, 0.25, 0.5, 0.9, 1),
    updatedAt: fc.constant('2026-11-30T10:00:00.000Z'),
  });
  return fc.option(
    fc.record({
      seen: fc.subarray(lesson.pages.map((p) => p.id)),
      exercises: fc
        .array(fc.tuple(fc.constantFrom(...ids), exercise), { maxLength: ids.length + 2 })
        .map((entries) => Object.fromEntries(entries)),
      updatedAt: fc.constant('2026-11-30T10:00:00.000Z'),
    }),
    { nil: undefined },
  );
};

const progressOf = fc.tuple(...lessons.map((l) => recordOf(l))).map((records): Progress => {
  const kept: Progress['lessons'] = {};
  records.forEach((r, i) => {
    if (r) kept[lessons[i]!.id] = r;
  });
  return { version: 1, lessons: kept } as Progress;
});

describe('the lessons’ outlines', () => {
  it('are in dist/lesson-outlines.json as the tutorial loads the lessons: in order, review pages filled in', () => {
    expect(lessons.length).toBeGreaterThan(5);
    expect(readLessonOutlines(outlinesFile, version)).toEqual(lessons.map(outlineOf));
    // A review lesson counts the items of the lessons it draws on, not the one item its page names unfilled.
    const review = lessons.find((l) => l.pages.some((p) => p.review));
    expect(review, 'a built-in review lesson').toBeDefined();
    expect(gradedIds(review!).some((id) => id.includes('/'))).toBe(true);
  });

  it('answer status, score and items solved as their lessons do, for any progress', () => {
    const outlines = lessons.map(outlineOf);
    fc.assert(
      fc.property(progressOf, (progress) => {
        lessons.forEach((lesson, i) => {
          const outline = outlines[i]!;
          const record = progress.lessons[lesson.id];
          expect(lessonStatus(outline, record)).toBe(lessonStatus(lesson, record));
          expect(lessonScore(outline, record)).toBe(lessonScore(lesson, record));
          expect(solvedCount(outline, record)).toEqual(solvedCount(lesson, record));
        });
        expect(courseScore(outlines, progress)).toEqual(courseScore(lessons, progress));
      }),
      { numRuns: 200 },
    );
  });

  it('draw the home screen the lessons draw, line for line, at any size and in either language', () => {
    const outlines = lessons.map(outlineOf);
    fc.assert(
      fc.property(
        progressOf,
        fc.nat(lessons.length - 1),
        fc.integer({ min: 20, max: 140 }),
        fc.integer({ min: 4, max: 50 }),
        fc.constantFrom('en', 'zh-CN'),
        fc.boolean(),
        (progress, homeIndex, width, height, locale, ascii) => {
          const theme = makeTheme({ color: true, ascii });
          expect(homeLines({ lessons: outlines, homeIndex, progress }, [], width, height, theme, locale)).toEqual(
            homeLines({ lessons, homeIndex, progress }, [], width, height, theme, locale),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('are not used from a file of another version or format, nor from a missing or broken one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-outlines-'));
    const file = join(dir, 'lesson-outlines.json');
    const good = { format: OUTLINES_FORMAT, version, lessons: lessons.map(outlineOf) };
    writeFileSync(file, JSON.stringify(good));
    expect(readLessonOutlines(file, version)).toHaveLength(lessons.length);
    expect(readLessonOutlines(file, '9.9.9')).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...good, format: OUTLINES_FORMAT + 1 }));
    expect(readLessonOutlines(file, version)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...good, lessons: {} }));
    expect(readLessonOutlines(file, version)).toBeUndefined();
    writeFileSync(file, '{"format": 1, "vers');
    expect(readLessonOutlines(file, version)).toBeUndefined();
    expect(readLessonOutlines(join(dir, 'missing.json'), version)).toBeUndefined();
  });
});
