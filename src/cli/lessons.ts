// `nettutor lessons check [dir]`, `lessons list [--json]`, `lessons new <id>` and `lessons convert <dir>`.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { displayWidth } from '../core/layout/width.js';
import { padToWidth } from '../core/layout/prose.js';
import { resolveLocale, text } from '../core/i18n/localize.js';
import { type GlossaryEntry, glossaryHits, glossaryMessage, parseGlossary } from '../core/lessons/glossary.js';
import { isKebabId, kebabIdFrom, scaffoldLesson } from '../core/lessons/scaffold.js';
import type { Lesson, LessonProblem } from '../core/lessons/types.js';
import { gradedIds } from '../core/progress/score.js';
import { didYouMean } from '../core/suggest.js';
import {
  type BuiltinLessonsEnv,
  type LoadedLessons,
  loadInstalledLessons,
  mergeLessons,
} from '../node/builtin-lessons.js';
import { convertLessonFolder } from '../node/lesson-convert.js';
import { formatProblem, loadLessonFolder, loadLessonPack, loadLessons } from '../node/lesson-files.js';
import { type CliIO, EXIT, UsageError, checkLang, COMMON_OPTIONS, parseCommandArgs } from './io.js';

const LESSONS_USAGE = `Usage:
  nettutor lessons check [dir] [--strict]
                                     validate lesson files; every problem as file:line: field: message
                                     (dir: a lesson pack; default: the built-in lessons and --lessons);
                                     a text missing in a translation is a warning, an error with --strict
  nettutor lessons list [--json]     id, title and number of graded exercises of each lesson, in order
  nettutor lessons new <id> [--dir <dir>]
                                     write <dir>/<id>/lesson.jsonc and en.md: a small working lesson
                                     to start from (dir: default the current folder; never overwrites)
  nettutor lessons convert <dir>     rewrite lessons of the first format (lesson.json) as lesson.jsonc
                                     and one Markdown file per language

Options:
  --lessons <dir>   also load the lessons in <dir> (as in the tutorial)
  --lang <code>     language of the titles: en, zh-CN
  --json            (list) print a JSON array of {"id", "title", "exercises"}
  --strict          (check) fail on any text missing in a language a lesson has
  --dir <dir>       (new) the folder to write the new lesson's folder in

Exit status: 0 when everything is valid, 2 when a lesson has a problem or the command was misused.
`;

const LESSONS_HINT = "try 'nettutor lessons --help'";

/** What the warnings are, in the summary's words. */
function warningKinds(missing: number, glossary: number): string {
  const kinds = [
    ...(missing > 0 ? ['texts missing in a translation'] : []),
    ...(glossary > 0 ? ["terms written otherwise than the glossary's"] : []),
  ];
  return kinds.join(', ');
}

/**
 * The glossary's check of the lessons' Chinese texts (docs/glossary.md, shipped beside lessons/): each variant
 * it lists as `not`, found outside code in a zh-CN.md, with its line and the term to write. No glossary, no check.
 */
function glossaryProblems(lessons: readonly Lesson[], builtinLessonsDir: string): LessonProblem[] {
  let entries: GlossaryEntry[];
  try {
    entries = parseGlossary(readFileSync(join(dirname(builtinLessonsDir), 'docs', 'glossary.md'), 'utf8'));
  } catch {
    return [];
  }
  const problems: LessonProblem[] = [];
  for (const lesson of lessons) {
    const file = join(dirname(lesson.source), 'zh-CN.md');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const hit of glossaryHits(text, entries))
      problems.push({ file, line: hit.line, field: '', message: glossaryMessage(hit) });
  }
  return problems;
}

export async function runLessons(args: string[], io: CliIO, env: BuiltinLessonsEnv): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...COMMON_OPTIONS, json: { type: 'boolean' }, strict: { type: 'boolean' }, dir: { type: 'string' } },
    LESSONS_HINT,
  );
  if (values.help) {
    io.stdout.write(LESSONS_USAGE);
    return EXIT.ok;
  }
  const [action, ...rest] = positionals;
  if (values.dir !== undefined && action !== 'new') throw new UsageError('--dir goes with lessons new', LESSONS_HINT);
  const extraDir = values.lessons ? resolve(io.cwd, values.lessons) : undefined;
  if (action === 'check') {
    if (rest.length > 1) throw new UsageError(`lessons check takes one folder, got ${rest.length}`, LESSONS_HINT);
    const loaded = rest[0]
      ? await loadPackToCheck(resolve(io.cwd, rest[0]), rest[0], env)
      : loadLessons({ builtinDir: env.builtinLessonsDir, extraDir });
    const strict = values.strict ?? false;
    // The glossary's terms: a Chinese text that writes a variant it lists as `not` is a warning (--strict: a problem).
    const glossary = glossaryProblems(loaded.lessons, env.builtinLessonsDir);
    const warnings = [...loaded.warnings, ...glossary];
    const problems = strict ? [...loaded.problems, ...warnings] : loaded.problems;
    for (const p of problems) io.stdout.write(`${formatProblem(p, io.cwd)}\n`);
    if (!strict) for (const p of warnings) io.stdout.write(`warning: ${formatProblem(p, io.cwd)}\n`);
    const files = new Set(problems.map((p) => p.file)).size;
    const n = loaded.lessons.length;
    const w = strict ? 0 : warnings.length;
    const summary =
      `${n} valid lesson${n === 1 ? '' : 's'}, ${plural(problems.length, 'problem')}` +
      (files ? ` in ${plural(files, 'file')}` : '') +
      (w
        ? `, ${plural(w, 'warning')} (${warningKinds(loaded.warnings.length, glossary.length)}; --strict fails on them)`
        : '');
    io.stdout.write(`${summary}\n`);
    return problems.length > 0 ? EXIT.usage : EXIT.ok;
  }
  if (action === 'new') {
    if (rest.length !== 1)
      throw new UsageError(
        rest.length === 0
          ? 'lessons new needs the id of the lesson, e.g. my-lesson'
          : 'lessons new takes one lesson id',
        LESSONS_HINT,
      );
    return newLesson(rest[0]!, values.dir, io, env);
  }
  if (action === 'convert') {
    if (rest.length !== 1) throw new UsageError('lessons convert takes one folder', LESSONS_HINT);
    return convertLessons(resolve(io.cwd, rest[0]!), io, env);
  }
  if (action === 'list') {
    if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`, LESSONS_HINT);
    const locale = resolveLocale(checkLang(values.lang), io.env);
    const loaded = await loadInstalledLessons(env, extraDir);
    const rows = loaded.lessons.map((l) => ({
      id: l.id,
      title: text(l.title, locale),
      exercises: gradedIds(l).length,
    }));
    if (values.json) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else {
      // Columns are measured in terminal cells: a Chinese character takes two.
      const idWidth = Math.max(2, ...rows.map((r) => displayWidth(r.id)));
      const titleWidth = Math.max(5, ...rows.map((r) => displayWidth(r.title)));
      for (const r of rows)
        io.stdout.write(
          `${padToWidth(r.id, idWidth)}  ${padToWidth(r.title, titleWidth)}  (${r.exercises} exercise${r.exercises === 1 ? '' : 's'})\n`,
        );
    }
    for (const p of loaded.problems) io.stderr.write(`nettutor: skipped: ${formatProblem(p, io.cwd)}\n`);
    return EXIT.ok;
  }
  throw new UsageError(
    action
      ? `unknown lessons command '${action}' (expected check, list, new or convert)${didYouMean(action, LESSONS_COMMANDS)}`
      : 'lessons needs a command: check, list, new or convert',
    LESSONS_HINT,
  );
}

const LESSONS_COMMANDS = ['check', 'list', 'new', 'convert'];

/**
 * The lessons of one pack, checked as the tutorial loads them with `--lessons`: beside the built-in lessons,
 * so that a review page may draw on either. Only the pack's lessons are counted; a problem is reported in
 * whichever file has it (a pack that replaces a lesson a built-in review draws on breaks that review).
 */
async function loadPackToCheck(dir: string, label: string, env: BuiltinLessonsEnv): Promise<LoadedLessons> {
  const pack = loadLessonPack(dir, label);
  const builtin = await loadInstalledLessons(env);
  const merged = mergeLessons({ ...builtin, problems: [], warnings: [], notices: [] }, { dir: label, loaded: pack });
  const ids = new Set(pack.lessons.map((l) => l.id));
  return { ...pack, lessons: merged.lessons.filter((l) => ids.has(l.id)), problems: merged.problems };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `lessons convert <dir>`: every first-format lesson in `dir` (or `dir` itself) in the current format. */
function convertLessons(dir: string, io: CliIO, env: { builtinLessonsDir: string }): number {
  const folders = existsSync(join(dir, 'lesson.json'))
    ? [dir]
    : (() => {
        try {
          return readdirSync(dir)
            .sort()
            .map((e) => join(dir, e))
            .filter((f) => existsSync(join(f, 'lesson.json')));
        } catch {
          return [];
        }
      })();
  if (folders.length === 0) {
    io.stderr.write(`nettutor: no lesson.json to convert in ${dir} (or in the folders just inside it)\n`);
    return EXIT.usage;
  }
  const schema = schemaFile(env);
  let failed = 0;
  for (const folder of folders) {
    const result = convertLessonFolder(folder, schemaReference(folder, schema));
    if ('error' in result) {
      io.stderr.write(`nettutor: ${shownPath(folder, io.cwd)}: ${result.error}\n`);
      failed++;
      continue;
    }
    io.stdout.write(
      `${relative(io.cwd, folder) || '.'}: wrote ${result.written.join(', ')}; the old file is kept as lesson.json.v1\n`,
    );
    const loaded = loadLessonFolder(folder, folder);
    for (const p of [...loaded.problems, ...loaded.warnings]) io.stdout.write(`  ${formatProblem(p, io.cwd)}\n`);
    if (loaded.problems.length > 0) failed++;
  }
  return failed > 0 ? EXIT.usage : EXIT.ok;
}

/** A folder as the user would type it: relative when it is below the working folder. */
function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/** The JSON Schema of lesson.jsonc shipped in the package: schema/ beside lessons/. */
const schemaFile = (env: { builtinLessonsDir: string }) =>
  join(env.builtinLessonsDir, '..', 'schema', 'lesson.schema.json');

/**
 * `$schema` for a lesson in `folder`: the schema's path relative to it, starting with "." (as editors
 * expect of a relative path), or a file: URL when no relative path leads there (another drive).
 */
function schemaReference(folder: string, schema: string): string {
  const rel = relative(folder, schema);
  if (isAbsolute(rel)) return pathToFileURL(schema).href;
  const path = rel.split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/** `lessons new <id> [--dir D]`: writes D/<id>/lesson.jsonc and en.md, a lesson to start from. */
function newLesson(id: string, dirOption: string | undefined, io: CliIO, env: { builtinLessonsDir: string }): number {
  if (!isKebabId(id)) {
    const suggestion = kebabIdFrom(id);
    throw new UsageError(
      `"${id}" is not a lesson id (ids are kebab-case: a-z, 0-9 and - between words${suggestion ? `, e.g. "${suggestion}"` : ''}): nothing written`,
      LESSONS_HINT,
    );
  }
  const dir = resolve(io.cwd, dirOption ?? '.');
  const folder = join(dir, id);
  if (existsSync(folder)) {
    throw new UsageError(
      `${shownPath(folder, io.cwd)} exists already: nothing written`,
      'choose another id, or another folder with --dir',
    );
  }
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UsageError(`--dir ${dirOption}: expected a folder, found a file; nothing written`, LESSONS_HINT);
  }
  const files = scaffoldLesson(id, schemaReference(folder, schemaFile(env)));
  mkdirSync(dir, { recursive: true });
  mkdirSync(folder);
  const width = Math.max(...files.map((f) => shownPath(join(folder, f.name), io.cwd).length));
  const what: Record<string, string> = {
    'lesson.jsonc': 'the structure: pages, exercises, answers (its comments say what each part is)',
    'en.md': 'the words, under one heading per text',
  };
  io.stdout.write(`Wrote the lesson "${id}", a small working example to start from:\n`);
  for (const f of files) {
    writeFileSync(join(folder, f.name), f.text, { flag: 'wx' });
    io.stdout.write(`  ${shownPath(join(folder, f.name), io.cwd).padEnd(width)}  ${what[f.name] ?? ''}\n`);
  }
  const shownDir = shellWord(shownPath(dir, io.cwd));
  io.stdout.write(
    'Next:\n' +
      '  1. Edit both files: keep the parts you need, replace the examples (docs/authoring.md has every\n' +
      '     field and heading; a translation is one more file, such as zh-CN.md, with the same headings).\n' +
      `  2. nettutor lessons check ${shownDir}\n` +
      `  3. nettutor --lessons ${shownDir} --lesson ${id}\n`,
  );
  return EXIT.ok;
}

/** A path as one shell word: quoted when it holds anything but plain characters. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}
