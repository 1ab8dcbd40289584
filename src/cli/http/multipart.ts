// `nettutor http multipart`: builds a multipart/form-data body from fields and
// files and prints its Content-Type field and its bytes (raw, escaped or JSON),
// or reads a body back into its parts (the contract: the http CLI spec).
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { text } from '../../core/i18n/localize.js';
import {
  buildMultipart,
  byteString,
  bytesOf,
  escapedLines,
  type FormPart,
  parseMultipart,
  utf8Text,
} from '../../core/models/http-multipart/multipart.js';
import { buildProblemText, parseProblemText } from '../../core/models/http-multipart/phrases.js';
import { createRandom } from '../../core/random.js';
import { type CliIO, choiceOption, describeParseError, EXIT, UsageError } from '../io.js';

const USAGE = `Usage:
  nettutor http multipart [--boundary B] (--field NAME=VALUE | --file NAME=PATH[;type=T])...
                          [--format raw|escaped|json]
  nettutor http multipart --parse FILE --content-type VALUE [--format json]

Builds the body a form with these fields and files is sent as (multipart/form-data, RFC 7578;
syntax RFC 2046 section 5.1.1), parts in the order given, and prints the request's Content-Type
field and the body. With --parse, reads a body back into its parts.

Options:
  --field NAME=VALUE       a text field; VALUE is written as UTF-8
  --file NAME=PATH[;type=T]
                           a file: its bytes, with filename="<base name of PATH>" and
                           Content-Type T (default application/octet-stream)
  --boundary B             the boundary: 1-70 characters of letters, digits, '()+_,-./:=? and space,
                           not ending in a space, that occurs in no part; without it one is
                           generated from the parts (the same parts give the same boundary)
  --format raw             the bytes: "Content-Type: ..." CRLF, an empty line (CRLF), the body
  --format escaped         the same made visible: CR as \\r, LF as \\n and a line break after it,
                           tab as \\t, a backslash as \\\\, other bytes that are not text as \\xHH
                           (the default on a terminal; raw otherwise)
  --format json            {"contentType", "boundary", "body", "bodyEncoding", "length"}: body is
                           the body's text when it is UTF-8 (bodyEncoding "utf-8"), else one
                           character per byte (bodyEncoding "latin1")
  --parse FILE             read the body in FILE and print its parts as JSON:
                           {"boundary", "parts": [{"name", "filename", "contentType", "content",
                           "contentEncoding", "length"}]}, names as written (a " written %22 stays
                           %22); text before the first delimiter and after the last is ignored
  --content-type VALUE     (with --parse) the request's Content-Type:
                           multipart/form-data; boundary=...
  -h, --help               this help

In names and file names, " is written %22, CR %0D and LF %0A.

Exit status: 0 on success; 2 for a usage error, a file that cannot be read, a boundary that is not
valid or occurs in a part, or (--parse) a body a receiver cannot read: stderr names the first
problem and its line. The same input gives the same output, byte for byte.
`;

const HINT = "try 'nettutor http multipart --help'";
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  field: { type: 'string', multiple: true },
  file: { type: 'string', multiple: true },
  boundary: { type: 'string' },
  format: { type: 'string' },
  parse: { type: 'string' },
  'content-type': { type: 'string' },
} as const;

/** `NAME=REST`: the name (not empty) and the rest. */
function splitName(value: string, option: string, what: string): [string, string] {
  const eq = value.indexOf('=');
  if (eq < 0) throw new UsageError(`${option} '${value}' needs NAME=${what}`, HINT);
  const name = value.slice(0, eq);
  if (name === '') throw new UsageError(`${option} '${value}' has no name before '='`, HINT);
  return [name, value.slice(eq + 1)];
}

/** A file's bytes, or a usage error saying why they cannot be read. */
function readBytes(path: string, io: CliIO, option: string): Uint8Array {
  const full = resolve(io.cwd, path);
  let isFile = false;
  try {
    isFile = statSync(full).isFile();
  } catch {
    throw new UsageError(`${option}: cannot read ${path}: it does not exist`, HINT);
  }
  if (!isFile) throw new UsageError(`${option}: ${path} is not a file`, HINT);
  try {
    return new Uint8Array(readFileSync(full));
  } catch (error) {
    throw new UsageError(`${option}: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, HINT);
  }
}

/** A part from `--file NAME=PATH[;type=T]`. */
function filePart(value: string, io: CliIO): FormPart {
  const [name, rest] = splitName(value, '--file', 'PATH[;type=T]');
  const typed = /^(.*);type=([^;]*)$/s.exec(rest);
  const path = typed ? typed[1]! : rest;
  const type = typed ? typed[2]!.trim() : undefined;
  if (path === '') throw new UsageError(`--file '${value}' has no path after '='`, HINT);
  if (type === '') throw new UsageError(`--file '${value}': ;type= needs a media type, e.g. ;type=image/png`, HINT);
  return {
    name,
    filename: basename(path),
    ...(type === undefined ? {} : { contentType: type }),
    content: readBytes(path, io, '--file'),
  };
}

/** 32-bit FNV-1a over every part: the seed of a generated boundary, so the same parts give the same one. */
function seedOf(parts: readonly FormPart[]): number {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  };
  for (const p of parts) {
    mix(`${p.name}\0${p.filename ?? ''}\0${p.contentType ?? ''}\0`);
    mix(byteString(p.content));
    mix('\0');
  }
  return h;
}

/** Bytes as a JSON string: their text when they are UTF-8, else one character per byte. */
function jsonText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'latin1' } {
  const utf8 = utf8Text(bytes);
  return utf8 === undefined ? { text: byteString(bytes), encoding: 'latin1' } : { text: utf8, encoding: 'utf-8' };
}

function runParse(file: string, contentType: string | undefined, format: string | undefined, io: CliIO): number {
  if (contentType === undefined) {
    throw new UsageError("--parse needs --content-type VALUE (the request's Content-Type)", HINT);
  }
  if (format !== undefined && format !== 'json') {
    throw new UsageError(`--parse prints JSON: --format must be json, not '${format}'`, HINT);
  }
  const read = parseMultipart(readBytes(file, io, '--parse'), contentType);
  if (!read.ok) {
    io.stderr.write(`nettutor http multipart: ${file}: ${text(parseProblemText(read.problem), 'en')}\n`);
    return EXIT.usage;
  }
  const parts = read.parts.map((p) => {
    const content = jsonText(p.content);
    return {
      name: p.name,
      filename: p.filename,
      contentType: p.contentType,
      content: content.text,
      contentEncoding: content.encoding,
      length: p.content.length,
    };
  });
  io.stdout.write(`${JSON.stringify({ boundary: read.boundary, parts }, null, 2)}\n`);
  return EXIT.ok;
}

/** The options, with the order they were given in (the parts' order). */
const readArgs = (args: string[]) =>
  parseArgs({ args, options: OPTIONS, tokens: true, allowPositionals: true, strict: true });

export async function runMultipart(args: string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs(args);
  } catch (error) {
    throw new UsageError(describeParseError(error, args, OPTIONS), HINT);
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`, HINT);
  const format = values.format;

  if (values.parse !== undefined) {
    const extra = ['field', 'file', 'boundary'].find((o) => values[o as 'field' | 'file' | 'boundary'] !== undefined);
    if (extra) throw new UsageError(`--parse reads a body: --${extra} builds one, so they do not go together`, HINT);
    return runParse(values.parse, values['content-type'], format, io);
  }
  if (values['content-type'] !== undefined) {
    throw new UsageError('--content-type goes with --parse (a built body has its own)', HINT);
  }
  choiceOption('--format', format, ['raw', 'escaped', 'json'], HINT);

  // The parts in the order their options were given.
  const parts: FormPart[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'field') {
      const [name, value] = splitName(token.value, '--field', 'VALUE');
      parts.push({ name, content: value });
    } else if (token.name === 'file') parts.push(filePart(token.value, io));
  }
  if (parts.length === 0) {
    throw new UsageError('a form needs at least one part: give --field NAME=VALUE or --file NAME=PATH', HINT);
  }

  const built = buildMultipart(parts, {
    ...(values.boundary === undefined ? {} : { boundary: values.boundary }),
    random: createRandom(seedOf(parts)),
  });
  if (!built.ok) {
    const hint =
      built.problem.code === 'boundary-in-part' || built.problem.code === 'invalid-boundary'
        ? 'choose another --boundary, or leave it out to have one generated'
        : HINT;
    throw new UsageError(text(buildProblemText(built.problem), 'en'), hint);
  }

  const chosen = format ?? (io.stdout.isTTY ? 'escaped' : 'raw');
  if (chosen === 'json') {
    const body = jsonText(built.body);
    const doc = {
      contentType: built.contentType,
      boundary: built.boundary,
      body: body.text,
      bodyEncoding: body.encoding,
      length: built.body.length,
    };
    io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    return EXIT.ok;
  }
  // The field as it goes in the request's header section, the empty line that ends that section, the body.
  const message = bytesOf(`Content-Type: ${built.contentType}\r\n\r\n${byteString(built.body)}`);
  if (chosen === 'raw') io.stdout.write(message);
  else
    io.stdout.write(
      escapedLines(message)
        .map((line) => `${line}\n`)
        .join(''),
    );
  return EXIT.ok;
}
