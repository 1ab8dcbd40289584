// `nettutor progress [--export | --reset [--lesson <id>] [--yes]]`.
import { english } from '../node/notices.js';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { displayWidth } from '../core/layout/width.js';
import { padToWidth } from '../core/layout/prose.js';
import { resolveLocale, text } from '../core/i18n/localize.js';
import type { Lesson } from '../core/lessons/types.js';
import { resetProgress } from '../core/progress/merge.js';
import { lessonRecord } from '../core/progress/records.js';
import type { Progress } from '../core/progress/types.js';
import { courseScore, lessonScore, lessonStatus, solvedCount } from '../core/progress/score.js';
import { defaultProgressPath } from '../node/data-dir.js';
import { type BuiltinLessonsEnv, loadInstalledLessons } from '../node/builtin-lessons.js';
import { openProgressStore } from '../node/progress-store.js';
import { type CliIO, EXIT, UsageError, checkLang, COMMON_OPTIONS, parseCommandArgs } from './io.js';

const PROGRESS_USAGE = `Usage:
  nettutor progress                          each lesson's status and score, the overall score,
                                             and where progress is kept
  nettutor progress --export                 the progress as JSON on stdout (for an instructor)
  nettutor progress --reset [--lesson <id>] [--yes]
                                             forget progress: all of it, or one lesson's;
                                             asks first on a terminal (--yes skips the question)

Options:
  --progress <file>  the progress file (default: $XDG_DATA_HOME/nettutor/progress.json)
  --lessons <dir>    also load the lessons in <dir>
  --lang <code>      language of the titles: en, zh-CN
`;

const STATUS_WORDS = { done: 'done', 'in-progress': 'in progress', 'not-started': 'not started' } as const;

export async function runProgress(args: string[], io: CliIO, env: BuiltinLessonsEnv): Promise<number> {
  const hint = "try 'nettutor progress --help'";
  const { values, positionals } = parseCommandArgs(
    args,
    {
      ...COMMON_OPTIONS,
      export: { type: 'boolean' },
      reset: { type: 'boolean' },
      lesson: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
    },
    hint,
  );
  if (values.help) {
    io.stdout.write(PROGRESS_USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`, hint);
  if (values.export && values.reset) throw new UsageError('--export and --reset cannot be used together', hint);
  if (values.lesson !== undefined && !values.reset) throw new UsageError('--lesson goes with --reset', hint);
  if (values.yes && !values.reset) throw new UsageError('--yes goes with --reset', hint);

  const file = values.progress
    ? resolve(io.cwd, values.progress)
    : defaultProgressPath(io.env, process.platform, homedir());
  const store = openProgressStore(file);
  const { progress, notices } = store.load();
  for (const n of notices) io.stderr.write(`nettutor: ${english(n)}\n`);
  const locale = resolveLocale(checkLang(values.lang), io.env);
  const { lessons } = await loadInstalledLessons(env, values.lessons ? resolve(io.cwd, values.lessons) : undefined);

  if (values.export) {
    const report = {
      file,
      exportedAt: new Date().toISOString(),
      lessons: lessons.map((l) => {
        const record = lessonRecord(progress, l.id);
        return {
          id: l.id,
          title: text(l.title, locale),
          status: lessonStatus(l, record),
          score: Math.round(lessonScore(l, record) * 100) / 100,
          exercises: solvedCount(l, record).of,
          solved: solvedCount(l, record).solved,
        };
      }),
      overall: overallOf(lessons, progress),
      progress,
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT.ok;
  }

  if (values.reset) {
    const id = values.lesson;
    if (id !== undefined && !lessonRecord(progress, id) && !lessons.some((l) => l.id === id)) {
      throw new UsageError(`no lesson with id '${id}' (ids: ${lessons.map((l) => l.id).join(', ')})`, hint);
    }
    const what = id ? `the progress of lesson '${id}'` : 'all your progress';
    if (!values.yes) {
      if (!io.stdin.isTTY || !io.stdout.isTTY || !io.confirm) {
        throw new UsageError(
          `refusing to forget ${what} without a confirmation`,
          'add --yes to reset without being asked',
        );
      }
      if (!(await io.confirm(`Forget ${what} (kept in ${file})?`))) {
        io.stdout.write('Nothing was changed.\n');
        return EXIT.ok;
      }
    }
    const result = store.save(resetProgress(progress, id), { replace: true });
    if (!result.ok) {
      io.stderr.write(`nettutor: could not write ${file}: ${result.error}\n`);
      return EXIT.failure;
    }
    io.stdout.write(`Forgot ${what}.\n`);
    return EXIT.ok;
  }

  io.stdout.write(`Progress kept in ${file}\n\n`);
  // Columns are measured in terminal cells: a Chinese character takes two.
  const width = Math.max(...lessons.map((l) => displayWidth(text(l.title, locale))), 5);
  for (const l of lessons) {
    const record = lessonRecord(progress, l.id);
    const status = lessonStatus(l, record);
    const { solved, of } = solvedCount(l, record);
    const score = status === 'not-started' ? '' : `  score ${Math.round(lessonScore(l, record) * 100)}%`;
    io.stdout.write(
      `${padToWidth(text(l.title, locale), width)}  ${STATUS_WORDS[status].padEnd(11)}  ${solved}/${of} solved${score}\n`,
    );
  }
  const overall = overallOf(lessons, progress);
  io.stdout.write(
    `\nOverall score ${Math.round(overall.score * 100)}%: the mean over every exercise of every lesson ` +
      `(${overall.solved} of ${overall.exercises} solved; ${overall.done} of ${lessons.length} lessons complete)\n`,
  );
  const unknown = Object.keys(progress.lessons).filter((id) => !lessons.some((l) => l.id === id));
  if (unknown.length > 0) io.stdout.write(`\nAlso kept, for lessons not loaded now: ${unknown.join(', ')}\n`);
  return EXIT.ok;
}

/** The course's score (see courseScore): the mean over every graded item of every lesson, rounded to 0.01. */
function overallOf(lessons: Lesson[], progress: Progress) {
  const c = courseScore(lessons, progress);
  return { score: Math.round(c.score * 100) / 100, exercises: c.of, solved: c.solved, done: c.done };
}
