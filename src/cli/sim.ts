// `nettutor sim`: the simulator's command-line door (shared spec sim-cli.md).
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { LadderWidthError, MAX_LADDER_WIDTH, MIN_LADDER_WIDTH, renderLadder } from '../core/ladder/render.js';
import { BUILTIN_SCENARIOS, getBuiltinScenario, scenarioTexts } from '../core/scenario/builtins.js';
import { parseScenario } from '../core/scenario/validate.js';
import { didYouMean } from '../core/suggest.js';
import { text } from '../core/i18n/localize.js';
import { lineText, toAscii, wrapSpans } from '../core/layout/prose.js';
import { finalStates, formatText } from '../core/tcp/describe.js';
import { scaleNote } from '../core/tcp/scale.js';
import { simulate } from '../core/tcp/simulate.js';
import type { Scenario, SimResult } from '../core/tcp/types.js';
import { readJsonFile } from '../node/lesson-files.js';
import { type CliIO, EXIT, OUTPUT_OPTIONS, UsageError, choiceOption, outputOptions, parseCommandArgs } from './io.js';

const SIM_USAGE = `Usage:
  nettutor sim <scenario> [--format ascii|text|json] [--width N] [--ascii-only] [--lang <code>]
  nettutor sim --list [--long] [--width N] [--ascii-only] [--lang <code>]

<scenario> is a built-in scenario's name (see --list) or the path of a scenario file (JSON).

Options:
  --format ascii   the ladder diagram (default)
  --format text    the title and what to watch, then one plain sentence per event (for screen
                   readers, notes, diffs)
  --format json    one JSON document: {"scenario", "events", "final"}
  --width N        fit the diagram, and wrap the text, to N columns (${MIN_LADDER_WIDTH}-${MAX_LADDER_WIDTH};
                   default: the terminal's width, or 80)
  --ascii-only     7-bit characters only, no box drawing
  --lang <code>    the language of titles, descriptions, sentences and the ladder's notes:
                   en (default), zh-CN; English with --ascii-only (Chinese is not 7-bit)
  --list           the built-in scenarios, one per line: name, then title
  --long           (with --list) each scenario with what to watch in it, wrapped to the width
  -h, --help       this help

Exit status: 0 on success; 2 for a usage error (a --width or a --lang that cannot be is one with
any format, and with --list), an unknown scenario or an invalid scenario file.
The same input gives the same output, byte for byte.
`;

const HINT = "try 'nettutor sim --help'";

/** A paragraph wrapped to `width` columns (display width), each line after `indent`. */
function wrapParagraph(paragraph: string, width: number, indent = ''): string[] {
  return wrapSpans([{ text: paragraph, style: 'plain' }], width, indent, indent).map(lineText);
}

/** The widths --width may ask for: what the ladder can be drawn in (the long list is wrapped to the same). */
const WIDTHS = { min: MIN_LADDER_WIDTH, max: MAX_LADDER_WIDTH, what: 'the ladder' };

/** `--list --long`: each scenario's name and title, then what to watch, wrapped and indented. */
function longList(width: number, locale: string): string[] {
  const blocks = BUILTIN_SCENARIOS.map((s) => {
    const t = scenarioTexts(s);
    return [
      `${s.name}  ${text(t.title, locale)}`,
      ...(t.description ? wrapParagraph(text(t.description, locale), width, '    ') : []),
    ];
  });
  return blocks.flatMap((block, i) => (i === 0 ? block : ['', ...block]));
}

/** JSON with one event per line: stable, diffable, and still one document. */
function formatJson(result: SimResult): string {
  const events = result.events.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  return `{\n  "scenario": ${JSON.stringify(result.scenario)},\n  "events": [\n${events}\n  ],\n  "final": ${JSON.stringify(result.final)}\n}\n`;
}

function loadScenario(arg: string, io: CliIO): Scenario | { problems: string[] } {
  const builtin = getBuiltinScenario(arg);
  if (builtin) return builtin;
  const path = resolve(io.cwd, arg);
  let kind: 'file' | 'folder' | 'none' = 'none';
  try {
    kind = statSync(path).isFile() ? 'file' : 'folder';
  } catch {
    kind = 'none';
  }
  if (kind === 'folder') {
    throw new UsageError(`${arg} is a folder, not a scenario file`, 'give the path of a scenario file (JSON)');
  }
  if (kind === 'none') {
    const names = BUILTIN_SCENARIOS.map((s) => s.name);
    const looksLikePath = /[/\\]|\.json$/i.test(arg);
    throw new UsageError(
      looksLikePath
        ? `cannot read the scenario file ${arg}: it does not exist`
        : `unknown scenario '${arg}'${didYouMean(arg, names)}`,
      "try 'nettutor sim --list' for the built-in scenarios, or give the path of a scenario file",
    );
  }
  const parsed = readJsonFile(path);
  if (parsed.problems.length > 0) return { problems: parsed.problems.map((p) => `${arg}: ${p.message}`) };
  const result = parseScenario(parsed.value, { defaultName: basename(arg).replace(/\.json$/i, '') });
  if (!result.ok) return { problems: result.problems.map((p) => `${arg}: ${p.field || '(file)'}: ${p.message}`) };
  return result.scenario;
}

export async function runSim(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      help: { type: 'boolean', short: 'h' },
      list: { type: 'boolean' },
      long: { type: 'boolean' },
      ...OUTPUT_OPTIONS,
    },
    HINT,
  );
  if (values.help) {
    io.stdout.write(SIM_USAGE);
    return EXIT.ok;
  }
  const { width, ascii, locale } = outputOptions(values, io, WIDTHS, HINT);
  /** Text as written: folded to 7-bit with --ascii-only. */
  const out = (lines: string[]) => {
    const body = `${lines.join('\n')}\n`;
    io.stdout.write(ascii ? toAscii(body) : body);
  };
  if (values.long && !values.list) throw new UsageError('--long goes with --list', "try 'nettutor sim --list --long'");
  if (values.list) {
    if (positionals.length > 0) throw new UsageError('--list takes no scenario', HINT);
    if (values.long) {
      out(longList(width, locale));
      return EXIT.ok;
    }
    const names = Math.max(...BUILTIN_SCENARIOS.map((s) => s.name.length));
    out(BUILTIN_SCENARIOS.map((s) => `${s.name.padEnd(names)}  ${text(scenarioTexts(s).title, locale)}`));
    return EXIT.ok;
  }
  if (positionals.length === 0)
    throw new UsageError(
      'sim needs a scenario: a built-in name or a file',
      "try 'nettutor sim --list' for the built-in scenarios",
    );
  if (positionals.length > 1)
    throw new UsageError(`sim takes one scenario, got ${positionals.length}: ${positionals.join(' ')}`, HINT);
  const format = choiceOption('--format', values.format, ['ascii', 'text', 'json'], HINT) ?? 'ascii';

  const loaded = loadScenario(positionals[0]!, io);
  if ('problems' in loaded) {
    for (const p of loaded.problems) io.stderr.write(`nettutor sim: ${p}\n`);
    return EXIT.usage;
  }
  const result = simulate(loaded);
  // Where TIME-WAIT appears, the run's scale (MSL shrunk to keep it short) and the real values.
  const scale = scaleNote(loaded, result);
  if (format === 'json') {
    io.stdout.write(formatJson(result));
  } else if (format === 'text') {
    // The story first (title, then what to watch, wrapped), then one sentence per event, each on one line,
    // then the run's scale where TIME-WAIT appears.
    const texts = scenarioTexts(loaded);
    const description = texts.description && text(texts.description, locale);
    const story = [text(texts.title, locale), '', ...(description ? [...wrapParagraph(description, width), ''] : [])];
    out([...story, ...formatText(result, locale), ...(scale ? [text(scale, locale)] : [])]);
  } else {
    try {
      const ladder = renderLadder(result, loaded, {
        width,
        charset: values['ascii-only'] ? 'ascii' : 'unicode',
        locale,
      });
      // The scale note is wrapped to the ladder's width (and folded to 7-bit with the rest by `out`).
      const final =
        locale === 'en'
          ? `final: client ${result.final.client}, server ${result.final.server}`
          : text(finalStates(result), locale);
      out([
        text(scenarioTexts(loaded).title, locale),
        '',
        ...ladder.lines,
        '',
        final,
        ...(scale ? wrapParagraph(text(scale, locale), width) : []),
      ]);
    } catch (error) {
      if (error instanceof LadderWidthError) throw new UsageError(error.message, HINT);
      throw error;
    }
  }
  return EXIT.ok;
}
