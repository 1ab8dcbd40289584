// `npm run build` compiles the built-in lessons into dist/lessons.json: exactly
// what the loader gives from lessons/, warnings included, or, when a lesson has
// a problem, a failed build that names its file and line.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CompiledLessons, readCompiledLessons } from '../../src/node/builtin-lessons.js';
import { loadLessonPack } from '../../src/node/lesson-files.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const version: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const lessonsDir = join(root, 'lessons');
const FIRST = '01-how-nettutor-works';

/** The line on which `"key"` first appears. */
const lineOf = (file: string, key: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(`"${key}"`)) + 1;

describe('dist/lessons.json', () => {
  it('holds what the loader gives from lessons/, lessons and warnings, stamped with the package version', () => {
    const file = join(root, 'dist', 'lessons.json');
    const compiled = JSON.parse(readFileSync(file, 'utf8')) as CompiledLessons;
    expect(compiled).toMatchObject({ format: 1, version });
    const fromSource = loadLessonPack(lessonsDir, 'builtin');
    expect(fromSource.lessons.length).toBeGreaterThan(0);
    expect(readCompiledLessons(file, lessonsDir, version)).toEqual({ ok: true, loaded: fromSource });
  });
});

describe('npm run build', () => {
  /** A checkout to build in: package.json, scripts/, src/ and lessons/, with the dependencies installed. */
  function checkout(): string {
    const d = mkdtempSync(join(tmpdir(), 'nettutor-checkout-'));
    for (const part of ['package.json', 'scripts', 'src', 'lessons']) {
      cpSync(join(root, part), join(d, part), { recursive: true });
    }
    symlinkSync(realpathSync(join(root, 'node_modules')), join(d, 'node_modules'));
    return d;
  }
  const build = (d: string) => spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: d, encoding: 'utf8' });

  it('fails on a problem in a built-in lesson, naming its file and line, and leaves no dist/ behind', () => {
    const d = checkout();
    const structure = join(d, 'lessons', FIRST, 'lesson.jsonc');
    writeFileSync(structure, readFileSync(structure, 'utf8').replace('"order": 1', '"order": "one"'));
    const r = build(d);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(
      `lessons/${FIRST}/lesson.jsonc:${lineOf(structure, 'order')}: order: expected a number, found "one"\n`,
    );
    expect(r.stderr).toContain('the built-in lessons have 1 problem; the build fails');
    expect(existsSync(join(d, 'dist'))).toBe(false);
  });

  it('builds with a text missing in a translation, says so, and keeps the warning in the compiled lessons', () => {
    const d = checkout();
    const zh = join(d, 'lessons', FIRST, 'zh-CN.md');
    writeFileSync(zh, readFileSync(zh, 'utf8').replace('## welcome: 欢迎', '## welcome'));
    const r = build(d);
    expect(r.status).toBe(0);
    const line = readFileSync(zh, 'utf8').split('\n').indexOf('## welcome') + 1;
    expect(r.stderr).toContain(`warning: lessons/${FIRST}/zh-CN.md:${line}: pages[0].title: missing`);
    const compiled = JSON.parse(readFileSync(join(d, 'dist', 'lessons.json'), 'utf8')) as CompiledLessons;
    expect(compiled.warnings).toEqual([expect.objectContaining({ file: `${FIRST}/zh-CN.md`, line })]);
    const fromSource = loadLessonPack(join(d, 'lessons'), 'builtin');
    expect(readCompiledLessons(join(d, 'dist', 'lessons.json'), join(d, 'lessons'), version)).toEqual({
      ok: true,
      loaded: fromSource,
    });
  });
});
