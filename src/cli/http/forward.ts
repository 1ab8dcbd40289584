// `nettutor http forward`: what a forward proxy sends on to the origin server
// (the project's http CLI spec; docs/http.md). Reads one HTTP/1.x request from
// a file or stdin, prints the forwarded request (CRLF) or one JSON document.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { text } from '../../core/i18n/localize.js';
import {
  type ForwardResult,
  PROXY_MODES,
  PROXY_NAME,
  type ProxyMode,
  forward,
  targetProblem,
} from '../../core/models/http-proxy/forward.js';
import { parseRequest, serializeRequest } from '../../core/models/http-proxy/message.js';
import { type CliIO, EXIT, UsageError, choiceOption, parseCommandArgs } from '../io.js';

const USAGE = `Usage:
  nettutor http forward [FILE|-] [--proxy NAME] [--mode rfc|http10] [--format http|json]

Reads one HTTP/1.x request (request line, fields, an empty line, an optional body; lines ending
in CRLF or LF) from FILE, or from stdin with - (or with no FILE when stdin is not a terminal),
and prints what a forward proxy sends on to the origin server.

Options:
  --mode rfc       a conforming HTTP/1.1 proxy (default; RFC 9110 §7.6, RFC 9112 §3.2): the
                   target becomes origin-form and the version HTTP/1.1; Host comes from the
                   target URL; Connection, every field it names, Proxy-Connection, Keep-Alive,
                   TE, Upgrade, Transfer-Encoding and Proxy-Authorization are removed; a chunked
                   body goes on with Content-Length; Max-Forwards counts down on TRACE and
                   OPTIONS (at 0 nothing is forwarded); Via gets "<version> NAME"; every other
                   field goes on unchanged, in order
  --mode http10    an old HTTP/1.0 proxy that knows nothing of Connection: every field goes on
                   unchanged and in order, no Via, HTTP/1.0; a forwarded Connection: keep-alive
                   hangs the client's next request
  --proxy NAME     the proxy's name in Via (default: proxy)
  --format http    the forwarded request, byte for byte, CRLF line ends (default)
  --format json    one JSON document: {"forwarded": string|null, "removed": [names as
                   received], "added": [names], "changed": [names], "outcome": "ok"|"hang",
                   "why": string}
  -h, --help       this help

When Max-Forwards is 0 on a TRACE or OPTIONS request, the proxy answers it itself: --format http
prints a note on stderr and nothing on stdout (exit 0); JSON has "forwarded": null.

Exit status: 0 on success; 2 for a usage error, a file that cannot be read, or a request that is
not valid (one line on stderr says what is wrong and on which line).
The same input gives the same output, byte for byte.
`;

const HINT = "try 'nettutor http forward --help'";

/** Reads all of stdin, when it is a stream (the process's, or one a test passes in). */
async function readStdin(io: CliIO): Promise<Buffer> {
  const stdin = io.stdin as { isTTY?: boolean } & Partial<AsyncIterable<Buffer | string>>;
  if (typeof stdin[Symbol.asyncIterator] !== 'function') throw new UsageError('stdin cannot be read here', HINT);
  const chunks: Buffer[] = [];
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
  }
  return Buffer.concat(chunks);
}

function readInput(file: string, io: CliIO): Buffer {
  const path = resolve(io.cwd, file);
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new UsageError(`cannot read ${file}: it does not exist`, HINT);
  }
  if (!isFile) throw new UsageError(`${file} is a folder, not a file holding a request`, HINT);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, HINT);
  }
}

/** Bytes (one character each) as text: UTF-8 where they are UTF-8, for JSON. */
const asText = (bytes: string) => Buffer.from(bytes, 'latin1').toString('utf8');

/** Writes bytes exactly: a string when they are 7-bit, else a Buffer. */
function writeBytes(io: CliIO, bytes: string): void {
  if (/^[\x00-\x7f]*$/.test(bytes)) io.stdout.write(bytes);
  else (io.stdout as unknown as { write(chunk: Uint8Array): unknown }).write(Buffer.from(bytes, 'latin1'));
}

function json(result: ForwardResult, mode: ProxyMode, proxy: string): string {
  const doc = {
    forwarded: result.forwarded ? asText(serializeRequest(result.forwarded)) : null,
    removed: result.removed,
    added: result.added,
    changed: result.changed,
    outcome: result.outcome,
    why: text(result.why, 'en'),
    mode,
    proxy,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export default async function runForward(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      help: { type: 'boolean', short: 'h' },
      proxy: { type: 'string' },
      mode: { type: 'string' },
      format: { type: 'string' },
    },
    HINT,
  );
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const mode = choiceOption('--mode', values.mode, PROXY_MODES, HINT) ?? 'rfc';
  const format = choiceOption('--format', values.format, ['http', 'json'], HINT) ?? 'http';
  const proxy = values.proxy ?? 'proxy';
  if (!PROXY_NAME.test(proxy)) {
    throw new UsageError(
      `--proxy ${JSON.stringify(proxy)} is not a name Via can carry: a token or host[:port], without spaces or commas`,
      HINT,
    );
  }
  if (positionals.length > 1) {
    throw new UsageError(`forward reads one request, got ${positionals.length} files: ${positionals.join(' ')}`, HINT);
  }
  const file = positionals[0];
  if (file === undefined && io.stdin.isTTY) {
    throw new UsageError('forward needs a request: give a FILE, or - and the request on stdin', HINT);
  }
  const source = file === undefined || file === '-' ? 'stdin' : file;
  const bytes = (file === undefined || file === '-' ? await readStdin(io) : readInput(file, io)).toString('latin1');

  const parsed = parseRequest(bytes);
  if (!parsed.ok) {
    throw new UsageError(
      `${source}${parsed.line === undefined ? '' : `: line ${parsed.line}`}: ${parsed.message}`,
      HINT,
    );
  }
  const problem = targetProblem(parsed.request);
  if (problem) throw new UsageError(`${source}: line 1: ${problem}`, HINT);

  const result = forward(parsed.request, { mode, proxyName: proxy });
  if (format === 'json') {
    io.stdout.write(json(result, mode, proxy));
    return EXIT.ok;
  }
  if (!result.forwarded) {
    io.stderr.write(`nettutor http forward: ${text(result.why, 'en')}\n`);
    return EXIT.ok;
  }
  writeBytes(io, serializeRequest(result.forwarded));
  return EXIT.ok;
}
