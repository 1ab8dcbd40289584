// `nettutor lessons new <id> [--dir D]`, run as an author runs it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const schemaFile = fileURLToPath(new URL('../../schema/lesson.schema.json', import.meta.url));
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env: { ...process.env, CI: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => realpathSync(mkdtempSync(join(tmpdir(), 'nettutor-new-')));
/** Every file under `dir`, relative to it. */
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
const schemaOf = (structure: string) => /"\$schema": ("[^"]*")/.exec(readFileSync(structure, 'utf8'))?.[1];

describe('nettutor lessons new', () => {
  it('writes a lesson that passes lessons check --strict, and says what it wrote and what to do next', () => {
    const cwd = tmp();
    const r = run(['lessons', 'new', 'my-lesson', '--dir', 'my lessons'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(tree(cwd)).toEqual(['my lessons/my-lesson/en.md', 'my lessons/my-lesson/lesson.jsonc']);
    const [structure, words] = r.stdout.split('\n').slice(1, 3);
    expect(structure).toMatch(/^ {2}my lessons\/my-lesson\/lesson\.jsonc {2}the structure/);
    expect(words).toMatch(/^ {2}my lessons\/my-lesson\/en\.md +the words/);
    expect(words!.indexOf('the words')).toBe(structure!.indexOf('the structure'));
    // The next steps are commands that work as printed (the folder quoted for a shell).
    expect(r.stdout).toContain("  2. nettutor lessons check 'my lessons'\n");
    expect(r.stdout).toContain("  3. nettutor --lessons 'my lessons' --lesson my-lesson\n");
    expect(run(['lessons', 'check', 'my lessons', '--strict'], cwd)).toEqual({
      code: 0,
      stdout: '1 valid lesson, 0 problems\n',
      stderr: '',
    });
    expect(JSON.parse(run(['lessons', 'list', '--json', '--lessons', 'my lessons'], cwd).stdout)).toContainEqual(
      expect.objectContaining({ id: 'my-lesson', exercises: 3 }),
    );
  });

  it("points $schema at this nettutor's schema file, by a path relative to the lesson", () => {
    const cwd = tmp();
    expect(run(['lessons', 'new', 'deep', '--dir', 'a/b/c'], cwd).code).toBe(0);
    const folder = join(cwd, 'a/b/c/deep');
    const ref = JSON.parse(schemaOf(join(folder, 'lesson.jsonc'))!) as string;
    expect(ref).toMatch(/^\.\.\//);
    expect(resolve(folder, ref)).toBe(schemaFile);
  });

  it('writes into the current folder by default', () => {
    const cwd = tmp();
    const r = run(['lessons', 'new', 'here'], cwd);
    expect(r.code).toBe(0);
    expect(tree(cwd)).toEqual(['here/en.md', 'here/lesson.jsonc']);
    expect(r.stdout).toContain('  2. nettutor lessons check .\n');
  });

  it('refuses a folder that exists, writing nothing', () => {
    const cwd = tmp();
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'notes.md'), 'mine');
    const r = run(['lessons', 'new', 'taken'], cwd);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'nettutor: taken exists already: nothing written; choose another id, or another folder with --dir\n',
    });
    expect(tree(cwd)).toEqual(['taken/notes.md']);
  });

  it('refuses an id that is not kebab-case, suggesting one, writing nothing', () => {
    const cwd = tmp();
    const r = run(['lessons', 'new', 'My Lesson', '--dir', 'new-folder'], cwd);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'nettutor: "My Lesson" is not a lesson id (ids are kebab-case: a-z, 0-9 and - between words, e.g. "my-lesson"): nothing written; try \'nettutor lessons --help\'\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses a --dir that is a file, and --dir without new', () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'file'), '');
    expect(run(['lessons', 'new', 'x', '--dir', 'file'], cwd)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--dir file: expected a folder, found a file'),
    });
    expect(run(['lessons', 'check', '--dir', 'file'], cwd)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--dir goes with lessons new'),
    });
    expect(run(['lessons', 'new'], cwd)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('lessons new needs the id of the lesson'),
    });
    expect(tree(cwd)).toEqual(['file']);
  });

  it('is in lessons --help', () => {
    expect(run(['lessons', '--help'], tmp()).stdout).toContain('nettutor lessons new <id> [--dir <dir>]');
  });
});
