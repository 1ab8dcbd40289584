import { type ParseArgsConfig, parseArgs } from 'node:util';
import { resolveLocale } from '../core/i18n/localize.js';
import { didYouMean } from '../core/suggest.js';

// What a subcommand needs from the outside world, passed in so it can be
// tested in process and so nothing below the router reads `process` itself.

export interface CliOutput {
  /** Text, or bytes as they are (`http multipart --format raw`). */
  write(chunk: string | Uint8Array): unknown;
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

/** A problem with how the command was called: one line on stderr (what was wrong; a hint), exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** What to do instead, as a clause that follows the message after a semicolon. */
    readonly hint = "try 'nettutor --help'",
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The line a usage error prints on stderr: `nettutor: unknown option '--foo'; try 'nettutor --help'`. */
export function usageLine(error: UsageError): string {
  return `nettutor: ${error.message}; ${error.hint}`.replace(/\s*\n\s*/g, ' ');
}

/** Exit statuses shared by every subcommand; the tutorial also exits 128 + the signal's number after a signal. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Turns a node:util parseArgs error into one short line. The error's code says what kind of mistake it is; which
 * argument it was is found by reading the arguments again without strict checks (Node's English messages are not
 * parsed, so a change of wording in Node cannot break this).
 */
export function describeParseError(error: unknown, args: string[], options: Options): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const known = (name: string) => Object.hasOwn(options, name);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const token = tokens.find((t) => t.kind === 'option' && !known(t.name));
      if (token?.kind !== 'option') break;
      const longNames = Object.keys(options).map((name) => `--${name}`);
      return `unknown option '${token.rawName}'${token.rawName.startsWith('--') ? didYouMean(token.rawName, longNames) : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      for (const token of tokens) {
        if (token.kind !== 'option' || !known(token.name)) continue;
        const name = `--${token.name}`;
        if (options[token.name]!.type === 'boolean') {
          if (token.value !== undefined) return `${name} does not take a value`;
        } else if (token.value === undefined) {
          return `${name} needs a value`;
        } else if (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')) {
          // parseArgs will not take an option-like word as a value unless it is written --name=value.
          return `${name} needs a value, found the option '${token.value}' (write ${name}=${token.value} if that is the value)`;
        }
      }
      break;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const token = tokens.find((t) => t.kind === 'positional');
      if (token?.kind === 'positional') return `unexpected argument '${token.value}'`;
      break;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/** The options every subcommand takes: help, and where lessons, progress and language come from. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lessons: { type: 'string' },
  lang: { type: 'string' },
  progress: { type: 'string' },
} as const satisfies Options;

/** parseArgs (strict, positionals allowed) with mistakes reported as a usage error ending in `hint`. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, hint: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error, args, options), hint);
  }
}

/** `--lang`: a language nettutor speaks (en, zh-CN; zh and zh_CN are read as zh-CN), or a usage error. */
export function checkLang(value: string | undefined, hint?: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^(en|zh)([-_][A-Za-z]{2})?$/i.test(value)) {
    throw new UsageError(`--lang ${value} is not available (languages: en, zh-CN)`, hint);
  }
  return value;
}

/** The options of the commands that draw (`sim`, `http versions`, `http gateway`): how and in which language. */
export const OUTPUT_OPTIONS = {
  format: { type: 'string' },
  width: { type: 'string' },
  'ascii-only': { type: 'boolean' },
  lang: { type: 'string' },
} as const satisfies Options;

/** `a`, `a or b`, `a, b or c`. */
const orList = (words: readonly string[]) =>
  words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

/** An option that takes one of a few words (`--format`, `--mode`): the word, undefined when not given, or a usage error. */
export function choiceOption<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
  hint: string,
): T | undefined {
  if (value === undefined || (choices as readonly string[]).includes(value)) return value as T | undefined;
  throw new UsageError(`${name} must be ${orList(choices)}, not '${value}'`, hint);
}

/**
 * `--width N`: the columns to fit the output to, within what the picture needs (`what`: "the diagram"); without it,
 * the terminal's width kept within that range, or 80 when stdout is not a terminal.
 */
export function widthOption(
  value: string | undefined,
  io: CliIO,
  { min, max, what }: { min: number; max: number; what: string },
  hint: string,
): number {
  if (value === undefined) {
    const columns = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80;
    return Math.max(min, Math.min(max, columns));
  }
  if (!/^\d+$/.test(value)) throw new UsageError(`--width must be a whole number, not '${value}'`, hint);
  const width = Number(value);
  if (width < min || width > max) {
    throw new UsageError(`--width ${width} is out of range: ${what} needs ${min} to ${max} columns`, hint);
  }
  return width;
}

/**
 * The language of a command's output: only --lang chooses it, not LANG (scripts that read the output get the same
 * text everywhere), and English with --ascii-only (Chinese cannot be written in 7 bits), as in the tutorial.
 */
export function outputLocale(lang: string | undefined, ascii: boolean, hint: string): string {
  const checked = checkLang(lang, hint);
  return checked === undefined || ascii ? 'en' : resolveLocale(checked, {});
}

/**
 * The output options of a command that draws (OUTPUT_OPTIONS), read and checked before anything is printed and
 * whatever --format says: a --width out of range or a --lang nettutor does not speak is the same usage error
 * (exit 2) with JSON as with text, from every such command (`sim`, `http versions`, `http gateway`), although
 * JSON is the same at any width and in every language. `widths`: the columns the picture can be drawn in.
 */
export function outputOptions(
  values: { width?: string; 'ascii-only'?: boolean; lang?: string },
  io: CliIO,
  widths: { min: number; max: number; what: string },
  hint: string,
): { width: number; ascii: boolean; locale: string } {
  const ascii = values['ascii-only'] === true;
  const width = widthOption(values.width, io, widths, hint);
  return { width, ascii, locale: outputLocale(values.lang, ascii, hint) };
}
