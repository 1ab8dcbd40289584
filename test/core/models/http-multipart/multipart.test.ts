// multipart/form-data, rule by rule (RFC 7578; the syntax of RFC 2046 §5.1.1):
// the bytes a sender writes, the boundary's rules, and every problem a
// receiver names, each with its line. Bodies are written out by hand here.
import { describe, expect, it } from 'vitest';
import {
  boundaryFault,
  buildMultipart,
  byteString,
  bytesOf,
  contentTypeValue,
  dispositionValue,
  escapeBytes,
  escapedLines,
  escapeName,
  generateBoundary,
  parseMultipart,
  segmentsOf,
} from '../../../../src/core/models/http-multipart/multipart.js';
import { createRandom } from '../../../../src/core/random.js';

/** The example of facts.md §6: a title and a small text file, boundary AaB03x; 192 bytes. */
const EXAMPLE =
  '--AaB03x\r\n' +
  'Content-Disposition: form-data; name="title"\r\n' +
  '\r\n' +
  'Holiday\r\n' +
  '--AaB03x\r\n' +
  'Content-Disposition: form-data; name="photo"; filename="notes.txt"\r\n' +
  'Content-Type: text/plain\r\n' +
  '\r\n' +
  'hello\r\n' +
  '--AaB03x--\r\n';
const CT = 'multipart/form-data; boundary=AaB03x';
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const random = () => createRandom(7);

/** What the parser says of a body: its parts in short, or the problem's code and line. */
function read(body: string, contentType = CT) {
  const r = parseMultipart(bytesOf(body), contentType);
  if (!r.ok) return r.problem;
  return r.parts.map((p) => ({ name: p.name, filename: p.filename, type: p.contentType, content: text(p.content) }));
}

describe('building a body (RFC 7578 §4, RFC 2046 §5.1.1)', () => {
  it('writes the example of RFC 7578 byte for byte: 192 bytes', () => {
    const r = buildMultipart(
      [
        { name: 'title', content: 'Holiday' },
        { name: 'photo', filename: 'notes.txt', contentType: 'text/plain', content: 'hello' },
      ],
      { boundary: 'AaB03x', random: random() },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(byteString(r.body)).toBe(EXAMPLE);
    expect(r.body.length).toBe(192);
    expect(r.contentType).toBe(CT);
    expect(r.generated).toBe(false);
  });

  it('sends a file without a type as application/octet-stream (§4.4), and a text field without Content-Type', () => {
    const r = buildMultipart([{ name: 'f', filename: 'a.bin', content: new Uint8Array([0, 255]) }], {
      boundary: 'X',
      random: random(),
    });
    expect(r.ok && byteString(r.body)).toBe(
      '--X\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n\x00\xff\r\n--X--\r\n',
    );
    const field = buildMultipart([{ name: 'a', content: 'b' }], { boundary: 'X', random: random() });
    expect(field.ok && byteString(field.body)).toBe(
      '--X\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--X--\r\n',
    );
  });

  it('writes text as UTF-8, names included (RFC 7578 §5.1)', () => {
    const r = buildMultipart([{ name: '城市', content: '北京' }], { boundary: 'X', random: random() });
    expect(r.ok && text(r.body)).toBe('--X\r\nContent-Disposition: form-data; name="城市"\r\n\r\n北京\r\n--X--\r\n');
  });

  it('writes " as %22, CR as %0D and LF as %0A in names and file names', () => {
    expect(escapeName('a"b\rc\nd')).toBe('a%22b%0Dc%0Ad');
    expect(dispositionValue('my "x"', 'a\r\n.txt')).toBe('form-data; name="my %22x%22"; filename="a%0D%0A.txt"');
  });

  it('refuses no parts, a boundary that is not valid, and one that occurs in a part', () => {
    expect(buildMultipart([], { random: random() })).toEqual({ ok: false, problem: { code: 'no-parts' } });
    expect(buildMultipart([{ name: 'a', content: 'x' }], { boundary: 'a b ', random: random() })).toEqual({
      ok: false,
      problem: { code: 'invalid-boundary', boundary: 'a b ', fault: { kind: 'ends-in-space' } },
    });
    // RFC 2046 §5.1.1: the boundary must not occur in any part.
    const parts = [
      { name: 'a', content: 'x' },
      { name: 'b', content: 'one\r\n--AaB03x\r\ntwo' },
    ];
    expect(buildMultipart(parts, { boundary: 'AaB03x', random: random() })).toEqual({
      ok: false,
      problem: { code: 'boundary-in-part', boundary: 'AaB03x', part: 2, name: 'b', place: 'content' },
    });
    expect(buildMultipart([{ name: 'xAaB03x', content: '' }], { boundary: 'AaB03x', random: random() })).toMatchObject({
      ok: false,
      problem: { place: 'name' },
    });
    expect(
      buildMultipart([{ name: 'p', filename: 'x"y', content: '' }], { boundary: '22', random: random() }),
    ).toMatchObject({ ok: false, problem: { place: 'filename' } });
    expect(
      buildMultipart([{ name: 'p', contentType: 'text/plain\r\nX: y', content: '' }], { random: random() }),
    ).toMatchObject({ ok: false, problem: { code: 'bad-content-type', part: 1 } });
  });

  it('generates a boundary of bchars that occurs in no content, drawing again when one does', () => {
    // The first candidate this generator draws is put into the content: it must not be used.
    const first = generateBoundary(createRandom(1));
    const r = buildMultipart([{ name: 'a', content: `x${first}y` }], { random: createRandom(1) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.generated).toBe(true);
    expect(r.boundary).not.toBe(first);
    expect(boundaryFault(r.boundary)).toBeNull();
    expect(r.contentType).toBe(`multipart/form-data; boundary=${r.boundary}`);
  });
});

describe('the boundary (RFC 2046 §5.1.1)', () => {
  it('is 1 to 70 characters of bchars, not ending in a space', () => {
    expect(boundaryFault('A')).toBeNull();
    expect(boundaryFault('x'.repeat(70))).toBeNull();
    expect(boundaryFault("0-9 a:z'()+_,./=?")).toBeNull();
    expect(boundaryFault('')).toEqual({ kind: 'empty' });
    expect(boundaryFault('x'.repeat(71))).toEqual({ kind: 'too-long', length: 71 });
    expect(boundaryFault('ab ')).toEqual({ kind: 'ends-in-space' });
    expect(boundaryFault('a"b')).toEqual({ kind: 'char', char: '"', at: 2 });
    expect(boundaryFault('a;b')).toMatchObject({ kind: 'char', char: ';' });
    expect(boundaryFault('é')).toMatchObject({ kind: 'char', char: 'é' });
  });

  it('is quoted in Content-Type when it holds a character a token cannot (a colon, a space…)', () => {
    expect(contentTypeValue('AaB03x')).toBe('multipart/form-data; boundary=AaB03x');
    expect(contentTypeValue('----WebKitFormBoundary7MA4YWxkTrZu0gW')).toBe(
      'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW',
    );
    expect(contentTypeValue('gc0pJq0M:08jU534c0p')).toBe('multipart/form-data; boundary="gc0pJq0M:08jU534c0p"');
    expect(contentTypeValue('a b')).toBe('multipart/form-data; boundary="a b"');
  });
});

describe('reading a body (RFC 7578, RFC 2046 §5.1.1)', () => {
  it('reads the example back: the CRLF before each delimiter is not content', () => {
    expect(read(EXAMPLE)).toEqual([
      { name: 'title', filename: null, type: null, content: 'Holiday' },
      { name: 'photo', filename: 'notes.txt', type: 'text/plain', content: 'hello' },
    ]);
    // The CRLF after the close delimiter is optional: 190 bytes read the same.
    expect(read(EXAMPLE.slice(0, -2))).toEqual(read(EXAMPLE));
  });

  it('ignores text before the first delimiter and after the last', () => {
    expect(read(`This is the preamble.\r\n${EXAMPLE}This is the epilogue.\r\n`)).toEqual(read(EXAMPLE));
  });

  it('allows spaces and tabs after a delimiter (transport padding) and reads the boundary quoted or not', () => {
    expect(
      read(
        EXAMPLE.replace(
          '--AaB03x\r\nContent-Disposition: form-data; name="photo"',
          '--AaB03x \t\r\nContent-Disposition: form-data; name="photo"',
        ),
      ),
    ).toEqual(read(EXAMPLE));
    expect(read(EXAMPLE, 'Multipart/Form-Data; charset=utf-8; BOUNDARY="AaB03x"')).toEqual(read(EXAMPLE));
    const colon = EXAMPLE.replaceAll('AaB03x', 'gc0pJq0M:08jU534c0p');
    expect(read(colon, 'multipart/form-data; boundary="gc0pJq0M:08jU534c0p"')).toEqual(read(EXAMPLE));
  });

  it('reads header names in any case, and keeps %22 in a name as written', () => {
    const body = '--X\r\ncontent-disposition: Form-Data; name="a%22b"\r\nCONTENT-TYPE: text/x\r\n\r\nv\r\n--X--';
    expect(read(body, 'multipart/form-data; boundary=X')).toEqual([
      { name: 'a%22b', filename: null, type: 'text/x', content: 'v' },
    ]);
  });

  it('needs multipart/form-data with a boundary parameter: boundary is a parameter, not a header (RFC 7578 §4.1)', () => {
    expect(read(EXAMPLE, 'multipart/mixed; boundary=AaB03x')).toEqual({
      code: 'not-form-data',
      mediaType: 'multipart/mixed',
    });
    expect(read(EXAMPLE, 'multipart/form-data')).toEqual({ code: 'no-boundary' });
    expect(read(EXAMPLE, 'multipart/form-data; boundary=')).toEqual({
      code: 'invalid-boundary',
      boundary: '',
      fault: { kind: 'empty' },
    });
  });

  it('names a boundary that never occurs, and one that occurs only inside a line', () => {
    expect(read(EXAMPLE, 'multipart/form-data; boundary=ZZZ')).toEqual({
      code: 'boundary-never-occurs',
      boundary: 'ZZZ',
    });
    // The delimiter is -- and the boundary: "--AaB03x" as the boundary would need "----AaB03x" lines.
    expect(read(EXAMPLE, 'multipart/form-data; boundary=--AaB03x')).toEqual({
      code: 'boundary-never-occurs',
      boundary: '--AaB03x',
    });
    expect(read('x--AaB03x\r\n')).toEqual({ code: 'delimiter-not-at-line-start', boundary: 'AaB03x', line: 1 });
  });

  it('names a delimiter that lost the CRLF before it: that CRLF belongs to the delimiter', () => {
    const joined = EXAMPLE.replace('Holiday\r\n--AaB03x', 'Holiday--AaB03x');
    expect(read(joined)).toEqual({ code: 'delimiter-not-at-line-start', boundary: 'AaB03x', line: 4 });
    const indented = EXAMPLE.replace('hello\r\n--AaB03x--', 'hello\r\n --AaB03x--');
    expect(read(indented)).toEqual({ code: 'delimiter-not-at-line-start', boundary: 'AaB03x', line: 10 });
    // In a part's header lines too, before anything else is wrong with them.
    const ct = 'multipart/form-data; boundary=X';
    expect(read('--X\r\nContent-Disposition: form-data; name="a"--X\r\n\r\nv\r\n--X--', ct)).toEqual({
      code: 'delimiter-not-at-line-start',
      boundary: 'X',
      line: 2,
    });
    expect(read('--X\r\nnot a header--X\r\n--X--', ct)).toEqual({
      code: 'delimiter-not-at-line-start',
      boundary: 'X',
      line: 2,
    });
  });

  it('names a line that starts with the delimiter and goes on', () => {
    const junk = EXAMPLE.replace('Holiday\r\n--AaB03x\r\n', 'Holiday\r\n--AaB03xy\r\n');
    expect(read(junk)).toEqual({ code: 'delimiter-junk', boundary: 'AaB03x', line: 5 });
  });

  it('names a missing close delimiter at the last line', () => {
    expect(read(EXAMPLE.replace('--AaB03x--\r\n', '--AaB03x\r\n'))).toEqual({
      code: 'missing-close',
      boundary: 'AaB03x',
      line: 10,
    });
    expect(read(EXAMPLE.replace('--AaB03x--\r\n', '-AaB03x--\r\n'))).toEqual({
      code: 'missing-close',
      boundary: 'AaB03x',
      line: 10,
    });
    expect(read(EXAMPLE.slice(0, 60))).toMatchObject({ code: 'missing-close', line: 4 });
  });

  it('names a part without Content-Disposition: form-data and a name (RFC 7578 §4.2)', () => {
    const body = (header: string) => `--X\r\n${header}\r\n\r\nv\r\n--X--\r\n`;
    const ct = 'multipart/form-data; boundary=X';
    expect(read(body('Content-Type: text/plain'), ct)).toEqual({
      code: 'no-disposition',
      part: 1,
      line: 2,
      fault: 'missing',
    });
    expect(read(body('Content-Disposition: attachment; name="a"'), ct)).toEqual({
      code: 'no-disposition',
      part: 1,
      line: 2,
      fault: 'not-form-data',
    });
    expect(read(body('Content-Disposition: form-data; filename="a"'), ct)).toEqual({
      code: 'no-disposition',
      part: 1,
      line: 2,
      fault: 'no-name',
    });
    expect(read('--X\r\n\r\nv\r\n--X--\r\n', ct)).toMatchObject({ code: 'no-disposition', fault: 'missing' });
  });

  it('names a part whose header fields never end, and a line that is no header field', () => {
    const ct = 'multipart/form-data; boundary=X';
    expect(read('--X\r\nContent-Disposition: form-data; name="a"\r\nv\r\n--X--\r\n', ct)).toEqual({
      code: 'bad-header-line',
      part: 1,
      line: 3,
    });
    expect(read('--X\r\nContent-Disposition: form-data; name="a"\r\n--X--\r\n', ct)).toEqual({
      code: 'no-header-end',
      part: 1,
      line: 2,
    });
  });

  it('names a body that closes before any part', () => {
    expect(read('--AaB03x--\r\n')).toEqual({ code: 'no-parts', boundary: 'AaB03x', line: 1 });
  });
});

describe('bytes made visible', () => {
  it('shows CR, LF, tab, backslash, control bytes and bytes that are not UTF-8 as escapes; UTF-8 text as it is', () => {
    expect(escapeBytes(bytesOf('a\r\n\t\\\x00\x7f\x89PNG'))).toBe('a\\r\\n\\t\\\\\\x00\\x7F\\x89PNG');
    expect(escapeBytes('北京')).toBe('北京');
    expect(escapeBytes('北', { ascii: true })).toBe('\\xE5\\x8C\\x97');
  });

  it('breaks a line after each \\n', () => {
    expect(escapedLines('--X\r\nA\nB')).toEqual(['--X\\r\\n', 'A\\n', 'B']);
    expect(escapedLines('x\r\n')).toEqual(['x\\r\\n']);
    expect(escapedLines('')).toEqual(['']);
  });
});

describe('what each stretch of a body is', () => {
  it('gives the CRLF before a delimiter to the delimiter', () => {
    const kinds = segmentsOf(EXAMPLE, 'AaB03x').map((s) => [s.kind, EXAMPLE.slice(s.start, s.end)]);
    expect(kinds).toEqual([
      ['delimiter', '--AaB03x\r\n'],
      ['header', 'Content-Disposition: form-data; name="title"\r\n'],
      ['blank', '\r\n'],
      ['content', 'Holiday'],
      ['delimiter-crlf', '\r\n'],
      ['delimiter', '--AaB03x\r\n'],
      ['header', 'Content-Disposition: form-data; name="photo"; filename="notes.txt"\r\nContent-Type: text/plain\r\n'],
      ['blank', '\r\n'],
      ['content', 'hello'],
      ['delimiter-crlf', '\r\n'],
      ['close', '--AaB03x--\r\n'],
    ]);
  });

  it('reads a delimiter that lost its CRLF as content', () => {
    const joined = EXAMPLE.replace('Holiday\r\n--AaB03x', 'Holiday--AaB03x');
    const at = segmentsOf(joined, 'AaB03x').find((s) => joined.slice(s.start, s.end).includes('Holiday'));
    expect(at?.kind).toBe('content');
  });
});
