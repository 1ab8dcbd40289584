// Argument mistakes reported by node:util parseArgs, turned into one short line by their error code; and the
// options the drawing commands share (--format, --width, --lang with --ascii-only), read by one function each.
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  type CliIO,
  UsageError,
  choiceOption,
  describeParseError,
  outputLocale,
  usageLine,
  widthOption,
} from '../../src/cli/io.js';

const options = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  lessons: { type: 'string' },
  'ascii-only': { type: 'boolean' },
} as const;

/** The error parseArgs throws for `args`, and the line it becomes. */
function mistake(args: string[], allowPositionals = true) {
  try {
    parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // The same error with another wording (a later Node): the line must not change.
    const reworded = Object.assign(new Error('(reworded)'), { code });
    const line = describeParseError(error, args, options);
    expect(describeParseError(reworded, args, options)).toBe(line);
    return { code, line };
  }
  throw new Error(`parseArgs accepted ${args.join(' ')}`);
}

describe('argument mistakes', () => {
  it('ERR_PARSE_ARGS_UNKNOWN_OPTION: names the option, with a suggestion when one is close', () => {
    expect(mistake(['--colour'])).toEqual({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION', line: "unknown option '--colour'" });
    expect(mistake(['--lnag', 'en']).line).toBe(`unknown option '--lnag' (did you mean "--lang"?)`);
    expect(mistake(['--ascii-only', '--lesons=x']).line).toBe(`unknown option '--lesons' (did you mean "--lessons"?)`);
    expect(mistake(['-x']).line).toBe("unknown option '-x'");
    expect(mistake(['-hx']).line).toBe("unknown option '-x'");
    expect(mistake(['--constructor']).line).toBe("unknown option '--constructor'");
  });

  it('ERR_PARSE_ARGS_INVALID_OPTION_VALUE: a missing value, a value given to a switch, an option taken for a value', () => {
    expect(mistake(['--lang'])).toEqual({ code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', line: '--lang needs a value' });
    expect(mistake(['--ascii-only', '--lessons']).line).toBe('--lessons needs a value');
    expect(mistake(['--help=yes']).line).toBe('--help does not take a value');
    expect(mistake(['--lang', '--ascii-only']).line).toBe(
      "--lang needs a value, found the option '--ascii-only' (write --lang=--ascii-only if that is the value)",
    );
  });

  it('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: names the argument', () => {
    expect(mistake(['--ascii-only', 'extra'], false)).toEqual({
      code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
      line: "unexpected argument 'extra'",
    });
  });

  it('falls back to the first line of the message for an error without a known code', () => {
    expect(describeParseError(new Error('something else\nmore'), [], options)).toBe('something else');
  });
});

/** The line a call's usage error prints, or what it returned. */
function outcome<T>(call: () => T): T | string {
  try {
    return call();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageLine(error);
  }
}

const HINT = "try 'nettutor thing --help'";
const out = (stdout: CliIO['stdout']) => ({ stdout }) as CliIO;

describe('the options the drawing commands share', () => {
  it('--format and --mode: a word among the choices, or a line listing them', () => {
    expect(choiceOption('--format', 'json', ['text', 'json'], HINT)).toBe('json');
    expect(choiceOption('--format', undefined, ['text', 'json'], HINT)).toBeUndefined();
    expect(outcome(() => choiceOption('--format', 'yaml', ['text', 'json'], HINT))).toBe(
      "nettutor: --format must be text or json, not 'yaml'; try 'nettutor thing --help'",
    );
    expect(outcome(() => choiceOption('--format', 'hex', ['raw', 'escaped', 'json'], HINT))).toBe(
      "nettutor: --format must be raw, escaped or json, not 'hex'; try 'nettutor thing --help'",
    );
    expect(outcome(() => choiceOption('--mode', 'JSON', ['json'], HINT))).toBe(
      "nettutor: --mode must be json, not 'JSON'; try 'nettutor thing --help'",
    );
  });

  it('--width: a whole number within what the picture needs; without it, the terminal kept in range, or 80', () => {
    const range = { min: 56, max: 200, what: 'the ladder' };
    expect(widthOption('56', out({ write: () => true }), range, HINT)).toBe(56);
    expect(widthOption('200', out({ write: () => true }), range, HINT)).toBe(200);
    expect(outcome(() => widthOption('55', out({ write: () => true }), range, HINT))).toBe(
      "nettutor: --width 55 is out of range: the ladder needs 56 to 200 columns; try 'nettutor thing --help'",
    );
    expect(outcome(() => widthOption('201', out({ write: () => true }), range, HINT))).toBe(
      "nettutor: --width 201 is out of range: the ladder needs 56 to 200 columns; try 'nettutor thing --help'",
    );
    for (const value of ['wide', '-60', '6e1', '60.0', ' 60', '']) {
      expect(outcome(() => widthOption(value, out({ write: () => true }), range, HINT))).toBe(
        `nettutor: --width must be a whole number, not '${value}'; try 'nettutor thing --help'`,
      );
    }
    const write = () => true;
    expect(widthOption(undefined, out({ write }), range, HINT)).toBe(80);
    expect(widthOption(undefined, out({ write, columns: 120 }), range, HINT)).toBe(80);
    expect(widthOption(undefined, out({ write, isTTY: true, columns: 120 }), range, HINT)).toBe(120);
    expect(widthOption(undefined, out({ write, isTTY: true, columns: 40 }), range, HINT)).toBe(56);
    expect(widthOption(undefined, out({ write, isTTY: true, columns: 300 }), range, HINT)).toBe(200);
    expect(widthOption(undefined, out({ write, isTTY: true }), range, HINT)).toBe(80);
  });

  it('--lang: a language nettutor speaks, English without it or with --ascii-only; another is a usage error', () => {
    expect(outputLocale(undefined, false, HINT)).toBe('en');
    expect(outputLocale('zh-CN', false, HINT)).toBe('zh-CN');
    expect(outputLocale('zh_CN', false, HINT)).toBe('zh-CN');
    expect(outputLocale('zh', false, HINT)).toBe('zh-CN');
    expect(outputLocale('zh-CN', true, HINT)).toBe('en');
    expect(outputLocale('en', false, HINT)).toBe('en');
    expect(outcome(() => outputLocale('fr', false, HINT))).toBe(
      "nettutor: --lang fr is not available (languages: en, zh-CN); try 'nettutor thing --help'",
    );
    // Checked even where the text will be English.
    expect(outcome(() => outputLocale('fr', true, HINT))).toBe(
      "nettutor: --lang fr is not available (languages: en, zh-CN); try 'nettutor thing --help'",
    );
  });
});
