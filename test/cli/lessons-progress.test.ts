// `nettutor lessons` and `nettutor progress`, run as a user runs them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { tcpOf } from '../helpers/tcp-page.js';
import { text } from '../../src/core/i18n/localize.js';
import type { Lesson } from '../../src/core/lessons/types.js';
import { findKind } from '../../src/core/models/registry.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { writeLesson, writeLessonFiles } from '../helpers/lesson-folder.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
// The built-in lessons, in order, and what the commands should say about them.
const lessons = loadLessons({ builtinDir: fileURLToPath(new URL('../../lessons', import.meta.url)) }).lessons;
/** Graded items: each exercise and each question a model asks (the README's Scores), whatever the model's kind. */
const graded = (l: Lesson) =>
  l.pages.reduce(
    (n, p) =>
      n + (p.exercise ? 1 : 0) + (p.model ? (findKind(p.model.kind)?.questionIds(p.model.settings).length ?? 0) : 0),
    0,
  );
const first = lessons[0]!;
const firstExercise = first.pages.find((p) => p.exercise)!.exercise!;
const titleOf = (l: Lesson) => text(l.title, 'en');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const run = (args: string[], cwd = tmpdir()) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, CI: '' },
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('nettutor lessons', () => {
  it('lists the built-in lessons in order, as text and as JSON', () => {
    const json = run(['lessons', 'list', '--json']);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<{ id: string; title: string; exercises: number }>;
    expect(rows).toEqual(lessons.map((l) => ({ id: l.id, title: titleOf(l), exercises: graded(l) })));
    const lines = run(['lessons', 'list']).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(lessons.length);
    lessons.forEach((l, i) => {
      const n = graded(l);
      expect(lines[i]).toMatch(
        new RegExp(`^${escapeRegExp(l.id)}\\s+${escapeRegExp(titleOf(l))}\\s+\\(${n} exercises?\\)$`),
      );
    });
    expect(JSON.parse(run(['lessons', 'list', '--json', '--lang', 'zh-CN']).stdout)[0].title).toBe(
      text(first.title, 'zh-CN'),
    );
  });

  // Every TCP lesson (opening, teardown, TIME-WAIT, CLOSE-WAIT) and the lesson on HTTP versions teaches with at
  // least six graded exercises of its own (of at least three types, one a computed short answer), besides its
  // model's questions.
  it.each(['three-way-handshake', 'teardown', 'time-wait', 'close-wait', 'http-versions'])(
    'lists %s with its exercises and predict questions',
    (id) => {
      const rows = JSON.parse(run(['lessons', 'list', '--json']).stdout) as Array<{ id: string; exercises: number }>;
      const lesson = lessons.find((l) => l.id === id)!;
      const exercises = lesson.pages.flatMap((p) => (p.exercise ? [p.exercise] : []));
      expect(exercises.length).toBeGreaterThanOrEqual(6);
      expect(new Set(exercises.map((e) => e.type)).size).toBeGreaterThanOrEqual(3);
      expect(exercises.some((e) => e.type === 'short' && 'model' in e.answer && e.params)).toBe(true);
      expect(lesson.pages.some((p) => tcpOf(p)?.predict?.length)).toBe(true);
      expect(rows.find((r) => r.id === id)).toEqual({ id, title: titleOf(lesson), exercises: graded(lesson) });
      expect(graded(lesson)).toBeGreaterThan(exercises.length);
    },
  );

  it('checks the built-in lessons clean, and a broken pack with file:line: field: message and status 2', () => {
    expect(run(['lessons', 'check'])).toMatchObject({ code: 0, stdout: expect.stringContaining('0 problems') });
    const d = mkdtempSync(join(tmpdir(), 'nettutor-check-'));
    writeLessonFiles(d, 'x', {
      'lesson.jsonc': '{\n  "formatVersion": 2,\n  "id": "Bad Id",\n  "order": 1,\n  "pages": []\n}\n',
      'en.md': '# T\n\nS\n',
    });
    const r = run(['lessons', 'check', d], d);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`x/lesson.jsonc:3: id: expected an id in kebab-case (a-z, 0-9 and -), found "Bad Id"`);
    expect(r.stdout).toContain('x/lesson.jsonc:5: pages: expected at least 1 pages, found 0');
    expect(r.stdout).toMatch(/0 valid lessons, 2 problems in 1 file/);
  });

  it('checks a pack whose review draws on the built-in lessons, and names what a review page points at wrongly', () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-check-review-'));
    const structure = (from: string) =>
      `{\n  "formatVersion": 2,\n  "id": "my-review",\n  "order": 20,\n  "pages": [\n    { "id": "again", "review": { "from": "${from}" } }\n  ]\n}\n`;
    writeLessonFiles(d, 'my-review', {
      'lesson.jsonc': structure('teardown/fin-says'),
      'en.md': '# Mine\n\nA review.\n',
    });
    expect(run(['lessons', 'check', d, '--strict'], d)).toMatchObject({
      code: 0,
      stdout: '1 valid lesson, 0 problems\n',
    });
    writeLessonFiles(d, 'my-review', { 'lesson.jsonc': structure('teardown/fin-said') });
    const r = run(['lessons', 'check', d], d);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      'my-review/lesson.jsonc:6: pages[0].review.from: the lesson "teardown" has no exercise or question "fin-said" (did you mean "fin-says"?)',
    );
    expect(r.stdout).toMatch(/0 valid lessons, 1 problem in 1 file/);
  });

  it("warns about a Chinese text that writes a term otherwise than the glossary's, and fails on it with --strict", () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-glossary-'));
    writeLessonFiles(d, 'terms', {
      'lesson.jsonc': '{ "formatVersion": 2, "id": "terms", "order": 1, "pages": [{ "id": "p" }] }',
      'en.md': '# Terms\n\nSequence numbers.\n\n## p: Numbers\n\nThe sequence number of a SYN.\n',
      // Line 7: a variant the glossary lists as not; line 9: the same in code, which is left alone.
      'zh-CN.md': '# 术语\n\n序号。\n\n## p: 数字\n\nSYN 的序列号。\n\n`ss` 打印 `序列号`。\n',
    });
    const loose = run(['lessons', 'check', d], d);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toMatch(
      /^warning: terms\/zh-CN\.md:7: "序列号" is not the glossary's term for sequence number: write 序号 \(docs\/glossary\.md, line \d+\)\n/,
    );
    expect(loose.stdout).toContain(
      "1 valid lesson, 0 problems, 1 warning (terms written otherwise than the glossary's; --strict fails on them)",
    );
    const strict = run(['lessons', 'check', d, '--strict'], d);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toMatch(
      /^terms\/zh-CN\.md:7: "序列号" is not the glossary's term for sequence number: write 序号/,
    );
    expect(strict.stdout).toContain('1 valid lesson, 1 problem in 1 file');
  });

  it('warns about a text missing in a translation, and fails on it with --strict', () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-strict-'));
    writeLessonFiles(d, 'half', {
      'lesson.jsonc': '{ "formatVersion": 2, "id": "half", "order": 1, "pages": [{ "id": "p" }] }',
      'en.md': '# Half\n\nHalf translated.\n\n## p: Only English\n\nText.\n',
      'zh-CN.md': '# 一半\n\n翻译了一半。\n\n## p\n\n正文。\n',
    });
    const loose = run(['lessons', 'check', d], d);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toBe(
      'warning: half/zh-CN.md:5: pages[0].title: missing the title of page "p" ("## p: <title>") (English is shown instead)\n' +
        '1 valid lesson, 0 problems, 1 warning (texts missing in a translation; --strict fails on them)\n',
    );
    const strict = run(['lessons', 'check', d, '--strict'], d);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe(
      'half/zh-CN.md:5: pages[0].title: missing the title of page "p" ("## p: <title>") (English is shown instead)\n' +
        '1 valid lesson, 1 problem in 1 file\n',
    );
    expect(run(['lessons', 'check', '--strict']).code).toBe(0);
  });

  it('converts a first-format lesson, keeping the old file aside, and says what it wrote', () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-convert-'));
    writeLessonFiles(d, 'old', {
      'lesson.json': JSON.stringify({
        formatVersion: 1,
        id: 'old',
        order: 1,
        title: { en: 'Old', 'zh-CN': '旧' },
        summary: 'An old lesson.',
        pages: [{ id: 'p', text: 'Text.' }],
      }),
    });
    expect(run(['lessons', 'check', d], d)).toMatchObject({
      code: 2,
      stdout: expect.stringContaining('convert it with `nettutor lessons convert'),
    });
    const r = run(['lessons', 'convert', d], d);
    expect(r).toMatchObject({
      code: 0,
      stdout: 'old: wrote lesson.jsonc, en.md, zh-CN.md; the old file is kept as lesson.json.v1\n',
    });
    expect(readFileSync(join(d, 'old', 'zh-CN.md'), 'utf8')).toBe('# 旧\n\nAn old lesson.\n\n## p\n\nText.\n');
    // $schema leads to this nettutor's schema, by a path relative to the lesson, as lessons new writes it.
    const ref = /"\$schema": ("[^"]*")/.exec(readFileSync(join(d, 'old', 'lesson.jsonc'), 'utf8'))?.[1];
    expect(resolve(join(d, 'old'), JSON.parse(ref!))).toBe(
      fileURLToPath(new URL('../../schema/lesson.schema.json', import.meta.url)),
    );
    expect(run(['lessons', 'check', d], d)).toMatchObject({ code: 0 });
    expect(run(['lessons', 'convert', d], d)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no lesson.json'),
    });
  });

  it('rejects an unknown lessons command', () => {
    expect(run(['lessons', 'verify'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown lessons command 'verify'"),
    });
  });
});

describe('nettutor progress', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'nettutor-progress-')), 'progress.json');
  const saved = (f: string) => {
    writeFileSync(
      f,
      JSON.stringify({
        version: 1,
        lessons: {
          [first.id]: {
            seen: [first.pages[0]!.id],
            page: first.pages[0]!.id,
            updatedAt: '2026-01-01T00:00:00.000Z',
            exercises: {
              [firstExercise.id]: {
                attempts: 1,
                hintsUsed: 0,
                solved: true,
                solutionShown: false,
                score: 1,
                updatedAt: '2026-01-01T00:00:00.000Z',
              },
            },
          },
        },
      }),
    );
    return f;
  };

  it('summarises each lesson and says where the file is', () => {
    const f = saved(file());
    const r = run(['progress', '--progress', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Progress kept in ${f}`);
    // One exercise of the first lesson solved at the first try; nothing else started.
    const n = graded(first);
    expect(r.stdout).toMatch(
      new RegExp(
        `^${escapeRegExp(titleOf(first))}\\s+in progress\\s+1/${n} solved\\s+score ${Math.round(100 / n)}%$`,
        'm',
      ),
    );
    for (const l of lessons.slice(1)) {
      expect(r.stdout).toMatch(
        new RegExp(`^${escapeRegExp(titleOf(l))}\\s+not started\\s+0/${graded(l)} solved$`, 'm'),
      );
    }
    // The course: that one item of all of them, each counting the same.
    const all = lessons.reduce((sum, l) => sum + graded(l), 0);
    expect(r.stdout).toContain(
      `\nOverall score ${Math.round(100 / all)}%: the mean over every exercise of every lesson ` +
        `(1 of ${all} solved; 0 of ${lessons.length} lessons complete)\n`,
    );
  });

  it('counts an item answered in the review under the review, not under its lesson', () => {
    const review = lessons.find((l) => l.pages.some((p) => p.review))!;
    const item = review.pages.find((p) => p.review && p.exercise)!.review!.from;
    const origin = lessons.find((l) => l.id === item.split('/')[0])!;
    const f = file();
    const solved = { attempts: 2, hintsUsed: 0, solved: true, solutionShown: false, score: 0.9, updatedAt: 'x' };
    writeFileSync(
      f,
      JSON.stringify({
        version: 1,
        lessons: { [review.id]: { seen: [], updatedAt: 'x', exercises: { [item]: solved } } },
      }),
    );
    const r = run(['progress', '--progress', f]);
    const n = graded(review);
    expect(r.stdout).toMatch(
      new RegExp(
        `^${escapeRegExp(titleOf(review))}\\s+in progress\\s+1/${n} solved\\s+score ${Math.round(90 / n)}%$`,
        'm',
      ),
    );
    expect(r.stdout).toMatch(
      new RegExp(`^${escapeRegExp(titleOf(origin))}\\s+not started\\s+0/${graded(origin)} solved$`, 'm'),
    );
    const doc = JSON.parse(run(['progress', '--export', '--progress', f]).stdout);
    const all = lessons.reduce((sum, l) => sum + graded(l), 0);
    expect(doc.overall).toEqual({ score: Math.round((0.9 / all) * 100) / 100, exercises: all, solved: 1, done: 0 });
  });

  it('exports JSON for an instructor', () => {
    const f = saved(file());
    const doc = JSON.parse(run(['progress', '--export', '--progress', f]).stdout);
    expect(doc.lessons).toHaveLength(lessons.length);
    expect(doc.lessons[0]).toMatchObject({ id: first.id, status: 'in-progress', solved: 1, exercises: graded(first) });
    expect(doc.progress.lessons[first.id].exercises[firstExercise.id].solved).toBe(true);
  });

  it('resets only with a confirmation or --yes', () => {
    const f = saved(file());
    const refused = run(['progress', '--reset', '--progress', f]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --yes to reset without being asked');
    expect(JSON.parse(readFileSync(f, 'utf8')).lessons).not.toEqual({});
    expect(run(['progress', '--reset', '--lesson', 'nope', '--yes', '--progress', f])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("no lesson with id 'nope'"),
    });
    expect(run(['progress', '--reset', '--lesson', first.id, '--yes', '--progress', f]).code).toBe(0);
    expect(JSON.parse(readFileSync(f, 'utf8')).lessons).toEqual({});
  });

  it('moves a corrupt progress file aside with a message instead of failing', () => {
    const f = file();
    writeFileSync(f, 'garbage');
    const r = run(['progress', '--progress', f]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('was moved to');
  });

  it('rejects options that do not go together', () => {
    expect(run(['progress', '--export', '--reset'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cannot be used together'),
    });
    expect(run(['progress', '--lesson', 'x'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--lesson goes with --reset'),
    });
  });
});

// Chinese characters take two terminal cells each: columns are padded by display width, not by `.length`.
describe('columns with Chinese titles', () => {
  const pack = () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-zh-'));
    const lesson = (id: string, order: number, title: Record<string, string>) => {
      writeLesson(d, id, { id, order, title, summary: 's', pages: [{ id: 'p', text: 't' }] });
    };
    lesson('zh-long', 10, { en: 'Opening and closing', 'zh-CN': '三次握手与四次挥手的全过程' });
    lesson('zh-mixed', 11, { en: 'Mixed', 'zh-CN': 'TIME-WAIT 状态' });
    lesson('latin-only', 12, { en: 'A title in Latin letters only' });
    return d;
  };
  /** The display column at which `match` starts on each line that has it. */
  const columnsOf = (lines: string[], match: RegExp) =>
    lines.filter((l) => match.test(l)).map((l) => stringWidth(l.slice(0, l.search(match))));

  it('lessons list lines up the exercise counts', () => {
    const r = run(['lessons', 'list', '--lang', 'zh-CN', '--lessons', pack()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('三次握手与四次挥手的全过程');
    const lines = r.stdout.trimEnd().split('\n');
    // The built-in lessons and the three of the pack.
    expect(lines).toHaveLength(lessons.length + 3);
    const columns = columnsOf(lines, /\(\d+ exercises?\)$/);
    expect(columns).toHaveLength(lessons.length + 3);
    expect(new Set(columns).size).toBe(1);
    expect(new Set(columnsOf(lines, /(?<=^\S+\s+)\S/)).size).toBe(1);
  });

  it('progress lines up the status and solved columns', () => {
    const progress = join(mkdtempSync(join(tmpdir(), 'nettutor-progress-')), 'progress.json');
    const r = run(['progress', '--lang', 'zh-CN', '--lessons', pack(), '--progress', progress]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const status = columnsOf(lines, /not started|in progress|done/);
    expect(status).toHaveLength(lessons.length + 3);
    expect(new Set(status).size).toBe(1);
    expect(new Set(columnsOf(lines, /\d+\/\d+ solved/)).size).toBe(1);
  });
});
