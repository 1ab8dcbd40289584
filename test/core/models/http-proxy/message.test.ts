// Reading one HTTP/1.x request: CRLF or LF line ends, the body its framing
// gives it, and for a malformed request one problem naming its line.
import { describe, expect, it } from 'vitest';
import { targetProblem } from '../../../../src/core/models/http-proxy/forward.js';
import { type HttpRequest, parseRequest, serializeRequest } from '../../../../src/core/models/http-proxy/message.js';

const ok = (raw: string): HttpRequest => {
  const r = parseRequest(raw);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
  return r.request;
};
const problem = (raw: string) => {
  const r = parseRequest(raw);
  if (r.ok) throw new Error('parsed');
  return { line: r.line, message: r.message };
};

describe('parseRequest', () => {
  it('reads the request line, the fields (values trimmed, names as spelt) and an empty body', () => {
    expect(ok('GET http://example.com/ HTTP/1.1\r\nHost:example.com\r\nx-A:  one two \t\r\n\r\n')).toEqual({
      method: 'GET',
      target: 'http://example.com/',
      version: '1.1',
      fields: [
        { name: 'Host', value: 'example.com' },
        { name: 'x-A', value: 'one two' },
      ],
      body: '',
    });
  });

  it('takes LF line ends, a missing empty line at the end, and empty lines before the request line (RFC 9112 §2.2)', () => {
    const a = ok('\n\r\nGET / HTTP/1.0\nHost: h\n');
    expect(a).toEqual(ok('GET / HTTP/1.0\r\nHost: h\r\n\r\n'));
    expect(ok('GET / HTTP/1.0\nHost: h').fields).toEqual([{ name: 'Host', value: 'h' }]);
  });

  it('reads a body of Content-Length bytes, counting bytes, and lets a line end after it pass', () => {
    expect(ok('POST /p HTTP/1.1\nHost: h\nContent-Length: 5\n\nhello\n').body).toBe('hello');
    // Two bytes of UTF-8 (é), one character each here.
    expect(ok('POST /p HTTP/1.1\nHost: h\nContent-Length: 2\n\n\u00c3\u00a9').body).toBe('\u00c3\u00a9');
    expect(ok('POST /p HTTP/1.1\nHost: h\nContent-Length: 3\n\na\nb').body).toBe('a\nb');
  });

  it('keeps a chunked body as it came, and checks its chunks', () => {
    const raw = 'POST /p HTTP/1.1\nHost: h\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n';
    expect(ok(raw).body).toBe('3\nabc\n0\n\n');
  });

  it('writes the request back with CRLF line ends', () => {
    expect(serializeRequest(ok('GET / HTTP/1.1\nHost: h\nA: 1\n'))).toBe('GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\n\r\n');
  });

  it.each([
    ['', undefined, /empty/],
    ['\n\n', undefined, /empty/],
    ['GET /\nHost: h\n', 1, /request line/],
    ['GET  / HTTP/1.1\n', 1, /one space/],
    ['G(T / HTTP/1.1\n', 1, /not a method/],
    ['GET / HTTP/2\n', 1, /HTTP\/1.0 or HTTP\/1.1/],
    ['GET / HTTP/2.0\n', 1, /only HTTP\/1.x/],
    ['GET / HTTP/1.1\nHost: h\nNo colon here\n\n', 3, /expected a field 'Name: value'/],
    ['GET / HTTP/1.1\nHost : h\n\n', 2, /no space is allowed between a field name and its colon/],
    ['GET / HTTP/1.1\nHost: h\nX-Long: a\n  b\n\n', 4, /obsolete line folding/],
    ['GET / HTTP/1.1\nBad Name: h\n\n', 2, /not a field name/],
    ['GET / HTTP/1.1\nHost: a\nAccept: */*\nHost: b\n\n', 4, /second Host/],
    ['TRACE / HTTP/1.1\nHost: h\nMax-Forwards: ten\n\n', 3, /whole number/],
    ['OPTIONS * HTTP/1.1\nHost: h\nMax-Forwards: 1\nMax-Forwards: 2\n\n', 4, /second Max-Forwards/],
    ['POST / HTTP/1.1\nHost: h\nContent-Length: 9\n\nshort', 5, /5 bytes after the empty line; Content-Length says 9/],
    ['POST / HTTP/1.1\nHost: h\nContent-Length: 2\n\nab\nGET / HTTP/1.1\n', 6, /more than Content-Length/],
    ['POST / HTTP/1.1\nHost: h\nContent-Length: x\n\n', 3, /one whole number/],
    ['POST / HTTP/1.1\nHost: h\nContent-Length: 1\nContent-Length: 2\n\nab', 3, /one whole number/],
    ['GET / HTTP/1.1\nHost: h\n\nbody without framing', 4, /no body/],
    ['POST / HTTP/1.1\nHost: h\nTransfer-Encoding: chunked\nContent-Length: 3\n\n', 4, /smuggling/],
    ['POST / HTTP/1.1\nHost: h\nTransfer-Encoding: gzip\n\n', 3, /only "chunked"/],
    ['POST / HTTP/1.1\nHost: h\nTransfer-Encoding: chunked\n\nzz\n', 5, /chunk size in hexadecimal/],
    ['POST / HTTP/1.1\nHost: h\nTransfer-Encoding: chunked\n\n5\nab\n', 6, /shorter than its size/],
    ['POST / HTTP/1.1\nHost: h\nTransfer-Encoding: chunked\n\n2\nabc\n0\n\n', 6, /longer than its size/],
    ['POST / HTTP/1.1\nHost: h\nTransfer-Encoding: chunked\n\n2\nab\n', 7, /before its last chunk/],
    ['POST / HTTP/1.1\nHost: h\nTransfer-Encoding: chunked\n\n0\n\nmore', 7, /after the last chunk/],
  ])('names the line of a malformed request: %j', (raw, line, message) => {
    const p = problem(raw);
    expect(p.line).toBe(line);
    expect(p.message).toMatch(message);
  });
});

describe('targetProblem: what a proxy cannot forward as a request', () => {
  const target = (line: string, ...fields: string[]) => targetProblem(ok(`${line}\n${fields.join('\n')}\n\n`));

  it('accepts absolute-form URLs, origin-form with a Host, and * for OPTIONS', () => {
    expect(target('GET http://example.com/ HTTP/1.0')).toBeUndefined();
    expect(target('GET https://example.com:8443/x HTTP/1.1', 'Host: example.com')).toBeUndefined();
    expect(target('GET /x HTTP/1.1', 'Host: h')).toBeUndefined();
    expect(target('OPTIONS * HTTP/1.1', 'Host: h')).toBeUndefined();
  });

  it.each([
    ['CONNECT example.com:443 HTTP/1.1', ['Host: example.com:443'], /tunnel/],
    ['GET * HTTP/1.1', ['Host: h'], /only for OPTIONS/],
    ['GET /x HTTP/1.0', [], /no Host/],
    ['GET /x#frag HTTP/1.1', ['Host: h'], /fragment/],
    ['GET ftp://example.com/ HTTP/1.1', ['Host: example.com'], /scheme is ftp/],
    ['GET http:///x HTTP/1.1', ['Host: h'], /no host/],
    ['GET example.com/x HTTP/1.1', ['Host: h'], /neither a path/],
    ['GET http://example.com/ HTTP/1.1', [], /HTTP\/1.1 request without Host/],
  ])('refuses %s', (line, fields, message) => {
    expect(target(line, ...fields)).toMatch(message);
  });
});
