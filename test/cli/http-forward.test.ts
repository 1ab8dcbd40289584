// `nettutor http forward` against its contract (the project's http CLI spec):
// the bytes it prints, the JSON document, the exit statuses and the one-line
// errors; in process, and through the built binary for stdin and raw bytes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runHttp } from '../../src/cli/http.js';
import { type CliIO, UsageError, usageLine } from '../../src/cli/io.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nettutor-forward-'));

/** A request file in a temporary folder, written as given (CRLF or LF). */
function file(name: string, contents: string): string {
  writeFileSync(join(dir, name), contents, 'latin1');
  return name;
}

/** Runs `nettutor http …` in process; `stdin` is a stream's content, or a terminal when undefined. */
async function http(args: string[], stdin?: string) {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s) },
    stdin:
      stdin === undefined
        ? { isTTY: true }
        : Object.assign(
            (async function* () {
              yield Buffer.from(stdin, 'latin1');
            })(),
            { isTTY: false },
          ),
    env: {},
    cwd: dir,
  };
  try {
    const code = await runHttp(args, io);
    return { code, stdout: out, stderr: err };
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout: out, stderr: `${usageLine(error)}\n` };
    throw error;
  }
}

const KEEP_ALIVE = [
  'GET http://example.com/news?page=2 HTTP/1.1',
  'Host: example.com',
  'User-Agent: curl/8.5.0',
  'Connection: keep-alive, X-Trace',
  'Keep-Alive: timeout=5',
  'X-Trace: 7f3a',
  'Accept: */*',
  '',
  '',
];
const keepAliveCrlf = file('keep-alive.txt', KEEP_ALIVE.join('\r\n'));
const keepAliveLf = file('keep-alive-lf.txt', KEEP_ALIVE.join('\n'));

describe('nettutor http forward', () => {
  it('is listed by nettutor http --help, and has its own --help', async () => {
    const list = await http(['--help']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/nettutor http forward\s+what a forward proxy sends on to the server/);
    const help = await http(['forward', '--help']);
    expect(help.code).toBe(0);
    for (const word of ['[FILE|-]', '--proxy NAME', '--mode rfc', '--mode http10', '--format http', '--format json'])
      expect(help.stdout).toContain(word);
  });

  it('prints the forwarded request byte for byte, CRLF line ends (rfc, the default)', async () => {
    const r = await http(['forward', keepAliveCrlf]);
    expect(r).toEqual({
      code: 0,
      stdout:
        'GET /news?page=2 HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\nVia: 1.1 proxy\r\n\r\n',
      stderr: '',
    });
  });

  it('reads LF line ends like CRLF, from a file, from - and from a piped stdin without FILE', async () => {
    const crlf = await http(['forward', keepAliveCrlf, '--proxy', 'gw:3128']);
    expect(crlf.stdout).toContain('Via: 1.1 gw:3128\r\n');
    expect(await http(['forward', keepAliveLf, '--proxy', 'gw:3128'])).toEqual(crlf);
    expect(await http(['forward', '-', '--proxy', 'gw:3128'], KEEP_ALIVE.join('\n'))).toEqual(crlf);
    expect(await http(['forward', '--proxy', 'gw:3128'], KEEP_ALIVE.join('\r\n'))).toEqual(crlf);
  });

  it('prints one JSON document with forwarded, removed (as received), added, outcome and why', async () => {
    const r = await http(['forward', keepAliveCrlf, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      forwarded:
        'GET /news?page=2 HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\nVia: 1.1 proxy\r\n\r\n',
      removed: ['Connection', 'Keep-Alive', 'X-Trace'],
      added: ['Via'],
      outcome: 'ok',
    });
    expect(doc.why).toMatch(/removed Connection and the fields it names, Keep-Alive and X-Trace \(RFC 9110 §7\.6\.1\)/);
    expect(doc.why).toMatch(/added Via: 1\.1 proxy \(RFC 9110 §7\.6\.3\)/);
  });

  it('--mode http10: every field unchanged, HTTP/1.0, outcome "hang" for a forwarded keep-alive', async () => {
    const r = await http(['forward', keepAliveCrlf, '--mode', 'http10', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.forwarded).toBe(
      'GET /news?page=2 HTTP/1.0\r\nHost: example.com\r\nUser-Agent: curl/8.5.0\r\nConnection: keep-alive, X-Trace\r\nKeep-Alive: timeout=5\r\nX-Trace: 7f3a\r\nAccept: */*\r\n\r\n',
    );
    expect(doc).toMatchObject({ removed: [], added: [], outcome: 'hang' });
    expect(doc.why).toMatch(/never answered \(RFC 9112 Appendix C\.2\.2\)/);
    const pc = file('proxy-connection.txt', 'GET http://example.com/ HTTP/1.0\nProxy-Connection: keep-alive\n\n');
    expect(JSON.parse((await http(['forward', pc, '--mode', 'http10', '--format', 'json'])).stdout).outcome).toBe('ok');
  });

  it('Max-Forwards 0: http prints nothing on stdout and one line on stderr, exit 0; JSON has "forwarded": null', async () => {
    const options = file('options.txt', 'OPTIONS * HTTP/1.1\nHost: example.com\nMax-Forwards: 0\n\n');
    const r = await http(['forward', options]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^nettutor http forward: Max-Forwards is 0: the proxy answers the OPTIONS itself[^\n]*\n$/,
    );
    const doc = JSON.parse((await http(['forward', options, '--format', 'json'])).stdout);
    expect(doc).toMatchObject({ forwarded: null, removed: [], added: [], outcome: 'ok' });
  });

  it.each([
    [['forward', '--mode', 'rfc9110', 'x'], "--mode must be rfc or http10, not 'rfc9110'"],
    [['forward', '--format', 'yaml', 'x'], "--format must be http or json, not 'yaml'"],
    [['forward', '--proxy', 'my proxy', 'x'], '--proxy "my proxy" is not a name Via can carry'],
    [['forward', '--proxy', 'a,b', 'x'], 'is not a name Via can carry'],
    [['forward', '--prxy', 'a'], 'unknown option \'--prxy\' (did you mean "--proxy"?)'],
    [['forward', 'a.txt', 'b.txt'], 'forward reads one request, got 2 files'],
    [['forward', 'missing.txt'], 'cannot read missing.txt: it does not exist'],
    [['forward', '.'], '. is a folder'],
    [['forward'], 'forward needs a request: give a FILE, or - and the request on stdin'],
    [['forwrd'], 'unknown http command \'forwrd\' (did you mean "forward"?)'],
  ])('usage mistake %j: one line on stderr, status 2', async (args, message) => {
    const r = await http(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each([
    [
      'bad-field.txt',
      'GET http://example.com/ HTTP/1.1\nHost: example.com\nAccept */*\n\n',
      'bad-field.txt: line 3: expected a field',
    ],
    ['space.txt', 'GET http://example.com/ HTTP/1.1\nHost : example.com\n\n', 'space.txt: line 2: no space is allowed'],
    [
      'version.txt',
      'GET / HTTP/2.0\nHost: example.com\n\n',
      'version.txt: line 1: HTTP/2.0 is not HTTP/1.0 or HTTP/1.1',
    ],
    [
      'connect.txt',
      'CONNECT example.com:443 HTTP/1.1\nHost: example.com:443\n\n',
      'connect.txt: line 1: CONNECT asks the proxy for a tunnel',
    ],
    ['empty.txt', '', 'empty.txt: the request is empty'],
  ])('an invalid request (%s): one line naming the line, status 2', async (name, contents, message) => {
    const r = await http(['forward', file(name, contents)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`nettutor: ${message}`)).toBe(true);
    expect(r.stderr).toMatch(/; try 'nettutor http forward --help'\n$/);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });
});

describe('nettutor http forward, the built binary', () => {
  const run = (args: string[], input = '') =>
    spawnSync(process.execPath, [bin, 'http', 'forward', ...args], {
      cwd: dir,
      input: Buffer.from(input, 'latin1'),
      env: { ...process.env, CI: '' },
    });

  it('reads stdin with -, keeps the body’s bytes exactly, and decodes chunked to Content-Length', () => {
    // "héllo" in UTF-8 is 6 bytes; the chunk sizes count bytes.
    const body = Buffer.from('héllo', 'utf8').toString('latin1');
    const r = run(
      ['-'],
      `POST http://example.com/up HTTP/1.1\nHost: example.com\nTransfer-Encoding: chunked\n\n6\n${body}\n0\n\n`,
    );
    expect(r.status).toBe(0);
    expect(
      r.stdout.equals(
        Buffer.concat([
          Buffer.from('POST /up HTTP/1.1\r\nHost: example.com\r\nContent-Length: 6\r\nVia: 1.1 proxy\r\n\r\n'),
          Buffer.from('héllo', 'utf8'),
        ]),
      ),
    ).toBe(true);
    const json = run(
      ['-', '--format', 'json'],
      `POST http://example.com/up HTTP/1.1\nHost: example.com\nContent-Length: 6\n\n${body}`,
    );
    expect(JSON.parse(json.stdout.toString('utf8')).forwarded).toBe(
      'POST /up HTTP/1.1\r\nHost: example.com\r\nContent-Length: 6\r\nVia: 1.1 proxy\r\n\r\nhéllo',
    );
  });

  it('gives the same output for the same input, and exits 2 with one line and no stack trace on a bad request', () => {
    const a = run([keepAliveLf, '--format', 'json']);
    const b = run([keepAliveLf, '--format', 'json']);
    expect(a.status).toBe(0);
    expect(a.stdout.equals(b.stdout)).toBe(true);
    const bad = run(['-'], 'GET http://example.com/ HTTP/1.1\nHost example.com\n\n');
    expect(bad.status).toBe(2);
    expect(bad.stdout.length).toBe(0);
    expect(bad.stderr.toString()).toBe(
      "nettutor: stdin: line 2: expected a field 'Name: value', found \"Host example.com\"; try 'nettutor http forward --help'\n",
    );
  });
});
