// multipart/form-data (RFC 7578), with the syntax of RFC 2046 §5.1.1: the
// body a form with files is sent as, built from its fields and read back.
//
// A body is a run of parts, each opened by a delimiter line (`--` and the
// boundary) and the last closed by `--boundary--`. The CRLF before a
// delimiter belongs to the delimiter, not to the part before it. Each part
// has its own header fields (`Content-Disposition: form-data; name="…"`, a
// file's `filename="…"` and `Content-Type`), an empty line, then its bytes.
//
// Bytes are handled as "byte strings" inside: one character per byte
// (U+0000–U+00FF), so searching is plain string searching. What goes in and
// out is a Uint8Array (or, for text, a string written as UTF-8).

/** A part's content: bytes, or text written as UTF-8. */
export type Content = Uint8Array | string;

/** One field of a form as it is sent: a text field, or a file when it has a `filename`. */
export interface FormPart {
  name: string;
  /** The file's name: the part is a file, sent with `filename="…"` and a Content-Type. */
  filename?: string;
  /** The part's own Content-Type; a file without one is sent as application/octet-stream (RFC 7578 §4.4). */
  contentType?: string;
  content: Content;
}

/** The longest boundary RFC 2046 allows. */
export const MAX_BOUNDARY_LENGTH = 70;
/** RFC 2046's `bcharsnospace`: digits, letters and '()+_,-./:=? (a boundary may also hold spaces, not at its end). */
const BCHAR_NOSPACE = /^[0-9A-Za-z'()+_,\-./:=?]$/;
/** RFC 9110's `tchar`: a parameter value made only of these may be written without quotes. */
const TCHARS = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** The type a file is sent as when it names none (RFC 7578 §4.4). */
export const DEFAULT_FILE_TYPE = 'application/octet-stream';

const CRLF = '\r\n';

// ---------------------------------------------------------------------------------------------
// Bytes

const encoder = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as a byte string: one character per byte. */
export function byteString(bytes: Content): string {
  const u8 = typeof bytes === 'string' ? encoder.encode(bytes) : bytes;
  let out = '';
  for (let i = 0; i < u8.length; i += 0x8000) out += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return out;
}

/** A byte string back to bytes. */
export function bytesOf(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** Text as its UTF-8 bytes, bytes as they are. */
export function contentBytes(content: Content): Uint8Array {
  return typeof content === 'string' ? encoder.encode(content) : content;
}

/** The text the bytes spell in UTF-8, or undefined when they are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Bytes made visible, a unit for each character: CR as `\r`, LF as `\n`, tab as `\t`, a backslash as `\\`,
 * other control bytes and bytes that are not UTF-8 as `\xHH`; UTF-8 text as it is. With `ascii`, every
 * byte outside 7-bit ASCII is `\xHH` too. Joined, the units are the escaped text; a line ends after `\n`.
 */
export function escapeUnits(bytes: Content, { ascii = false }: { ascii?: boolean } = {}): string[] {
  const u8 = contentBytes(bytes);
  const units: string[] = [];
  const hex = (b: number) => `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  let i = 0;
  while (i < u8.length) {
    const b = u8[i]!;
    if (b === 0x0d) units.push('\\r');
    else if (b === 0x0a) units.push('\\n');
    else if (b === 0x09) units.push('\\t');
    else if (b === 0x5c) units.push('\\\\');
    else if (b < 0x20 || b === 0x7f) units.push(hex(b));
    else if (b < 0x80) units.push(String.fromCharCode(b));
    else {
      // A UTF-8 sequence stays one character; a byte that starts none is shown by its value.
      const length = b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
      const text = length > 0 && !ascii ? utf8Text(u8.subarray(i, i + length)) : undefined;
      if (text !== undefined && [...text].length === 1 && !/\p{C}/u.test(text)) {
        units.push(text);
        i += length;
        continue;
      }
      units.push(hex(b));
    }
    i++;
  }
  return units;
}

/** Bytes made visible (see escapeUnits), one string. */
export function escapeBytes(bytes: Content, options: { ascii?: boolean } = {}): string {
  return escapeUnits(bytes, options).join('');
}

/** Escaped bytes as lines: a line ends after each `\n` (the last line may be empty only for no bytes). */
export function escapedLines(bytes: Content, options: { ascii?: boolean } = {}): string[] {
  const lines: string[] = [];
  let line = '';
  for (const unit of escapeUnits(bytes, options)) {
    line += unit;
    if (unit === '\\n') {
      lines.push(line);
      line = '';
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The boundary (RFC 2046 §5.1.1)

/** What is wrong with a boundary: RFC 2046 allows 1–70 characters of `bchars`, not ending in a space. */
export type BoundaryFault =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  | { kind: 'char'; char: string; at: number }
  | { kind: 'ends-in-space' };

export function boundaryFault(boundary: string): BoundaryFault | null {
  if (boundary.length === 0) return { kind: 'empty' };
  const chars = [...boundary];
  for (const [at, char] of chars.entries()) {
    if (char !== ' ' && !BCHAR_NOSPACE.test(char)) return { kind: 'char', char, at: at + 1 };
  }
  if (chars.length > MAX_BOUNDARY_LENGTH) return { kind: 'too-long', length: chars.length };
  if (boundary.endsWith(' ')) return { kind: 'ends-in-space' };
  return null;
}

/** A boundary with a character outside `tchar` (`:`, `/`, `=`, `?`, `(`, `)`, `,` or a space) is quoted in Content-Type. */
export function boundaryNeedsQuotes(boundary: string): boolean {
  return !TCHARS.test(boundary);
}

/** The request's Content-Type value for a boundary: `multipart/form-data; boundary=…` (quoted when it must be). */
export function contentTypeValue(boundary: string): string {
  return `multipart/form-data; boundary=${boundaryNeedsQuotes(boundary) ? `"${boundary}"` : boundary}`;
}

/** The characters of a generated boundary after its prefix. */
const GENERATED_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const GENERATED_PREFIX = '----nettutor';
const GENERATED_RANDOM = 16;

/**
 * A boundary that occurs in none of `avoid` (byte strings): `----nettutor` and 16 random letters and digits,
 * 28 characters of RFC 2046's bchars. Drawn again in the rare case it occurs.
 */
export function generateBoundary(random: () => number, avoid: readonly string[] = []): string {
  for (;;) {
    let b = GENERATED_PREFIX;
    for (let i = 0; i < GENERATED_RANDOM; i++) {
      b += GENERATED_CHARS[Math.min(GENERATED_CHARS.length - 1, Math.floor(random() * GENERATED_CHARS.length))];
    }
    if (!avoid.some((s) => s.includes(b))) return b;
  }
}

// ---------------------------------------------------------------------------------------------
// Building a body

/** `"` as `%22`, CR as `%0D`, LF as `%0A`: how a name or file name is written inside its quotes (as HTML does). */
export function escapeName(name: string): string {
  return name.replaceAll('"', '%22').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A part's Content-Disposition value: `form-data; name="…"`, and `; filename="…"` for a file (RFC 7578 §4.2). */
export function dispositionValue(name: string, filename?: string): string {
  return `form-data; name="${escapeName(name)}"${filename === undefined ? '' : `; filename="${escapeName(filename)}"`}`;
}

/** The header lines of a part, each without its CRLF. */
export function partHeaderLines(part: FormPart): string[] {
  const lines = [`Content-Disposition: ${dispositionValue(part.name, part.filename)}`];
  const type = part.contentType ?? (part.filename === undefined ? undefined : DEFAULT_FILE_TYPE);
  if (type !== undefined) lines.push(`Content-Type: ${type}`);
  return lines;
}

/** Where, in a part, the boundary was found. */
export type PartPlace = 'content' | 'name' | 'filename' | 'content-type';

export type BuildProblem =
  | { code: 'no-parts' }
  | { code: 'invalid-boundary'; boundary: string; fault: BoundaryFault }
  | { code: 'boundary-in-part'; boundary: string; part: number; name: string; place: PartPlace }
  | { code: 'bad-content-type'; part: number; name: string };

export type BuildResult =
  | {
      ok: true;
      boundary: string;
      /** The request's Content-Type value. */
      contentType: string;
      body: Uint8Array;
      /** The boundary was generated (none was given). */
      generated: boolean;
    }
  | { ok: false; problem: BuildProblem };

/** Where the boundary occurs in a part as it is written, if it does. */
function boundaryPlace(part: FormPart, boundary: string): PartPlace | undefined {
  if (byteString(part.content).includes(boundary)) return 'content';
  if (byteString(escapeName(part.name)).includes(boundary)) return 'name';
  if (part.filename !== undefined && byteString(escapeName(part.filename)).includes(boundary)) return 'filename';
  if (part.contentType !== undefined && byteString(part.contentType).includes(boundary)) return 'content-type';
  return undefined;
}

/**
 * The body's bytes for a boundary, as RFC 7578 writes them, checking nothing: each part is `--B` CRLF, its
 * header lines, an empty line, its content and CRLF (which begins the next delimiter); then `--B--` CRLF.
 */
export function writeBody(parts: readonly FormPart[], boundary: string): Uint8Array {
  let body = '';
  for (const part of parts) {
    body += `--${boundary}${CRLF}`;
    for (const line of partHeaderLines(part)) body += byteString(line) + CRLF;
    body += CRLF + byteString(part.content) + CRLF;
  }
  body += `--${boundary}--${CRLF}`;
  return bytesOf(body);
}

/**
 * Builds the body of a form, parts in order. A boundary given must be valid and occur in no part (its
 * content, name, file name or type); without one, a boundary is generated with `random` that occurs in none.
 */
export function buildMultipart(
  parts: readonly FormPart[],
  { boundary, random }: { boundary?: string; random: () => number },
): BuildResult {
  if (parts.length === 0) return { ok: false, problem: { code: 'no-parts' } };
  for (const [i, part] of parts.entries()) {
    if (part.contentType !== undefined && (part.contentType.trim() === '' || /[\r\n]/.test(part.contentType))) {
      return { ok: false, problem: { code: 'bad-content-type', part: i + 1, name: part.name } };
    }
  }
  if (boundary !== undefined) {
    const fault = boundaryFault(boundary);
    if (fault) return { ok: false, problem: { code: 'invalid-boundary', boundary, fault } };
    for (const [i, part] of parts.entries()) {
      const place = boundaryPlace(part, boundary);
      if (place)
        return { ok: false, problem: { code: 'boundary-in-part', boundary, part: i + 1, name: part.name, place } };
    }
  }
  const avoid = parts.flatMap((p) => [
    byteString(p.content),
    byteString(escapeName(p.name)),
    byteString(escapeName(p.filename ?? '')),
    byteString(p.contentType ?? ''),
  ]);
  const chosen = boundary ?? generateBoundary(random, avoid);
  return {
    ok: true,
    boundary: chosen,
    contentType: contentTypeValue(chosen),
    body: writeBody(parts, chosen),
    generated: boundary === undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a Content-Type value

/** A header value's parameters, as `type; name=value; …` writes them (names lower-cased, values unquoted). */
export interface ParsedHeaderValue {
  /** The part before the first `;`, trimmed and lower-cased (`multipart/form-data`, `form-data`). */
  value: string;
  params: Array<{ name: string; value: string; quoted: boolean }>;
}

/**
 * Splits `type; a=b; c="d; e"` at the semicolons outside quotes. A quoted value is taken as written between its
 * quotes (browsers do not backslash-escape a file name, so neither does this reader); a `\` escape is honoured
 * only with `backslashEscapes` (a Content-Type's quoted-string, RFC 9110 §5.6.4).
 */
export function parseHeaderValue(text: string, { backslashEscapes = false } = {}): ParsedHeaderValue {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '\\' && backslashEscapes && i + 1 < text.length) {
      current += ch + text[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  const [first = '', ...rest] = items;
  const params: ParsedHeaderValue['params'] = [];
  for (const item of rest) {
    const eq = item.indexOf('=');
    if (eq < 0) {
      if (item.trim() !== '') params.push({ name: item.trim().toLowerCase(), value: '', quoted: false });
      continue;
    }
    const name = item.slice(0, eq).trim().toLowerCase();
    const raw = item.slice(eq + 1).trim();
    if (raw.startsWith('"')) {
      const end = raw.indexOf('"', 1);
      let inner = raw.slice(1, end < 0 ? undefined : end);
      if (backslashEscapes) inner = inner.replace(/\\(.)/g, '$1');
      params.push({ name, value: inner, quoted: true });
    } else params.push({ name, value: raw, quoted: false });
  }
  return { value: first.trim().toLowerCase(), params };
}

// ---------------------------------------------------------------------------------------------
// Reading a body

/** A part as a receiver reads it. */
export interface ParsedPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  content: Uint8Array;
  /** The line (1-based) of the delimiter that opens the part. */
  line: number;
}

/** How a part's Content-Disposition fails RFC 7578 §4.2. */
export type DispositionFault = 'missing' | 'not-form-data' | 'no-name';

/** The first problem a receiver finds, with the line (1-based; a line ends after each LF) where it is. */
export type ParseProblem =
  | { code: 'not-form-data'; mediaType: string }
  | { code: 'no-boundary' }
  | { code: 'invalid-boundary'; boundary: string; fault: BoundaryFault }
  | { code: 'boundary-never-occurs'; boundary: string }
  | { code: 'no-parts'; boundary: string; line: number }
  | { code: 'delimiter-not-at-line-start'; boundary: string; line: number }
  | { code: 'delimiter-junk'; boundary: string; line: number }
  | { code: 'no-header-end'; part: number; line: number }
  | { code: 'bad-header-line'; part: number; line: number }
  | { code: 'no-disposition'; part: number; line: number; fault: DispositionFault }
  | { code: 'missing-close'; boundary: string; line: number };

export type ParseResult = { ok: true; boundary: string; parts: ParsedPart[] } | { ok: false; problem: ParseProblem };

/** The boundary a Content-Type value declares, or the problem with it. */
export function boundaryOf(contentType: string): { boundary: string } | { problem: ParseProblem } {
  const parsed = parseHeaderValue(contentType, { backslashEscapes: true });
  if (parsed.value !== 'multipart/form-data') return { problem: { code: 'not-form-data', mediaType: parsed.value } };
  const param = parsed.params.find((p) => p.name === 'boundary');
  if (!param) return { problem: { code: 'no-boundary' } };
  const fault = boundaryFault(param.value);
  if (fault) return { problem: { code: 'invalid-boundary', boundary: param.value, fault } };
  return { boundary: param.value };
}

/** Line numbers of positions in a byte string: a line ends after each LF. */
function lineCounter(s: string): (position: number) => number {
  const starts = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
  return (position) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/;

/**
 * Reads a body as RFC 7578 and RFC 2046 §5.1.1 say, and returns its parts or the first problem, in the order a
 * receiver meets them. A delimiter is `--` and the boundary at the start of the body or after a CRLF, followed
 * by optional spaces or tabs and a CRLF (or `--` for the last). Text before the first delimiter and after the
 * last is ignored. `--boundary` anywhere else — inside a line, or at a line's start with more after it — is
 * a problem: the boundary must not occur in a part.
 */
export function parseMultipart(body: Content, contentType: string): ParseResult {
  const declared = boundaryOf(contentType);
  if ('problem' in declared) return { ok: false, problem: declared.problem };
  const { boundary } = declared;
  const s = byteString(body);
  const dash = `--${boundary}`;
  const lineAt = lineCounter(s);
  /** The last line of the body (a final LF ends it; it starts no new line). */
  const lastLine = () => lineAt(Math.max(0, s.length - 1));

  // The first delimiter: at the very start, or after a CRLF.
  let first = s.startsWith(dash) ? 0 : -1;
  if (first < 0) {
    const at = s.indexOf(CRLF + dash);
    first = at < 0 ? -1 : at + 2;
  }
  if (first < 0) {
    const anywhere = s.indexOf(dash);
    return {
      ok: false,
      problem:
        anywhere < 0
          ? { code: 'boundary-never-occurs', boundary }
          : { code: 'delimiter-not-at-line-start', boundary, line: lineAt(anywhere) },
    };
  }

  const parts: ParsedPart[] = [];
  let delimiter = first;
  for (;;) {
    // What follows `--boundary` on the delimiter's line.
    const after = delimiter + dash.length;
    const line = lineAt(delimiter);
    if (s.startsWith('--', after)) {
      if (parts.length === 0) return { ok: false, problem: { code: 'no-parts', boundary, line } };
      return { ok: true, boundary, parts };
    }
    let end = after;
    while (s[end] === ' ' || s[end] === '\t') end++;
    if (end >= s.length) return { ok: false, problem: { code: 'missing-close', boundary, line: lastLine() } };
    if (!s.startsWith(CRLF, end)) return { ok: false, problem: { code: 'delimiter-junk', boundary, line } };
    const start = end + 2;
    if (start >= s.length) return { ok: false, problem: { code: 'missing-close', boundary, line: lastLine() } };

    // The part runs to the CRLF of the next delimiter (or, when none comes, to the end of the body). A
    // delimiter right after this one's line break is taken as one too (an empty part), as receivers do.
    let next: number;
    let partEnd: number;
    if (s.startsWith(dash, start)) {
      next = start;
      partEnd = start;
    } else {
      const at = s.indexOf(CRLF + dash, start);
      next = at < 0 ? -1 : at + 2;
      partEnd = at < 0 ? s.length : at;
    }
    const text = s.slice(start, partEnd);
    const number = parts.length + 1;
    // `--boundary` inside the part, not at the start of a line: a delimiter that lost its line break.
    const stray = text.indexOf(dash);
    const strayAt = stray < 0 ? Number.POSITIVE_INFINITY : stray;

    // No header lines: an empty part, or one that starts with the empty line.
    const headerEnd = text === '' || text.startsWith(CRLF) ? 0 : text.indexOf(CRLF + CRLF);
    if (headerEnd < 0 || strayAt < headerEnd) {
      if (stray >= 0)
        return { ok: false, problem: { code: 'delimiter-not-at-line-start', boundary, line: lineAt(start + stray) } };
      if (next < 0) return { ok: false, problem: { code: 'missing-close', boundary, line: lastLine() } };
      // With no empty line, every line is read as a header field: the first that is none is the problem.
      let offset = 0;
      for (const headerLine of text.split(CRLF)) {
        if (!HEADER_LINE.test(headerLine)) {
          return { ok: false, problem: { code: 'bad-header-line', part: number, line: lineAt(start + offset) } };
        }
        offset += headerLine.length + 2;
      }
      return { ok: false, problem: { code: 'no-header-end', part: number, line: lineAt(start) } };
    }
    const headerText = text.slice(0, headerEnd);
    const contentStart = headerEnd === 0 ? 2 : headerEnd + 4;
    let disposition: string | undefined;
    let type: string | undefined;
    let offset = 0;
    for (const headerLine of headerEnd === 0 ? [] : headerText.split(CRLF)) {
      const m = HEADER_LINE.exec(headerLine);
      if (!m) return { ok: false, problem: { code: 'bad-header-line', part: number, line: lineAt(start + offset) } };
      const field = m[1]!.toLowerCase();
      if (field === 'content-disposition' && disposition === undefined) disposition = m[2]!;
      if (field === 'content-type' && type === undefined) type = m[2]!;
      offset += headerLine.length + 2;
    }
    const partLine = lineAt(start);
    if (disposition === undefined) {
      return { ok: false, problem: { code: 'no-disposition', part: number, line: partLine, fault: 'missing' } };
    }
    const d = parseHeaderValue(disposition);
    if (d.value !== 'form-data') {
      return { ok: false, problem: { code: 'no-disposition', part: number, line: partLine, fault: 'not-form-data' } };
    }
    const name = d.params.find((p) => p.name === 'name');
    if (!name)
      return { ok: false, problem: { code: 'no-disposition', part: number, line: partLine, fault: 'no-name' } };
    if (stray >= 0)
      return { ok: false, problem: { code: 'delimiter-not-at-line-start', boundary, line: lineAt(start + stray) } };
    if (next < 0) return { ok: false, problem: { code: 'missing-close', boundary, line: lastLine() } };
    const filename = d.params.find((p) => p.name === 'filename');
    parts.push({
      name: byteText(name.value),
      filename: filename ? byteText(filename.value) : null,
      contentType: type === undefined ? null : byteText(type),
      content: bytesOf(text.slice(Math.min(contentStart, text.length))),
      line,
    });
    delimiter = next;
  }
}

/** A byte string of header text as text: UTF-8 where it is, else one character per byte. */
function byteText(s: string): string {
  return utf8Text(bytesOf(s)) ?? s;
}

// ---------------------------------------------------------------------------------------------
// What each line of a body is, for drawing it

/** What a stretch of a body is, as a receiver would read it (best effort, for drawing: a broken body too). */
export type SegmentKind =
  | 'preamble'
  | 'delimiter'
  | 'delimiter-crlf'
  | 'close'
  | 'header'
  | 'blank'
  | 'content'
  | 'epilogue';

export interface Segment {
  kind: SegmentKind;
  /** Byte offsets in the body, end excluded. */
  start: number;
  end: number;
  /** The part (1-based) a header, blank line or content belongs to. */
  part?: number;
}

/**
 * The body cut into what each stretch is: delimiter lines (and the CRLF before each, which is theirs), each
 * part's header lines, its empty line and its content, and the text around them. A line that only looks like
 * a delimiter (`x--boundary`) is content here, as a receiver reads it.
 */
export function segmentsOf(body: Content, boundary: string): Segment[] {
  const s = byteString(body);
  const dash = `--${boundary}`;
  const out: Segment[] = [];
  const push = (kind: SegmentKind, start: number, end: number, part?: number) => {
    if (end <= start) return;
    const last = out[out.length - 1];
    if (last && last.kind === kind && last.end === start && last.part === part) last.end = end;
    else out.push({ kind, start, end, ...(part === undefined ? {} : { part }) });
  };
  let pos = 0;
  let part = 0;
  /** Where in a part: its header lines, or its content once the empty line has passed. */
  let inHeaders = false;
  let closed = false;
  while (pos < s.length) {
    const lf = s.indexOf('\n', pos);
    const lineEnd = lf < 0 ? s.length : lf + 1;
    const atStart = pos === 0 || s.startsWith(CRLF, pos - 2);
    if (!closed && atStart && s.startsWith(dash, pos)) {
      // The CRLF before a delimiter is the delimiter's.
      const previous = out[out.length - 1];
      if (part > 0 && previous && previous.end === pos && s.startsWith(CRLF, pos - 2)) {
        previous.end -= 2;
        if (previous.end <= previous.start) out.pop();
        push('delimiter-crlf', pos - 2, pos);
      }
      const isClose = s.startsWith('--', pos + dash.length);
      push(isClose ? 'close' : 'delimiter', pos, lineEnd);
      if (isClose) closed = true;
      else {
        part++;
        inHeaders = true;
      }
    } else if (closed) push('epilogue', pos, lineEnd);
    else if (part === 0) push('preamble', pos, lineEnd);
    else if (inHeaders && s.slice(pos, lineEnd) === CRLF) {
      push('blank', pos, lineEnd, part);
      inHeaders = false;
    } else push(inHeaders ? 'header' : 'content', pos, lineEnd, part);
    pos = lineEnd;
  }
  return out;
}
