// The compiled form of a lesson pack (what `npm run build` writes to
// dist/lessons.json) and how it is read back: the same lessons and warnings as
// loading the folder, and any file that does not belong to this nettutor ignored.
import { english } from '../../src/node/notices.js';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COMPILED_LESSONS_FORMAT,
  type CompiledLessons,
  compileLessons,
  loadInstalledLessons,
  readCompiledLessons,
} from '../../src/node/builtin-lessons.js';
import { loadLessonPack, loadLessons } from '../../src/node/lesson-files.js';
import { writeLesson, writeLessonFiles } from '../helpers/lesson-folder.js';

const VERSION = '1.2.3';

/** Two lessons, folders not in lesson order; the second has a page title its translation lacks (a warning) and a scenario file. */
function pack(): string {
  const d = mkdtempSync(join(tmpdir(), 'nettutor-compiled-'));
  writeLesson(d, 'a', {
    id: 'second',
    order: 2,
    title: { en: 'Second', 'zh-CN': '第二' },
    summary: { en: 'S', 'zh-CN': '二' },
    pages: [
      { id: 'p', title: { en: 'Only English' }, text: { en: 'Text.', 'zh-CN': '正文。' } },
      { id: 'sim', simulation: { scenario: 'mine.json' } },
    ],
  });
  writeFileSync(
    join(d, 'a', 'mine.json'),
    JSON.stringify({
      latencyMs: 10,
      actions: [
        { at: 0, side: 'server', call: 'listen' },
        { at: 1, side: 'client', call: 'connect' },
      ],
    }),
  );
  writeLesson(d, 'b', { id: 'first', order: 1, title: 'First', summary: 'F', pages: [{ id: 'p', text: 't' }] });
  return d;
}

/** Whether a value is plain data, which JSON keeps as it is (an undefined property is the only thing it drops). */
function plainData(v: unknown): boolean {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(plainData);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v).every(plainData);
  return false;
}

function compiledFile(dir: string, version = VERSION): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nettutor-dist-')), 'lessons.json');
  writeFileSync(file, JSON.stringify(compileLessons(loadLessonPack(dir, 'builtin'), dir, version)));
  return file;
}

describe('compiled lessons', () => {
  it('read back, are the lessons and warnings the loader gives from the folder, paths resolved where the folder is', () => {
    const d = pack();
    const fromSource = loadLessonPack(d, 'builtin');
    expect(fromSource.problems).toEqual([]);
    expect(fromSource.warnings).toHaveLength(1);
    expect(plainData(fromSource)).toBe(true);
    const read = readCompiledLessons(compiledFile(d), d, VERSION);
    expect(read).toEqual({ ok: true, loaded: fromSource });

    // Moved with its package: the paths follow the folder given at read time.
    const moved = `${d}-moved`;
    renameSync(d, moved);
    const again = readCompiledLessons(compiledFile(moved), moved, VERSION);
    expect(again.ok && again.loaded.lessons.map((l) => l.source)).toEqual([
      join(moved, 'a', 'lesson.jsonc'),
      join(moved, 'b', 'lesson.jsonc'),
    ]);
    expect(again.ok && again.loaded.warnings[0]!.file).toBe(join(moved, 'a', 'zh-CN.md'));
  });

  it('hold paths relative to the lessons folder, never the absolute paths of the build machine', () => {
    const d = pack();
    const compiled = compileLessons(loadLessonPack(d, 'builtin'), d, VERSION);
    expect(compiled).toMatchObject({ format: COMPILED_LESSONS_FORMAT, version: VERSION });
    expect(compiled.lessons.map((l) => l.source)).toEqual(['a/lesson.jsonc', 'b/lesson.jsonc']);
    expect(compiled.warnings.map((w) => w.file)).toEqual(['a/zh-CN.md']);
    expect(JSON.stringify(compiled)).not.toContain(d);
  });

  it('refuses to compile a pack with a problem', () => {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-compiled-'));
    writeLessonFiles(d, 'x', { 'lesson.jsonc': '{ "formatVersion": 2, "id": "Bad Id", "order": 1, "pages": [] }' });
    expect(() => compileLessons(loadLessonPack(d, 'builtin'), d, VERSION)).toThrow(/problems/);
  });

  it('are ignored when missing, unreadable, of another format or of another version', () => {
    const d = pack();
    const file = compiledFile(d);
    expect(readCompiledLessons(join(d, 'nowhere.json'), d, VERSION)).toEqual({ ok: false, reason: 'missing' });
    expect(readCompiledLessons(d, d, VERSION)).toEqual({ ok: false, reason: 'unreadable' });
    writeFileSync(file, '{"format":1,');
    expect(readCompiledLessons(file, d, VERSION)).toEqual({ ok: false, reason: 'unreadable' });
    const good = compileLessons(loadLessonPack(d, 'builtin'), d, VERSION);
    const write = (c: Partial<CompiledLessons> | null) => writeFileSync(file, JSON.stringify(c));
    write(null);
    expect(readCompiledLessons(file, d, VERSION)).toEqual({ ok: false, reason: 'unreadable' });
    write({ ...good, format: 2 as never });
    expect(readCompiledLessons(file, d, VERSION)).toEqual({ ok: false, reason: 'other-format' });
    write({ ...good, lessons: undefined });
    expect(readCompiledLessons(file, d, VERSION)).toEqual({ ok: false, reason: 'other-format' });
    write({ ...good, version: '1.2.2' });
    expect(readCompiledLessons(file, d, VERSION)).toEqual({ ok: false, reason: 'other-version' });
    expect(readCompiledLessons(file, d, undefined)).toEqual({ ok: false, reason: 'other-version' });
    write(good);
    expect(readCompiledLessons(file, d, VERSION).ok).toBe(true);
  });
});

describe('the lessons a learner gets', () => {
  /** A compiled file whose lesson "second" has another title than its source, to tell which one was used. */
  function marked(d: string, version: string): string {
    const file = compiledFile(d);
    const compiled = compileLessons(loadLessonPack(d, 'builtin'), d, version);
    compiled.lessons.find((l) => l.id === 'second')!.title = 'From the compiled file';
    writeFileSync(file, JSON.stringify(compiled));
    return file;
  }
  const titles = (l: { lessons: Array<{ title: unknown }> }) => l.lessons.map((x) => x.title);

  it('come from the compiled file of this version, in order, without reading the lesson folder', async () => {
    const d = pack();
    const file = marked(d, VERSION);
    const sourceWarnings = loadLessonPack(d, 'builtin').warnings;
    renameSync(d, `${d}-away`);
    const loaded = await loadInstalledLessons({ builtinLessonsDir: d, compiledLessonsFile: file, version: VERSION });
    expect(titles(loaded)).toEqual([{ en: 'First' }, 'From the compiled file']);
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings).toEqual(sourceWarnings);
  });

  it('come from the folder when the compiled file is stale or missing, exactly as the loader gives them', async () => {
    const d = pack();
    const fromSource = loadLessons({ builtinDir: d });
    expect(titles(fromSource)).toEqual([{ en: 'First' }, { en: 'Second', 'zh-CN': '第二' }]);
    const stale = { builtinLessonsDir: d, compiledLessonsFile: marked(d, '1.2.2'), version: VERSION };
    expect(await loadInstalledLessons(stale)).toEqual(fromSource);
    const missing = { builtinLessonsDir: d, compiledLessonsFile: join(d, 'nowhere.json'), version: VERSION };
    expect(await loadInstalledLessons(missing)).toEqual(fromSource);
    expect(await loadInstalledLessons({ builtinLessonsDir: d })).toEqual(fromSource);
  });

  it('add an extra pack, loaded and checked from its files, replacing a built-in lesson of the same id', async () => {
    const d = pack();
    const extra = mkdtempSync(join(tmpdir(), 'nettutor-extra-'));
    writeLesson(extra, 'mine', { id: 'first', order: 3, title: 'Mine', summary: 'M', pages: [{ id: 'p', text: 't' }] });
    writeLessonFiles(extra, 'bad', { 'lesson.jsonc': '{ "formatVersion": 2, "id": "Bad Id" }' });
    const env = { builtinLessonsDir: d, compiledLessonsFile: marked(d, VERSION), version: VERSION };
    const loaded = await loadInstalledLessons(env, extra);
    expect(titles(loaded)).toEqual(['From the compiled file', { en: 'Mine' }]);
    expect(loaded.notices.map(english)).toEqual([`The lesson "first" from ${extra} replaces the built-in one.`]);
    expect(loaded.problems).toEqual(loadLessonPack(extra, extra).problems);
    expect(loaded.problems).toContainEqual(
      expect.objectContaining({ file: join(extra, 'bad', 'lesson.jsonc'), line: 1, field: 'id' }),
    );
  });
});
