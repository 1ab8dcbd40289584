// Argument mistakes reported by node:util parseArgs, turned into one short line by their error code.
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { describeParseError } from '../../src/cli/io.js';

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
