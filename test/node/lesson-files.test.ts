import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, isInside, loadLessonPack, loadLessons } from '../../src/node/lesson-files.js';

function pack(lessons: Record<string, string>) {
  const d = mkdtempSync(join(tmpdir(), 'nettutor-lessons-'));
  for (const [folder, text] of Object.entries(lessons)) {
    mkdirSync(join(d, folder), { recursive: true });
    writeFileSync(join(d, folder, 'lesson.json'), text);
  }
  return d;
}

const lesson = (id: string, order = 1, extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    { formatVersion: 1, id, order, title: id, summary: 's', pages: [{ id: 'p', text: 't' }], ...extra },
    null,
    2,
  );

describe('loading lesson folders', () => {
  it('loads valid lessons in order and reports each bad file with its line and field', () => {
    const bad = lesson('bad', 0).replace('"summary": "s"', '"summary": 7');
    const d = pack({ b: lesson('second', 2), a: lesson('first', 1), c: bad });
    const r = loadLessonPack(d, 'test');
    expect(r.lessons.map((l) => l.id)).toEqual(['first', 'second']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 6, field: 'summary' });
    expect(formatProblem(r.problems[0]!, d)).toBe(
      'c/lesson.json:6: summary: expected a text (a string, or {"en": "…", "zh-CN": "…"}), found 7',
    );
  });

  it('reports invalid JSON with line and column instead of throwing', () => {
    const d = pack({ x: '{\n  "id": "x",\n  oops\n}' });
    const r = loadLessonPack(d, 'test');
    expect(r.lessons).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/invalid JSON: \w+ at line 3, column 3/);
  });

  it('says what is wrong with a folder that is missing or holds no lessons', () => {
    expect(loadLessonPack('/nonexistent/lessons', 'x').problems[0]!.message).toContain('the folder does not exist');
    expect(loadLessonPack(mkdtempSync(join(tmpdir(), 'empty-')), 'x').problems[0]!.message).toContain(
      'no lessons found',
    );
  });

  it('adds --lessons to the built-in ones, and a lesson with the same id replaces the built-in', () => {
    const builtin = pack({ one: lesson('one', 1), two: lesson('two', 2) });
    const extra = pack({ two: lesson('two', 5, { title: 'Better two' }), three: lesson('three', 3) });
    const r = loadLessons({ builtinDir: builtin, extraDir: extra });
    expect(r.lessons.map((l) => l.id)).toEqual(['one', 'three', 'two']);
    expect(r.lessons.find((l) => l.id === 'two')!.title).toBe('Better two');
    expect(r.notices[0]).toContain('replaces the built-in one');
  });

  it('loads scenario files a lesson names, and validates them', () => {
    const d = pack({
      s: lesson('s', 1, {
        pages: [{ id: 'p', simulation: { scenario: 'mine.json' } }],
      }),
    });
    writeFileSync(join(d, 's', 'mine.json'), JSON.stringify({ actions: [{ at: 0, side: 'client', call: 'connect' }] }));
    const ok = loadLessonPack(d, 'test');
    expect(ok.problems).toEqual([]);
    expect(ok.lessons[0]!.scenarios?.['mine.json']?.name).toBe('mine');
    writeFileSync(join(d, 's', 'mine.json'), JSON.stringify({ actions: [{ at: 0, side: 'client', call: 'dial' }] }));
    const bad = loadLessonPack(d, 'test');
    expect(bad.problems[0]).toMatchObject({ field: 'actions[0].call', line: 1 });
  });

  it('refuses a scenario outside the lesson folder, also in a sibling folder whose name starts the same', () => {
    const scenario = JSON.stringify({ actions: [{ at: 0, side: 'client', call: 'connect' }] });
    const withScenario = (name: string) => lesson('l1', 1, { pages: [{ id: 'p', simulation: { scenario: name } }] });
    const d = pack({ l1: withScenario('../l1-evil/s.json') });
    mkdirSync(join(d, 'l1-evil'));
    writeFileSync(join(d, 'l1-evil', 's.json'), scenario);
    const sibling = loadLessonPack(d, 'test');
    expect(sibling.lessons).toEqual([]);
    expect(sibling.problems).toContainEqual(
      expect.objectContaining({ message: 'scenario "../l1-evil/s.json" is outside the lesson folder' }),
    );

    // A symlink inside the folder that points out of it is outside too.
    symlinkSync(join(d, 'l1-evil', 's.json'), join(d, 'l1', 'link.json'));
    writeFileSync(join(d, 'l1', 'lesson.json'), withScenario('link.json'));
    const linked = loadLessonPack(d, 'test');
    expect(linked.lessons).toEqual([]);
    expect(linked.problems).toContainEqual(
      expect.objectContaining({ message: 'scenario "link.json" is outside the lesson folder' }),
    );

    // A file in a subfolder is inside, and so is a lesson folder reached through a symlink.
    mkdirSync(join(d, 'l1', 'sub'));
    writeFileSync(join(d, 'l1', 'sub', 's.json'), scenario);
    writeFileSync(join(d, 'l1', 'lesson.json'), withScenario('sub/s.json'));
    expect(loadLessonPack(d, 'test')).toMatchObject({ problems: [], lessons: [{ id: 'l1' }] });
    const other = mkdtempSync(join(tmpdir(), 'nettutor-link-'));
    symlinkSync(join(d, 'l1'), join(other, 'l1'));
    expect(loadLessonPack(other, 'test')).toMatchObject({ problems: [], lessons: [{ id: 'l1' }] });
  });

  it('tells inside from outside by path segments, not by letters', () => {
    expect(isInside('/x/l1', '/x/l1/s.json')).toBe(true);
    expect(isInside('/x/l1', '/x/l1/..s.json')).toBe(true);
    expect(isInside('/x/l1', '/x/l1-evil/s.json')).toBe(false);
    expect(isInside('/x/l1', '/x/l1')).toBe(false);
    expect(isInside('/x/l1', '/x/s.json')).toBe(false);
    expect(isInside('/x/l1/', '/x/l1/a/../../l1-evil/s.json')).toBe(false);
  });
});
