// `nettutor lessons check [dir]` and `nettutor lessons list [--json]`.
import { resolve } from 'node:path';
import stringWidth from 'string-width';
import { padToWidth } from '../core/layout/prose.js';
import { resolveLocale, text } from '../core/lessons/localize.js';
import { gradedIds } from '../core/progress/score.js';
import { formatProblem, loadLessonPack, loadLessons } from '../node/lesson-files.js';
import { type CliIO, EXIT, UsageError, COMMON_OPTIONS, parseCommandArgs } from './io.js';

const LESSONS_USAGE = `Usage:
  nettutor lessons check [dir]       validate lesson files; every problem as file:line: field: message
                                     (dir: a lesson pack; default: the built-in lessons and --lessons)
  nettutor lessons list [--json]     id, title and number of graded exercises of each lesson, in order

Options:
  --lessons <dir>   also load the lessons in <dir> (as in the tutorial)
  --lang <code>     language of the titles: en, zh-CN
  --json            (list) print a JSON array of {"id", "title", "exercises"}

Exit status: 0 when everything is valid, 2 when a lesson has a problem or the command was misused.
`;

const LESSONS_HINT = "try 'nettutor lessons --help'";

export async function runLessons(args: string[], io: CliIO, env: { builtinLessonsDir: string }): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...COMMON_OPTIONS, json: { type: 'boolean' } },
    LESSONS_HINT,
  );
  if (values.help) {
    io.stdout.write(LESSONS_USAGE);
    return EXIT.ok;
  }
  const [action, ...rest] = positionals;
  const extraDir = values.lessons ? resolve(io.cwd, values.lessons) : undefined;
  if (action === 'check') {
    if (rest.length > 1) throw new UsageError(`lessons check takes one folder, got ${rest.length}`, LESSONS_HINT);
    const loaded = rest[0]
      ? loadLessonPack(resolve(io.cwd, rest[0]), rest[0])
      : loadLessons({ builtinDir: env.builtinLessonsDir, extraDir });
    for (const p of loaded.problems) io.stdout.write(`${formatProblem(p, io.cwd)}\n`);
    const files = new Set(loaded.problems.map((p) => p.file)).size;
    const n = loaded.lessons.length;
    const summary = `${n} valid lesson${n === 1 ? '' : 's'}, ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}${files ? ` in ${files} file${files === 1 ? '' : 's'}` : ''}`;
    io.stdout.write(`${summary}\n`);
    return loaded.problems.length > 0 ? EXIT.usage : EXIT.ok;
  }
  if (action === 'list') {
    if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`, LESSONS_HINT);
    const locale = resolveLocale(values.lang, io.env);
    const loaded = loadLessons({ builtinDir: env.builtinLessonsDir, extraDir });
    const rows = loaded.lessons.map((l) => ({
      id: l.id,
      title: text(l.title, locale),
      exercises: gradedIds(l).length,
    }));
    if (values.json) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else {
      // Columns are measured in terminal cells: a Chinese character takes two.
      const idWidth = Math.max(2, ...rows.map((r) => stringWidth(r.id)));
      const titleWidth = Math.max(5, ...rows.map((r) => stringWidth(r.title)));
      for (const r of rows)
        io.stdout.write(
          `${padToWidth(r.id, idWidth)}  ${padToWidth(r.title, titleWidth)}  (${r.exercises} exercise${r.exercises === 1 ? '' : 's'})\n`,
        );
    }
    for (const p of loaded.problems) io.stderr.write(`nettutor: skipped: ${formatProblem(p, io.cwd)}\n`);
    return EXIT.ok;
  }
  throw new UsageError(
    action ? `unknown lessons command '${action}' (expected check or list)` : 'lessons needs a command: check or list',
    LESSONS_HINT,
  );
}
