import { type ParseArgsConfig, parseArgs } from 'node:util';

// What a subcommand needs from the outside world, passed in so it can be
// tested in process and so nothing below the router reads `process` itself.

export interface CliOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Asks a yes/no question on the terminal; only called when stdin and stdout are TTYs. */
  confirm?: (question: string) => Promise<boolean>;
}

/** A problem with how the command was called: one line on stderr, a usage hint, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint = 'Run `nettutor --help` for usage.',
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit statuses shared by every subcommand. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Turns node:util parseArgs errors into one short line. */
export function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  const noValue = /Option '(--[\w-]+)' does not take an argument/.exec(message);
  if (noValue) return `${noValue[1]} does not take a value`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `unexpected argument '${positional[1]}'`;
  return message.split('\n')[0] ?? message;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options every subcommand takes: help, and where lessons, progress and language come from. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lessons: { type: 'string' },
  lang: { type: 'string' },
  progress: { type: 'string' },
} as const satisfies Options;

/** parseArgs (strict, positionals allowed) with mistakes reported as one usage line plus `hint`. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, hint: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error), hint);
  }
}
