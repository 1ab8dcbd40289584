// The built-in lessons compiled at build time (dist/lessons.json), as an
// installed nettutor uses them: the tutorial, `lessons list` and `progress`
// start from the compiled file without reading lessons/, ignore a compiled file
// of another version, and `lessons check` still checks the source files.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { text } from '../../src/core/i18n/localize.js';
import type { CompiledLessons } from '../../src/node/builtin-lessons.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { TmuxSession, hasTmux } from '../helpers/tmux.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const version: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const lessonsDir = join(root, 'lessons');
const builtin = loadLessons({ builtinDir: lessonsDir }).lessons;
const FIRST = '01-how-nettutor-works';
const first = builtin.find((l) => l.source === join(lessonsDir, FIRST, 'lesson.jsonc'))!;

/** The installed package, as npm lays it out: bin/, dist/, package.json, and lessons/ unless left out. */
function installed({ lessons = true } = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'nettutor-pkg-'));
  for (const part of ['bin', 'dist', 'package.json', ...(lessons ? ['lessons'] : [])]) {
    cpSync(join(root, part), join(d, part), { recursive: true });
  }
  return d;
}

const run = (pkg: string, args: string[]) => {
  const data = mkdtempSync(join(tmpdir(), 'nettutor-data-'));
  const r = spawnSync(process.execPath, [join(pkg, 'bin', 'nettutor.js'), ...args], {
    encoding: 'utf8',
    cwd: pkg,
    env: { ...process.env, CI: '', XDG_DATA_HOME: data, LANG: 'C.UTF-8' },
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const listed = (pkg: string) => JSON.parse(run(pkg, ['lessons', 'list', '--json']).stdout) as Array<{ title: string }>;

function editCompiled(pkg: string, edit: (c: CompiledLessons) => void): void {
  const file = join(pkg, 'dist', 'lessons.json');
  const compiled = JSON.parse(readFileSync(file, 'utf8')) as CompiledLessons;
  edit(compiled);
  writeFileSync(file, JSON.stringify(compiled));
}
const retitle = (c: CompiledLessons) => {
  c.lessons.find((l) => l.id === first.id)!.title = 'Title in the compiled file';
};

/** The line of lesson.jsonc on which `"key"` first appears. */
const lineOf = (file: string, key: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(`"${key}"`)) + 1;

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

describe('the compiled built-in lessons', () => {
  it('are all that `lessons list`, `progress` and the tutorial need: they start with lessons/ moved away', async () => {
    const pkg = installed({ lessons: false });
    const list = run(pkg, ['lessons', 'list', '--json']);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(list.stdout).map((r: { id: string }) => r.id)).toEqual(builtin.map((l) => l.id));
    const progress = run(pkg, ['progress']);
    expect(progress).toMatchObject({ code: 0, stderr: '' });
    for (const l of builtin) expect(progress.stdout).toContain(text(l.title, 'en'));
    // `lessons check` reads the source, which is not there.
    expect(run(pkg, ['lessons', 'check'])).toMatchObject({
      code: 2,
      stdout: expect.stringContaining('cannot read the lessons folder: the folder does not exist'),
    });

    if (!hasTmux) return;
    const data = mkdtempSync(join(tmpdir(), 'nettutor-data-'));
    const s = new TmuxSession(['node', join(pkg, 'bin', 'nettutor.js'), '--lang', 'en'], {
      columns: 80,
      rows: 24,
      env: { XDG_DATA_HOME: data },
    });
    sessions.push(s);
    const screen = await s.waitFor('Enter open');
    for (const l of builtin) expect(screen).toContain(text(l.title, 'en'));
    expect(screen).not.toMatch(/problem|skipped/);
  });

  it('are read instead of lessons/ by `lessons list`; one of another version is ignored, as is a missing one', () => {
    const pkg = installed();
    const sourceTitle = text(first.title, 'en');
    expect(listed(pkg)[0]!.title).toBe(sourceTitle);
    editCompiled(pkg, retitle);
    expect(listed(pkg)[0]!.title).toBe('Title in the compiled file');
    editCompiled(pkg, (c) => {
      c.version = `${version}-other`;
    });
    expect(listed(pkg)[0]!.title).toBe(sourceTitle);
    rmSync(join(pkg, 'dist', 'lessons.json'));
    expect(listed(pkg)[0]!.title).toBe(sourceTitle);
  });

  it('of another version are not used even when lessons/ is missing too', () => {
    const pkg = installed({ lessons: false });
    editCompiled(pkg, (c) => {
      retitle(c);
      c.version = `${version}-other`;
    });
    const r = run(pkg, ['lessons', 'list']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cannot read the lessons folder');
  });

  it('leave `lessons check` to the source files: file:line problems, and warnings --strict fails on', () => {
    const pkg = installed();
    const structure = join(pkg, 'lessons', FIRST, 'lesson.jsonc');
    writeFileSync(structure, readFileSync(structure, 'utf8').replace('"order": 1', '"order": "one"'));
    const zh = join(pkg, 'lessons', FIRST, 'zh-CN.md');
    writeFileSync(zh, readFileSync(zh, 'utf8').replace('## welcome: 欢迎', '## welcome'));

    const check = run(pkg, ['lessons', 'check']);
    expect(check.code).toBe(2);
    expect(check.stdout).toContain(
      `lessons/${FIRST}/lesson.jsonc:${lineOf(structure, 'order')}: order: expected a number, found "one"\n`,
    );
    // The compiled lessons, unchanged, still list both lessons.
    expect(run(pkg, ['lessons', 'list', '--json'])).toMatchObject({ code: 0, stderr: '' });
    expect(listed(pkg)).toHaveLength(builtin.length);

    writeFileSync(structure, readFileSync(join(lessonsDir, FIRST, 'lesson.jsonc')));
    const loose = run(pkg, ['lessons', 'check']);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toMatch(new RegExp(`^warning: lessons/${FIRST}/zh-CN.md:\\d+: pages\\[0\\]\\.title: missing`));
    const strict = run(pkg, ['lessons', 'check', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toMatch(new RegExp(`^lessons/${FIRST}/zh-CN.md:\\d+: pages\\[0\\]\\.title: missing`));
  });
});
