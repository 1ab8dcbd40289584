// The tutorial's command line (`nettutor [options]`): its options, read and
// checked. Shared by the router (src/cli.ts) and the start that draws the
// first home screen before anything else loads (src/early.ts), so both take
// the same command line the same way.
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultProgressPath } from '../node/data-dir.js';
import { UsageError, checkLang, describeParseError } from './io.js';

export const SUBCOMMANDS = ['sim', 'http', 'lessons', 'progress', 'serve', 'help'] as const;

/** How the tutorial was asked for on the command line. */
export interface TutorOptions {
  lesson?: string;
  lang?: string;
  asciiOnly: boolean;
  noColor: boolean;
  lessons?: string;
  progress?: string;
}

const TUTOR_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  lesson: { type: 'string' },
  lang: { type: 'string' },
  'ascii-only': { type: 'boolean' },
  'no-color': { type: 'boolean' },
  lessons: { type: 'string' },
  progress: { type: 'string' },
} as const;

function parseTutorArgs(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, strict: true, options: TUTOR_OPTIONS });
}

/** The tutorial's options; a UsageError names what is wrong with them. */
export function parseTutorOptions(argv: string[]): TutorOptions & { help: boolean; version: boolean } {
  let parsed: ReturnType<typeof parseTutorArgs>;
  try {
    parsed = parseTutorArgs(argv);
  } catch (error) {
    throw new UsageError(describeParseError(error, argv, TUTOR_OPTIONS));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    const word = positionals[0]!;
    throw new UsageError(
      (SUBCOMMANDS as readonly string[]).includes(word)
        ? `'${word}' must come first: nettutor ${word} [options]`
        : `unknown command '${word}' (commands: sim, http, lessons, progress, serve)`,
    );
  }
  for (const name of ['lesson', 'lang', 'lessons', 'progress'] as const) {
    const value = values[name];
    if (value !== undefined && value.trim() === '') throw new UsageError(`--${name} needs a value`);
  }
  checkLang(values.lang);
  return {
    help: values.help ?? false,
    version: values.version ?? false,
    lesson: values.lesson,
    lang: values.lang,
    asciiOnly: values['ascii-only'] ?? false,
    noColor: values['no-color'] ?? false,
    lessons: values.lessons,
    progress: values.progress,
  };
}

/** --lessons must be a folder and --progress must not be one: said before anything starts. */
export function checkPaths(options: TutorOptions, cwd: string): void {
  if (options.lessons) {
    const dir = resolve(cwd, options.lessons);
    if (!existsSync(dir)) throw new UsageError(`--lessons ${options.lessons}: the folder does not exist`);
    if (!statSync(dir).isDirectory()) {
      throw new UsageError(`--lessons ${options.lessons}: expected a folder of lessons, found a file`);
    }
  }
  if (options.progress) {
    const file = resolve(cwd, options.progress);
    if (existsSync(file) && statSync(file).isDirectory()) {
      throw new UsageError(
        `--progress ${options.progress} is a folder: give the path of a file, e.g. ${join(options.progress, 'progress.json')}`,
      );
    }
  }
}

/** Whether the learner gets colours: not with --no-color or NO_COLOR (unless FORCE_COLOR), nor FORCE_COLOR=0. */
export function wantsColor(options: TutorOptions, env: Record<string, string | undefined>): boolean {
  return !options.noColor && !(env.NO_COLOR && !env.FORCE_COLOR) && env.FORCE_COLOR !== '0';
}

/** The tutorial needs a terminal to read keys from and draw on. */
export function hasTerminal(io: { stdin: { isTTY?: boolean }; stdout: { isTTY?: boolean } }): boolean {
  return Boolean(io.stdin.isTTY && io.stdout.isTTY);
}

/** The file progress is kept in: --progress (from the working folder), else the platform's place for it. */
export function tutorProgressFile(options: TutorOptions, cwd: string, env: Record<string, string | undefined>): string {
  return options.progress ? resolve(cwd, options.progress) : defaultProgressPath(env, process.platform, homedir());
}
