// One HTTP/1.x request as bytes: read (request line, fields, empty line,
// optional body; lines ending in CRLF or LF) and written back (CRLF). A
// request is a byte string: one character per byte (what Node calls latin1),
// so Content-Length and chunk sizes count bytes, whatever the body holds.
// Problems name the line they are on (1-based), as a person reading the file
// would count it. RFC 9112 §2–§7 is the syntax.

export type HttpVersion = '1.0' | '1.1';

export interface HttpField {
  /** The name as received: its spelling is kept when it is forwarded. */
  name: string;
  value: string;
}

export interface HttpRequest {
  method: string;
  target: string;
  version: HttpVersion;
  fields: HttpField[];
  /** The body as framed on the wire (chunked, when Transfer-Encoding says so); '' when there is none. */
  body: string;
}

export type ParseResult = { ok: true; request: HttpRequest } | { ok: false; line?: number; message: string };

/** token = 1*tchar (RFC 9110 §5.6.2): a method, a field name. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Field names compared as HTTP compares them: case-insensitively (RFC 9110 §5.1). */
export const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The values of every field named `name`, in order. */
export function fieldValues(fields: readonly HttpField[], name: string): string[] {
  return fields.filter((f) => sameName(f.name, name)).map((f) => f.value);
}

/** The members of a comma-separated list field across all its lines, trimmed, empty ones left out (RFC 9110 §5.6.1). */
export function listMembers(fields: readonly HttpField[], name: string): string[] {
  return fieldValues(fields, name)
    .flatMap((v) => v.split(','))
    .map((m) => m.trim())
    .filter((m) => m !== '');
}

/** The request written as bytes: CRLF after the request line and each field, an empty line, the body. */
export function serializeRequest(request: HttpRequest): string {
  const head = [
    `${request.method} ${request.target} HTTP/${request.version}`,
    ...request.fields.map((f) => `${f.name}: ${f.value}`),
  ];
  return `${head.map((l) => `${l}\r\n`).join('')}\r\n${request.body}`;
}

/** The request line as written on the wire. */
export const requestLine = (r: Pick<HttpRequest, 'method' | 'target' | 'version'>) =>
  `${r.method} ${r.target} HTTP/${r.version}`;

/** Shown in a message: the line, quoted, shortened when long. */
function quote(line: string): string {
  const shown = line.length > 60 ? `${line.slice(0, 57)}...` : line;
  return JSON.stringify(shown);
}

interface Line {
  text: string;
  /** 1-based line number. */
  number: number;
  /** Offset of the byte after this line's end (after its LF), or the input's length. */
  next: number;
  /** Whether the line ended in LF (the last line of an input may not). */
  terminated: boolean;
}

/** The line starting at `offset`: up to LF, without the CR before it. */
function lineAt(input: string, offset: number, number: number): Line {
  const lf = input.indexOf('\n', offset);
  const end = lf < 0 ? input.length : lf;
  const raw = input.slice(offset, end);
  return {
    text: raw.endsWith('\r') ? raw.slice(0, -1) : raw,
    number,
    next: lf < 0 ? input.length : lf + 1,
    terminated: lf >= 0,
  };
}

/** Lines are counted from the start of the input to `offset`. */
function lineNumberAt(input: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < input.length; i++) if (input.charCodeAt(i) === 10) n++;
  return n;
}

/** Where text other than line ends starts in `rest` from `from`, or -1: what a body's framing leaves over. */
function excess(rest: string, from: number): number {
  const at = rest.slice(from).search(/[^\r\n]/);
  return at < 0 ? -1 : from + at;
}

const fail = (line: number | undefined, message: string): ParseResult => ({
  ok: false,
  ...(line === undefined ? {} : { line }),
  message,
});

/** A value may hold visible characters, spaces and tabs (and obs-text); no control characters (RFC 9110 §5.5). */
const BAD_VALUE = /[\x00-\x08\x0a-\x1f\x7f]/;

/** Reads one request: request line, fields, the empty line, and the body its framing says it has. */
export function parseRequest(input: string): ParseResult {
  // A server SHOULD ignore at least one empty line before the request line (RFC 9112 §2.2).
  let offset = 0;
  let number = 1;
  for (;;) {
    const l = lineAt(input, offset, number);
    if (l.text !== '' || !l.terminated) break;
    offset = l.next;
    number++;
  }
  if (offset >= input.length || input.slice(offset).trim() === '') {
    return fail(undefined, "the request is empty: expected a request line such as 'GET http://example.com/ HTTP/1.1'");
  }
  const first = lineAt(input, offset, number);
  const parts = first.text.split(' ');
  if (parts.length !== 3 || parts.some((p) => p === '')) {
    return fail(
      first.number,
      `expected a request line 'METHOD target HTTP/1.1' (three parts, one space between each), found ${quote(first.text)}`,
    );
  }
  const [method, target, protocol] = parts as [string, string, string];
  if (!TOKEN.test(method)) return fail(first.number, `${quote(method)} is not a method name (a token such as GET)`);
  const version = /^HTTP\/(\d)\.(\d)$/.exec(protocol);
  if (!version)
    return fail(first.number, `expected the version HTTP/1.0 or HTTP/1.1 at the end, found ${quote(protocol)}`);
  if (version[1] !== '1' || (version[2] !== '0' && version[2] !== '1')) {
    return fail(first.number, `${protocol} is not HTTP/1.0 or HTTP/1.1: only HTTP/1.x requests are read here`);
  }
  if (/[\x00-\x20\x7f]/.test(target)) return fail(first.number, `the target ${quote(target)} has a control character`);

  const fields: HttpField[] = [];
  const fieldLines: number[] = [];
  offset = first.next;
  number = first.number + 1;
  let ended = !first.terminated;
  while (!ended) {
    const l = lineAt(input, offset, number);
    offset = l.next;
    number++;
    if (l.text === '') {
      // The empty line ends the fields; at the very end of the input, a missing one is taken as said.
      break;
    }
    if (/^[ \t]/.test(l.text)) {
      return fail(
        l.number,
        fields.length === 0
          ? `a line starting with a space or tab, before any field: ${quote(l.text)}`
          : 'a line starting with a space or tab continues the field above (obsolete line folding, RFC 9112 §5.2): join it to that line',
      );
    }
    const colon = l.text.indexOf(':');
    if (colon < 0) return fail(l.number, `expected a field 'Name: value', found ${quote(l.text)}`);
    const name = l.text.slice(0, colon);
    if (/[ \t]$/.test(name)) {
      return fail(l.number, `no space is allowed between a field name and its colon (RFC 9112 §5.1): ${quote(l.text)}`);
    }
    if (!TOKEN.test(name))
      return fail(l.number, `${quote(name)} is not a field name (letters, digits and !#$%&'*+-.^_\`|~)`);
    const value = l.text.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (BAD_VALUE.test(value)) return fail(l.number, `the value of ${name} has a control character`);
    fields.push({ name, value });
    fieldLines.push(l.number);
    if (!l.terminated) ended = true;
  }
  /** The line of the nth field (0-based) named `name`. */
  const lineOf = (name: string, nth = 0) => {
    const at = fields.flatMap((f, i) => (sameName(f.name, name) ? [i] : []))[nth];
    return at === undefined ? undefined : fieldLines[at];
  };

  // One Host at most (RFC 9112 §3.2).
  if (fieldValues(fields, 'Host').length > 1) {
    return fail(lineOf('Host', 1), 'a second Host field: a request has one Host at most (RFC 9112 §3.2)');
  }
  // Max-Forwards counts hops on TRACE and OPTIONS: it must be a number there (RFC 9110 §7.6.2).
  if (method === 'TRACE' || method === 'OPTIONS') {
    const mf = fieldValues(fields, 'Max-Forwards');
    if (mf.length > 1) return fail(lineOf('Max-Forwards', 1), 'a second Max-Forwards field: a request has one at most');
    if (mf.length === 1 && !/^\d+$/.test(mf[0]!)) {
      return fail(
        lineOf('Max-Forwards'),
        `Max-Forwards must be a whole number (RFC 9110 §7.6.2), found ${quote(mf[0]!)}`,
      );
    }
  }

  const request: Omit<HttpRequest, 'body'> = { method, target, version: `1.${version[2]}` as HttpVersion, fields };
  const rest = input.slice(offset);
  const bodyLine = number;
  const coding = listMembers(fields, 'Transfer-Encoding');
  const lengths = fieldValues(fields, 'Content-Length');
  if (coding.length > 0) {
    if (lengths.length > 0) {
      return fail(
        lineOf('Content-Length'),
        'both Transfer-Encoding and Content-Length: the length is ambiguous, a sign of request smuggling (RFC 9112 §6.3)',
      );
    }
    if (coding.length !== 1 || coding[0]!.toLowerCase() !== 'chunked') {
      return fail(
        lineOf('Transfer-Encoding'),
        `Transfer-Encoding ${quote(coding.join(', '))}: only "chunked" is read here (RFC 9112 §6.3 needs chunked last)`,
      );
    }
    const chunked = readChunked(rest, bodyLine);
    if (!chunked.ok) return fail(chunked.line, chunked.message);
    const extra = excess(rest, chunked.length);
    if (extra >= 0)
      return fail(lineNumberAt(input, offset + extra), 'text after the last chunk: one request at a time');
    return { ok: true, request: { ...request, body: rest.slice(0, chunked.length) } };
  }
  if (lengths.length > 0) {
    const distinct = [...new Set(lengths.flatMap((v) => v.split(',')).map((v) => v.trim()))];
    if (distinct.length !== 1 || !/^\d+$/.test(distinct[0]!)) {
      return fail(
        lineOf('Content-Length'),
        `Content-Length must be one whole number, found ${quote(lengths.join(', '))}`,
      );
    }
    const length = Number(distinct[0]);
    if (rest.length < length) {
      return fail(
        bodyLine,
        `the body has ${rest.length} byte${rest.length === 1 ? '' : 's'} after the empty line; Content-Length says ${length}`,
      );
    }
    const extra = excess(rest, length);
    if (extra >= 0) {
      return fail(
        lineNumberAt(input, offset + extra),
        `more than Content-Length (${length}) bytes after the empty line: one request at a time`,
      );
    }
    return { ok: true, request: { ...request, body: rest.slice(0, length) } };
  }
  // Neither: a request without framing has no body (RFC 9112 §6.3).
  const extra = excess(rest, 0);
  if (extra >= 0) {
    return fail(
      lineNumberAt(input, offset + extra),
      'text after the empty line, but no Content-Length or Transfer-Encoding: a request without them has no body (RFC 9112 §6.3)',
    );
  }
  return { ok: true, request: { ...request, body: '' } };
}

export interface Chunked {
  /** The content, chunks joined. */
  content: string;
  /** Trailer fields after the last chunk. */
  trailers: HttpField[];
}

type ChunkedRead = ({ ok: true; length: number } & Chunked) | { ok: false; line: number; message: string };

/** Reads a chunked body (RFC 9112 §7.1) from the start of `body`, whose first line is line `firstLine`. */
export function readChunked(body: string, firstLine: number): ChunkedRead {
  let offset = 0;
  let number = firstLine;
  let content = '';
  for (;;) {
    const size = lineAt(body, offset, number);
    if (!size.terminated && size.text === '') {
      return { ok: false, line: number, message: 'the chunked body ends before its last chunk (a line "0")' };
    }
    const m = /^([0-9A-Fa-f]+)[ \t]*(;.*)?$/.exec(size.text);
    if (!m)
      return { ok: false, line: number, message: `expected a chunk size in hexadecimal, found ${quote(size.text)}` };
    const n = Number.parseInt(m[1]!, 16);
    offset = size.next;
    number++;
    if (n === 0) break;
    if (body.length < offset + n) {
      return { ok: false, line: number, message: `the chunk is shorter than its size, ${m[1]} (${n} bytes)` };
    }
    const data = body.slice(offset, offset + n);
    content += data;
    offset += n;
    for (let i = 0; i < data.length; i++) if (data.charCodeAt(i) === 10) number++;
    const end = body.startsWith('\r\n', offset) ? 2 : body.startsWith('\n', offset) ? 1 : 0;
    if (end === 0) {
      return {
        ok: false,
        line: number,
        message: `the chunk is longer than its size, ${m[1]} (${n} bytes): no line end after it`,
      };
    }
    offset += end;
    number++;
  }
  const trailers: HttpField[] = [];
  for (;;) {
    const l = lineAt(body, offset, number);
    offset = l.next;
    number++;
    if (l.text === '') break;
    const colon = l.text.indexOf(':');
    if (colon <= 0 || !TOKEN.test(l.text.slice(0, colon))) {
      return {
        ok: false,
        line: l.number,
        message: `expected a trailer field 'Name: value' or the empty line, found ${quote(l.text)}`,
      };
    }
    trailers.push({ name: l.text.slice(0, colon), value: l.text.slice(colon + 1).trim() });
    if (!l.terminated) break;
  }
  return { ok: true, length: offset, content, trailers };
}
