import { english } from '../../src/node/notices.js';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, isInside, loadLessonFolder, loadLessonPack, loadLessons } from '../../src/node/lesson-files.js';
import { writeLesson, writeLessonFiles } from '../helpers/lesson-folder.js';

type LessonDoc = Record<string, unknown>;

function pack(lessons: Record<string, LessonDoc>) {
  const d = mkdtempSync(join(tmpdir(), 'nettutor-lessons-'));
  for (const [folder, doc] of Object.entries(lessons)) writeLesson(d, folder, doc);
  return d;
}

const lesson = (id: string, order = 1, extra: LessonDoc = {}): LessonDoc => ({
  id,
  order,
  title: id,
  summary: 's',
  pages: [{ id: 'p', text: 't' }],
  ...extra,
});

const STRUCTURE = `{
  "formatVersion": 2,
  // comments are allowed
  "id": "demo",
  "order": 1,
  "pages": [
    { "id": "intro" },
    { "id": "q", "exercise": { "id": "pick", "type": "single", "options": ["a", "b"], "answer": "a" } },
  ]
}
`;
const EN = `# Demo

A demo lesson.

## intro: Hello

Some text.

## q

### prompt

Pick one.

### option a

A

### why a

Because.

### option b

B

### why b

Not b.

### hint

Think.
`;
describe('loading lesson folders', () => {
  it('loads valid lessons in order and reports each bad file with its line and field', () => {
    const d = pack({ b: lesson('second', 2), a: lesson('first', 1) });
    writeLessonFiles(d, 'c', { 'lesson.jsonc': STRUCTURE.replace('"order": 1', '"order": "one"'), 'en.md': EN });
    const r = loadLessonPack(d, 'test');
    expect(r.lessons.map((l) => l.id)).toEqual(['first', 'second']);
    expect(r.problems).toEqual([expect.objectContaining({ line: 5, field: 'order' })]);
    expect(formatProblem(r.problems[0]!, d)).toBe('c/lesson.jsonc:5: order: expected a number, found "one"');
  });

  it('reads comments and trailing commas in lesson.jsonc, and the texts of en.md', () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-lessons-'));
    const r = loadLessonFolder(writeLessonFiles(d, 'demo', { 'lesson.jsonc': STRUCTURE, 'en.md': EN }), 'test');
    expect(r.problems).toEqual([]);
    expect(r.lesson).toMatchObject({
      id: 'demo',
      title: { en: 'Demo' },
      summary: { en: 'A demo lesson.' },
      pages: [
        { id: 'intro', title: { en: 'Hello' }, text: { en: 'Some text.' } },
        {
          id: 'q',
          exercise: {
            prompt: { en: 'Pick one.' },
            options: [
              { id: 'a', text: { en: 'A' }, why: { en: 'Because.' } },
              { id: 'b', text: { en: 'B' }, why: { en: 'Not b.' } },
            ],
            hints: [{ en: 'Think.' }],
          },
        },
      ],
    });
  });

  it('points a problem in a text at its line in the locale file', () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-lessons-'));
    const folder = writeLessonFiles(d, 'demo', {
      'lesson.jsonc': STRUCTURE,
      'en.md': EN.replace('Pick one.', 'Pick {n}.').replace('### why b\n\nNot b.\n\n', ''),
    });
    const r = loadLessonFolder(folder, 'test');
    expect(r.problems.map((p) => formatProblem(p, d))).toEqual([
      'demo/en.md:9: pages[1].exercise.options[1].why: missing "### why b" under "## q"',
      'demo/en.md:11: pages[1].exercise.prompt: uses {n}, which is not a declared parameter (see "params")',
    ]);
  });

  it('names a text the structure has no place for, and a text in the structure', () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-lessons-'));
    const folder = writeLessonFiles(d, 'demo', {
      'lesson.jsonc': STRUCTURE.replace('"order": 1,', '"order": 1,\n  "title": "Demo",'),
      'en.md': `${EN}\n### option c\n\nC\n\n## qq\n\nText.\n`,
    });
    const r = loadLessonFolder(folder, 'test');
    expect(r.problems.map((p) => formatProblem(p, d))).toEqual([
      'demo/lesson.jsonc:6: title: texts are written in en.md (and one file per translation), not in lesson.jsonc',
      'demo/en.md:39: lesson.jsonc has no page "qq" (did you mean "q"?)',
      `demo/en.md:35: "### option c" under "## q": the page's exercise has no option "c" in lesson.jsonc`,
    ]);
  });

  it('refuses options written with their texts, a why written into a mistake, and an accepted answer that is no text', () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-lessons-'));
    const structure = STRUCTURE.replace(
      '"options": ["a", "b"], "answer": "a"',
      '"options": [{ "id": "a", "text": "A", "why": "Because." }, "b"], "answer": "a"',
    ).replace(
      '{ "id": "intro" },',
      '{ "id": "intro" },\n    { "id": "n", "exercise": { "id": "num", "type": "short", "kind": "number", "answer": { "value": 1 }, "accept": [{}], "mistakes": [{ "id": "zero", "answer": 0, "why": "No." }] } },',
    );
    const en = `${EN}\n## n\n\n### prompt\n\nOne?\n\n### hint\n\nOne.\n\n### mistake zero\n\nZero is not one.\n`;
    const r = loadLessonFolder(writeLessonFiles(d, 'demo', { 'lesson.jsonc': structure, 'en.md': en }), 'test');
    expect(r.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'pages[1].exercise.mistakes[0].why: texts are written in en.md (and one file per translation), not in lesson.jsonc',
      'pages[2].exercise.options[0]: expected the option\'s id (its text goes under "### option <id>" in en.md), found an object',
      'pages[1].exercise.accept[0]: expected an answer (text or a number), found an object',
    ]);
  });

  it('loads a lesson whose translation lacks a text, with a warning naming the locale file', () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-lessons-'));
    const zh = EN.replace('# Demo', '# 演示').replace('### hint\n\nThink.\n', '');
    const r = loadLessonFolder(
      writeLessonFiles(d, 'demo', { 'lesson.jsonc': STRUCTURE, 'en.md': EN, 'zh-CN.md': zh }),
      'test',
    );
    expect(r.problems).toEqual([]);
    expect(r.lesson?.title).toEqual({ en: 'Demo', 'zh-CN': '演示' });
    expect(r.warnings.map((p) => formatProblem(p, d))).toEqual([
      'demo/zh-CN.md:9: pages[1].exercise.hints[0]: missing "### hint" (hint 1) under "## q" (English is shown instead)',
    ]);
  });

  it('tells how to convert a lesson of the first format', () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-lessons-'));
    writeFileSync(join(d, 'lesson.json'), JSON.stringify({ formatVersion: 1, id: 'old' }));
    const r = loadLessonPack(d, 'test');
    expect(r.problems[0]!.message).toContain('nettutor lessons convert');
    expect(readFileSync(join(d, 'lesson.json'), 'utf8')).toContain('"old"');
  });

  it('reports invalid JSONC with line and column instead of throwing', () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-lessons-'));
    writeLessonFiles(d, 'x', { 'lesson.jsonc': '{\n  "id": "x",\n  oops\n}', 'en.md': EN });
    const r = loadLessonPack(d, 'test');
    expect(r.lessons).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/invalid JSONC: \w+ at line 3, column 3/);
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
    expect(r.lessons.find((l) => l.id === 'two')!.title).toEqual({ en: 'Better two' });
    expect(english(r.notices[0]!)).toContain('replaces the built-in one');
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
    expect(bad.problems[0]!.file).toBe(join(d, 's', 'mine.json'));
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
    writeLesson(d, 'l1', withScenario('link.json'));
    const linked = loadLessonPack(d, 'test');
    expect(linked.lessons).toEqual([]);
    expect(linked.problems).toContainEqual(
      expect.objectContaining({ message: 'scenario "link.json" is outside the lesson folder' }),
    );

    // A file in a subfolder is inside, and so is a lesson folder reached through a symlink.
    mkdirSync(join(d, 'l1', 'sub'));
    writeFileSync(join(d, 'l1', 'sub', 's.json'), scenario);
    writeLesson(d, 'l1', withScenario('sub/s.json'));
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
