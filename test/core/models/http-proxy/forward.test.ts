// Every forwarding rule of `nettutor http forward` (the project's http CLI
// spec), one test each, named with the RFC section it comes from; expected
// requests are written out by hand. Then properties over random requests:
// what a proxy must leave alone, it leaves alone; a second conforming proxy
// finds nothing more to remove; an old HTTP/1.0 proxy changes no field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { text } from '../../../../src/core/i18n/localize.js';
import {
  CONNECTION_SPECIFIC,
  type ForwardResult,
  type ProxyMode,
  forward,
  targetProblem,
} from '../../../../src/core/models/http-proxy/forward.js';
import {
  type HttpRequest,
  listMembers,
  parseRequest,
  sameName,
  serializeRequest,
} from '../../../../src/core/models/http-proxy/message.js';

/** A request from lines (joined with CRLF, the empty line added when no body is given). */
function req(...lines: string[]): HttpRequest {
  const raw = lines.includes('') ? lines.join('\r\n') : `${lines.join('\r\n')}\r\n\r\n`;
  const parsed = parseRequest(raw);
  if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.message}`);
  expect(targetProblem(parsed.request)).toBeUndefined();
  return parsed.request;
}

const rfc = (r: HttpRequest, proxyName = 'proxy') => forward(r, { mode: 'rfc', proxyName });
const old = (r: HttpRequest) => forward(r, { mode: 'http10', proxyName: 'proxy' });

/** The forwarded bytes, lines split at CRLF. */
function sent(result: ForwardResult): string[] {
  expect(result.forwarded).not.toBeNull();
  return serializeRequest(result.forwarded!).split('\r\n');
}

describe('rfc mode: a conforming HTTP/1.1 proxy', () => {
  it('RFC 9112 §3.2.1, §3.2.2: an absolute-form target becomes origin-form, path and query; "/" when the path is empty', () => {
    expect(sent(rfc(req('GET http://example.com/a/b?x=1&y=2 HTTP/1.1', 'Host: example.com')))[0]).toBe(
      'GET /a/b?x=1&y=2 HTTP/1.1',
    );
    expect(sent(rfc(req('GET http://example.com HTTP/1.1', 'Host: example.com')))[0]).toBe('GET / HTTP/1.1');
    expect(sent(rfc(req('GET http://example.com?q=1 HTTP/1.1', 'Host: example.com')))[0]).toBe('GET /?q=1 HTTP/1.1');
    expect(rfc(req('GET http://example.com/ HTTP/1.1', 'Host: example.com')).line).toEqual({
      text: 'GET / HTTP/1.1',
      was: 'GET http://example.com/ HTTP/1.1',
    });
  });

  it('RFC 9110 §2.5: the version becomes HTTP/1.1, the proxy’s own, whatever was received', () => {
    expect(sent(rfc(req('GET http://example.com/ HTTP/1.0')))[0]).toBe('GET / HTTP/1.1');
    expect(sent(rfc(req('GET /x HTTP/1.0', 'Host: example.com')))[0]).toBe('GET /x HTTP/1.1');
  });

  it('RFC 9112 §3.2: an origin-form target is kept as it is, and so is its Host', () => {
    const r = rfc(req('GET /a%20b?c HTTP/1.1', 'Host: example.com:8080'));
    expect(sent(r).slice(0, 2)).toEqual(['GET /a%20b?c HTTP/1.1', 'Host: example.com:8080']);
    expect(r.line.was).toBeUndefined();
    expect(rfc(req('OPTIONS * HTTP/1.1', 'Host: example.com')).line.text).toBe('OPTIONS * HTTP/1.1');
  });

  it('RFC 9112 §3.2.2: Host is replaced in place by the target’s authority (a received Host is ignored)', () => {
    const r = rfc(
      req('GET http://user@shop.example:8080/ HTTP/1.1', 'Accept: */*', 'Host: elsewhere.example', 'Cookie: a=1'),
    );
    expect(sent(r).slice(1, 5)).toEqual(['Accept: */*', 'Host: shop.example:8080', 'Cookie: a=1', 'Via: 1.1 proxy']);
    expect(r.changed).toEqual(['Host']);
    expect(r.added).toEqual(['Via']);
    // The same value is no change, and the name keeps its spelling.
    const same = rfc(req('GET http://example.com/ HTTP/1.1', 'host: example.com'));
    expect(sent(same)[1]).toBe('host: example.com');
    expect(same.changed).toEqual([]);
  });

  it('RFC 9112 §3.2.2: Host is added as the first field when the request has none', () => {
    const r = rfc(req('GET http://example.com/x HTTP/1.0', 'Accept: */*'));
    expect(sent(r).slice(0, 4)).toEqual(['GET /x HTTP/1.1', 'Host: example.com', 'Accept: */*', 'Via: 1.0 proxy']);
    expect(r.added).toEqual(['Host', 'Via']);
  });

  it('RFC 9110 §7.6.1: Connection is removed', () => {
    const r = rfc(req('GET http://example.com/ HTTP/1.1', 'Host: example.com', 'Connection: close'));
    expect(sent(r)).toEqual(['GET / HTTP/1.1', 'Host: example.com', 'Via: 1.1 proxy', '', '']);
    expect(r.removed).toEqual(['Connection']);
  });

  it('RFC 9110 §7.6.1: every field Connection names is removed: case-insensitive, a comma list, across several Connection lines', () => {
    const r = rfc(
      req(
        'GET http://example.com/ HTTP/1.1',
        'Host: example.com',
        'Connection: x-trace ,  X-DEBUG,,close',
        'X-Trace: 1',
        'Accept: */*',
        'x-debug: on',
        'connection: X-Second',
        'X-Second: 2',
        'X-Kept: 3',
      ),
    );
    expect(r.removed).toEqual(['Connection', 'X-Trace', 'x-debug', 'connection', 'X-Second']);
    expect(sent(r).slice(1, -2)).toEqual(['Host: example.com', 'Accept: */*', 'X-Kept: 3', 'Via: 1.1 proxy']);
  });

  it('RFC 9110 §7.6.1: Proxy-Connection, Keep-Alive, TE, Upgrade and Transfer-Encoding are removed even when Connection does not name them', () => {
    const r = rfc(
      req(
        'POST http://example.com/up HTTP/1.1',
        'Host: example.com',
        'Proxy-Connection: keep-alive',
        'keep-alive: timeout=5',
        'TE: trailers',
        'Upgrade: websocket',
        'Transfer-Encoding: chunked',
        'Accept: */*',
        '',
        '0',
        '',
        '',
      ),
    );
    expect(r.removed).toEqual(['Proxy-Connection', 'keep-alive', 'TE', 'Upgrade', 'Transfer-Encoding']);
    expect(CONNECTION_SPECIFIC.every((name) => !r.forwarded!.fields.some((f) => sameName(f.name, name)))).toBe(true);
  });

  it('RFC 9110 §11.7.2: Proxy-Authorization is consumed by the proxy, not forwarded; Authorization goes on', () => {
    const r = rfc(
      req(
        'GET http://example.com/ HTTP/1.1',
        'Host: example.com',
        'Proxy-Authorization: Basic cDpx',
        'Authorization: Bearer t',
      ),
    );
    expect(r.removed).toEqual(['Proxy-Authorization']);
    expect(sent(r)).toContain('Authorization: Bearer t');
  });

  it('RFC 9112 §7.1: a chunked body is decoded and forwarded with Content-Length, this hop’s own framing', () => {
    const r = rfc(
      req(
        'POST http://example.com/form HTTP/1.1',
        'Host: example.com',
        'Transfer-Encoding: chunked',
        'Content-Type: text/plain',
        '',
        '5;note=x',
        'hello',
        'b',
        ', two hops!',
        '0',
        'Checksum: 1',
        '',
        '',
      ),
    );
    expect(sent(r)).toEqual([
      'POST /form HTTP/1.1',
      'Host: example.com',
      'Content-Length: 16',
      'Content-Type: text/plain',
      'Via: 1.1 proxy',
      '',
      'hello, two hops!',
    ]);
    expect(r.removed).toEqual(['Transfer-Encoding']);
    expect(r.added).toEqual(['Content-Length', 'Via']);
    expect(text(r.why, 'en')).toContain('trailer fields Checksum');
  });

  it('RFC 9110 §7.6.2: Max-Forwards on TRACE and OPTIONS is forwarded one lower', () => {
    const trace = rfc(req('TRACE http://example.com/ HTTP/1.1', 'Host: example.com', 'Max-Forwards: 10'));
    expect(sent(trace)).toContain('Max-Forwards: 9');
    expect(trace.changed).toEqual(['Max-Forwards']);
    const options = rfc(req('OPTIONS * HTTP/1.1', 'Host: example.com', 'Max-Forwards: 1'));
    expect(sent(options)).toContain('Max-Forwards: 0');
  });

  it('RFC 9110 §7.6.2: at Max-Forwards 0 the proxy answers itself and forwards nothing', () => {
    const r = rfc(req('OPTIONS * HTTP/1.1', 'Host: example.com', 'Max-Forwards: 0', 'Connection: close'));
    expect(r.forwarded).toBeNull();
    expect(r.removed).toEqual([]);
    expect(r.added).toEqual([]);
    expect(r.outcome).toBe('ok');
    expect(text(r.why, 'en')).toContain('answers the OPTIONS itself');
  });

  it('RFC 9110 §7.6.2: Max-Forwards on any other method is left as it is', () => {
    const r = rfc(req('GET http://example.com/ HTTP/1.1', 'Host: example.com', 'Max-Forwards: 0'));
    expect(sent(r)).toContain('Max-Forwards: 0');
    expect(r.changed).toEqual([]);
  });

  it('RFC 9110 §7.6.3: Via gets "<received-version> <name>", added as the last field', () => {
    expect(
      sent(rfc(req('GET http://example.com/ HTTP/1.1', 'Host: example.com', 'Accept: */*'), 'gw.example:3128')),
    ).toEqual(['GET / HTTP/1.1', 'Host: example.com', 'Accept: */*', 'Via: 1.1 gw.example:3128', '', '']);
    // The version received, not the one sent.
    expect(sent(rfc(req('GET http://example.com/ HTTP/1.0'), 'p'))).toContain('Via: 1.0 p');
  });

  it('RFC 9110 §7.6.3: Via is joined with ", " to an existing Via value, in its place', () => {
    const r = rfc(
      req(
        'GET http://example.com/ HTTP/1.1',
        'Via: 1.0 fred',
        'Host: example.com',
        'Via: 1.1 nowhere.example',
        'Accept: */*',
      ),
    );
    expect(sent(r).slice(1, 5)).toEqual([
      'Via: 1.0 fred',
      'Host: example.com',
      'Via: 1.1 nowhere.example, 1.1 proxy',
      'Accept: */*',
    ]);
    expect(r.changed).toEqual(['Via']);
    expect(r.added).toEqual([]);
  });

  it('RFC 9110 §7.6: every other field goes on unchanged, same spelling, same order, and the body unchanged', () => {
    const r = rfc(
      req(
        'POST http://example.com/p HTTP/1.1',
        'hOsT: example.com',
        'x-Custom: a,  b ',
        'Content-Type: application/x-www-form-urlencoded',
        'Content-Length: 7',
        'Cookie: id=1; theme=dark',
        '',
        'a=1&b=2',
      ),
    );
    expect(sent(r)).toEqual([
      'POST /p HTTP/1.1',
      'hOsT: example.com',
      'x-Custom: a,  b',
      'Content-Type: application/x-www-form-urlencoded',
      'Content-Length: 7',
      'Cookie: id=1; theme=dark',
      'Via: 1.1 proxy',
      '',
      'a=1&b=2',
    ]);
    expect(r.outcome).toBe('ok');
  });
});

describe('http10 mode: an old HTTP/1.0 proxy that knows nothing of Connection', () => {
  const input = req(
    'GET http://example.com/page HTTP/1.1',
    'Host: example.com',
    'Connection: Keep-Alive',
    'Keep-Alive: timeout=5',
    'Proxy-Authorization: Basic cDpx',
    'Accept: */*',
  );

  it('forwards every field unchanged and in order, adds no Via, keeps Host, rewrites the target, sends HTTP/1.0', () => {
    const r = old(input);
    expect(sent(r)).toEqual([
      'GET /page HTTP/1.0',
      'Host: example.com',
      'Connection: Keep-Alive',
      'Keep-Alive: timeout=5',
      'Proxy-Authorization: Basic cDpx',
      'Accept: */*',
      '',
      '',
    ]);
    expect([r.removed, r.added, r.changed]).toEqual([[], [], []]);
    // Host as received, even when the target names another host; Max-Forwards is not counted.
    const other = old(req('TRACE http://a.example/ HTTP/1.1', 'Host: b.example', 'Max-Forwards: 0'));
    expect(sent(other).slice(0, 3)).toEqual(['TRACE / HTTP/1.0', 'Host: b.example', 'Max-Forwards: 0']);
  });

  it('RFC 9112 Appendix C.2.2: a forwarded Connection whose options include keep-alive hangs', () => {
    expect(old(input).outcome).toBe('hang');
    expect(text(old(input).why, 'en')).toContain('never answered');
    expect(old(req('GET http://example.com/ HTTP/1.0', 'Connection: close, KEEP-ALIVE')).outcome).toBe('hang');
    expect(old(req('GET http://example.com/ HTTP/1.0', 'Connection: close')).outcome).toBe('ok');
    // The same request through a conforming proxy: nothing hangs.
    expect(rfc(input).outcome).toBe('ok');
  });

  it('RFC 9112 Appendix C.2.2: Proxy-Connection: keep-alive through the same proxy is "ok": the server does not know it, so it closes', () => {
    const r = old(req('GET http://example.com/ HTTP/1.0', 'Proxy-Connection: keep-alive'));
    expect(r.outcome).toBe('ok');
    expect(sent(r)).toContain('Proxy-Connection: keep-alive');
    expect(text(r.why, 'en')).toContain('does not know Proxy-Connection');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random requests.

const END_TO_END = [
  'Accept',
  'Accept-Language',
  'User-Agent',
  'Cookie',
  'Authorization',
  'Cache-Control',
  'Referer',
  'X-Request-Id',
];
const HOP = ['Keep-Alive', 'TE', 'Upgrade', 'Proxy-Connection', 'X-Trace', 'X-Debug'];
const SPECIAL = [
  'Host',
  'Via',
  'Max-Forwards',
  'Proxy-Authorization',
  'Connection',
  'Transfer-Encoding',
  'Content-Length',
];

const casing = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.toLowerCase(),
  (s) => s.toUpperCase(),
);
const value = fc.stringMatching(/^[A-Za-z0-9=;/.*]{1,12}$/);
const field = fc.record({
  name: fc.tuple(fc.constantFrom(...END_TO_END, ...HOP, ...SPECIAL.slice(1, 4)), casing).map(([n, c]) => c(n)),
  value,
});
const connection = fc
  .array(fc.tuple(fc.constantFrom('keep-alive', 'close', 'Upgrade', 'TE', 'X-Trace', 'x-debug', 'Accept'), casing), {
    maxLength: 3,
  })
  .map((opts) => ({ name: 'Connection', value: opts.map(([o, c]) => c(o)).join(', ') || 'close' }));
const request = fc
  .record({
    method: fc.constantFrom('GET', 'HEAD', 'DELETE', 'TRACE', 'OPTIONS'),
    version: fc.constantFrom('1.0' as const, '1.1' as const),
    path: fc.constantFrom('', '/', '/a', '/a/b?c=1'),
    fields: fc.array(fc.oneof({ weight: 4, arbitrary: field }, { weight: 1, arbitrary: connection }), {
      maxLength: 10,
    }),
    maxForwards: fc.option(fc.integer({ min: 2, max: 20 }), { nil: undefined }),
  })
  .map(({ method, version, path, fields, maxForwards }) => {
    // One Host, one Max-Forwards at most, as a valid request has.
    const rest = fields.filter((f) => !sameName(f.name, 'Host') && !sameName(f.name, 'Max-Forwards'));
    const r: HttpRequest = {
      method,
      target: `http://example.com${path}`,
      version,
      fields: [
        { name: 'Host', value: 'example.com' },
        ...rest,
        ...(maxForwards ? [{ name: 'Max-Forwards', value: String(maxForwards) }] : []),
      ],
      body: '',
    };
    return r;
  });

describe('forwarding, over random requests', () => {
  it('leaves every field that Connection does not name and that is not connection-specific unchanged, in order', () => {
    fc.assert(
      fc.property(request, (r) => {
        const named = listMembers(r.fields, 'Connection');
        const untouched = (name: string) =>
          !named.some((n) => sameName(n, name)) && ![...CONNECTION_SPECIFIC, ...SPECIAL].some((n) => sameName(n, name));
        const result = rfc(r);
        expect(result.forwarded!.fields.filter((f) => untouched(f.name))).toEqual(
          r.fields.filter((f) => untouched(f.name)),
        );
      }),
    );
  });

  it('forwards no Connection, nothing it names, and no connection-specific field', () => {
    fc.assert(
      fc.property(request, (r) => {
        const named = listMembers(r.fields, 'Connection');
        for (const f of rfc(r).forwarded!.fields) {
          expect(
            [...named, 'Connection', ...CONNECTION_SPECIFIC, 'Proxy-Authorization'].some((n) => sameName(n, f.name)),
          ).toBe(false);
        }
      }),
    );
  });

  it('through two rfc proxies: the second removes nothing more, and Via gets two entries', () => {
    fc.assert(
      fc.property(request, (r) => {
        const first = rfc(r, 'one');
        const second = rfc(first.forwarded!, 'two');
        expect(second.removed).toEqual([]);
        const via = second
          .forwarded!.fields.filter((f) => sameName(f.name, 'Via'))
          .map((f) => f.value)
          .join(', ');
        expect(via.endsWith(`${r.version} one, 1.1 two`)).toBe(true);
        // What the first removed, the chain removed, once.
        const removedOnce = first.removed.length;
        const chainFields = second.forwarded!.fields.length;
        expect(chainFields).toBe(r.fields.length - removedOnce + first.added.length + second.added.length);
      }),
    );
  });

  it('an old HTTP/1.0 proxy forwards the fields exactly as received, and hangs exactly when Connection asks for keep-alive', () => {
    fc.assert(
      fc.property(request, (r) => {
        const result = old(r);
        expect(result.forwarded!.fields).toEqual(r.fields);
        const keepAlive = listMembers(r.fields, 'Connection').some((o) => sameName(o, 'keep-alive'));
        expect(result.outcome).toBe(keepAlive ? 'hang' : 'ok');
        expect(rfc(r).outcome).toBe('ok');
      }),
    );
  });

  it('reads a request written with CRLF or with LF the same way, and writes back what it read', () => {
    fc.assert(
      fc.property(request, fc.constantFrom<ProxyMode>('rfc', 'http10'), (r, mode) => {
        const crlf = serializeRequest(r);
        const lf = crlf.replaceAll('\r\n', '\n');
        const a = parseRequest(crlf);
        const b = parseRequest(lf);
        expect(a).toEqual({ ok: true, request: r });
        expect(b).toEqual(a);
        expect(forward(r, { mode, proxyName: 'p' })).toEqual(
          forward((b as { request: HttpRequest }).request, { mode, proxyName: 'p' }),
        );
      }),
    );
  });
});
