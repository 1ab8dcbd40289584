// `nettutor http versions`: N requests over HTTP/1.0, 1.1, 1.1 pipelined,
// 1.1 with K connections and HTTP/2, as a waterfall or JSON (the contract is
// the http CLI spec; docs/http.md describes the command).
import { displayWidth } from '../../core/layout/width.js';
import { text } from '../../core/i18n/localize.js';
import { lineText, toAscii, wrapSpans } from '../../core/layout/prose.js';
import {
  DEFAULT_SETTINGS,
  MODES,
  type VersionSettings,
  runVersions,
  versionsJson,
} from '../../core/models/http-versions/timeline.js';
import {
  MAX_WATERFALL_WIDTH,
  MIN_WATERFALL_WIDTH,
  legendItems,
  settingsText,
  waterfallRows,
} from '../../core/models/http-versions/waterfall.js';
import { type CliIO, EXIT, OUTPUT_OPTIONS, UsageError, choiceOption, outputOptions, parseCommandArgs } from '../io.js';

export const LIMITS = {
  requests: [1, 50],
  rtt: [2, 10_000],
  server: [0, 60_000],
  connections: [1, 100],
} as const;

const USAGE = `Usage:
  nettutor http versions [--requests N] [--rtt MS] [--server MS] [--slow I:MS]...
                         [--connections K] [--format ascii|json] [--width N] [--ascii-only]
                         [--lang <code>]

N requests for resources of one origin, over HTTP/1.0 (a connection per request),
HTTP/1.1 (one persistent connection), HTTP/1.1 pipelined, HTTP/1.1 over K parallel
connections, and HTTP/2 (streams on one connection): when each request is sent, when
its response has arrived, on which connection. No bandwidth limit, no TLS, no loss;
times are whole milliseconds from the first SYN.

Options:
  --requests N      how many requests (${LIMITS.requests[0]}-${LIMITS.requests[1]}; default ${DEFAULT_SETTINGS.requests})
  --rtt MS          the round-trip time, an even number of ms (${LIMITS.rtt[0]}-${LIMITS.rtt[1]}; default ${DEFAULT_SETTINGS.rtt})
  --server MS       the server's time to produce each response (${LIMITS.server[0]}-${LIMITS.server[1]}; default ${DEFAULT_SETTINGS.server})
  --slow I:MS       request I (1-based) takes the server MS instead; repeat for more
  --connections K   the parallel connections of 1.1-parallel (${LIMITS.connections[0]}-${LIMITS.connections[1]}; default ${DEFAULT_SETTINGS.connections})
  --format ascii    a waterfall, one row per request per mode, on one time axis (default)
  --format json     one JSON document: {"settings", "modes": {"<mode>": {"total",
                    "connections", "requests": [{"i", "connection", "sent", "done", …}]}}}
  --width N         fit the waterfall to N columns (${MIN_WATERFALL_WIDTH}-${MAX_WATERFALL_WIDTH}; default: the terminal's
                    width, or 80)
  --ascii-only      7-bit characters only
  --lang <code>     (ascii) the language of the settings, the modes' titles and the legend:
                    en (default), zh-CN; English with --ascii-only
  -h, --help        this help

Modes: ${MODES.join(', ')}.
Exit status: 0 on success; 2 for a usage error, whatever the format: a --width or a --lang
that cannot be is one with JSON too. The same input gives the same output, byte for byte.
`;

const HINT = "try 'nettutor http versions --help'";

/** The widths --width may ask for: what the waterfall can be drawn in. */
const WIDTHS = { min: MIN_WATERFALL_WIDTH, max: MAX_WATERFALL_WIDTH, what: 'the waterfall' };

/** A whole number of ms (or a count) within [lo, hi], or a usage error naming the option. */
function wholeNumber(value: string | undefined, name: string, [lo, hi]: readonly [number, number], fallback: number) {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${name} must be a whole number, not '${value}'`, HINT);
  const n = Number(value);
  if (n < lo || n > hi) throw new UsageError(`${name} ${n} is out of range: ${lo} to ${hi}`, HINT);
  return n;
}

/** `--slow I:MS` values: each request once, among 1..N. */
function slowRequests(values: string[], requests: number, [lo, hi]: readonly [number, number]) {
  const slow: Record<number, number> = {};
  for (const value of values) {
    const m = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(value);
    if (!m) {
      throw new UsageError(
        `--slow needs REQUEST:MS, such as 3:600 (request 3 takes the server 600 ms), not '${value}'`,
        HINT,
      );
    }
    const i = Number(m[1]);
    const ms = Number(m[2]);
    if (i < 1 || i > requests) {
      throw new UsageError(`--slow ${value}: there is no request ${i} (requests are numbered 1 to ${requests})`, HINT);
    }
    if (ms < lo || ms > hi) throw new UsageError(`--slow ${value}: ${ms} ms is out of range: ${lo} to ${hi}`, HINT);
    if (i in slow) throw new UsageError(`--slow names request ${i} twice`, HINT);
    slow[i] = ms;
  }
  return slow;
}

const wrap = (paragraph: string, width: number, indent = '') =>
  wrapSpans([{ text: paragraph, style: 'plain' }], width, '', indent).map(lineText);

/** The legend, items kept whole, as many on a line as fit. */
function legendLines(width: number, ascii: boolean, locale: string): string[] {
  const items = legendItems(ascii ? 'ascii' : 'unicode').map((item) => `${item.glyph} ${text(item.text, locale)}`);
  const lines: string[] = [];
  for (const item of items) {
    const last = lines[lines.length - 1];
    if (last !== undefined && displayWidth(last) + 3 + displayWidth(item) <= width)
      lines[lines.length - 1] = `${last}   ${item}`;
    else lines.push(item);
  }
  return lines;
}

/** The JSON document: settings, then each mode, one request per line (stable and diffable). */
function formatJson(settings: VersionSettings): string {
  const doc = versionsJson(runVersions(settings));
  const modes = MODES.map((m) => {
    const t = doc.modes[m]!;
    const requests = t.requests.map((r) => `        ${JSON.stringify(r)}`).join(',\n');
    return `    ${JSON.stringify(m)}: {\n      "total": ${t.total},\n      "connections": ${t.connections},\n      "requests": [\n${requests}\n      ]\n    }`;
  });
  return `{\n  "settings": ${JSON.stringify(doc.settings)},\n  "modes": {\n${modes.join(',\n')}\n  }\n}\n`;
}

export async function runVersionsCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      help: { type: 'boolean', short: 'h' },
      requests: { type: 'string' },
      rtt: { type: 'string' },
      server: { type: 'string' },
      slow: { type: 'string', multiple: true },
      connections: { type: 'string' },
      ...OUTPUT_OPTIONS,
    },
    HINT,
  );
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`, HINT);
  const format = choiceOption('--format', values.format, ['ascii', 'json'], HINT) ?? 'ascii';
  const requests = wholeNumber(values.requests, '--requests', LIMITS.requests, DEFAULT_SETTINGS.requests);
  const rtt = wholeNumber(values.rtt, '--rtt', LIMITS.rtt, DEFAULT_SETTINGS.rtt);
  if (rtt % 2 !== 0) {
    throw new UsageError(`--rtt must be even (half of it is one way, in whole ms), not ${rtt}`, HINT);
  }
  const server = wholeNumber(values.server, '--server', LIMITS.server, DEFAULT_SETTINGS.server);
  const connections = wholeNumber(
    values.connections,
    '--connections',
    LIMITS.connections,
    DEFAULT_SETTINGS.connections,
  );
  const slow = slowRequests(values.slow ?? [], requests, LIMITS.server);
  const settings: VersionSettings = { requests, rtt, server, slow, connections };
  const { width, ascii, locale } = outputOptions(values, io, WIDTHS, HINT);

  if (format === 'json') {
    io.stdout.write(formatJson(settings));
    return EXIT.ok;
  }
  const result = runVersions(settings);
  const lines: string[] = [];
  const say = (s: string) => (ascii ? toAscii(s) : s);
  lines.push(
    ...wrap(
      say(
        settingsText(result)
          .map((t) => text(t, locale))
          .join(' · '),
      ),
      width,
    ),
    '',
  );
  let first = true;
  for (const row of waterfallRows(result, { width, charset: ascii ? 'ascii' : 'unicode' })) {
    if (row.role === 'mode') {
      // A blank line between modes; the first title follows the axis directly.
      if (!first) lines.push('');
      first = false;
      lines.push(...wrap(say(text(row.title, locale)), width, '  '));
    } else lines.push(row.text);
  }
  lines.push('', ...legendLines(width, ascii, locale).map(say));
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
