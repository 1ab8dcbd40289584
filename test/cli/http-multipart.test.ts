// `nettutor http multipart`, as its contract says (the http CLI spec): the
// bytes of a body built from fields and files in argument order, raw,
// escaped (golden files) or JSON; a boundary given or generated, and exit 2
// for one that is not valid or occurs in a part; a body read back into its
// parts, or exit 2 naming the first problem with its line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runHttp } from '../../src/cli/http.js';
import { type CliIO, UsageError, usageLine } from '../../src/cli/io.js';
import { boundaryFault } from '../../src/core/models/http-multipart/multipart.js';
import { expectGolden, expectNoStrayGoldens } from '../helpers/golden.js';

const GOLDEN = fileURLToPath(new URL('./__golden__/http-multipart/', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));

/** The example of facts.md §6, written out by hand: 192 bytes. */
const EXAMPLE_BODY =
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

/** A folder with the files the tests upload. */
function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'nettutor-multipart-'));
  writeFileSync(join(dir, 'notes.txt'), 'hello');
  writeFileSync(join(dir, 'cat.png'), Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR', 'latin1'));
  writeFileSync(join(dir, 'my "best" day.txt'), 'a\\b\tc');
  writeFileSync(join(dir, 'example.body'), EXAMPLE_BODY);
  mkdirSync(join(dir, 'sub'));
  return dir;
}
const dir = folder();

async function http(args: string[], opts: { tty?: boolean } = {}) {
  let out = '';
  const bytes: number[] = [];
  let err = '';
  const io: CliIO = {
    stdout: {
      write: (chunk: string | Uint8Array) => {
        if (typeof chunk === 'string') {
          out += chunk;
          bytes.push(...Buffer.from(chunk, 'utf8'));
        } else {
          out += Buffer.from(chunk).toString('latin1');
          bytes.push(...chunk);
        }
      },
      isTTY: opts.tty ?? false,
    },
    stderr: { write: (s: string | Uint8Array) => (err += String(s)) },
    stdin: { isTTY: false },
    env: {},
    cwd: dir,
  };
  try {
    const code = await runHttp(args, io);
    return { code, stdout: out, bytes: Buffer.from(bytes), stderr: err };
  } catch (error) {
    if (error instanceof UsageError)
      return { code: 2, stdout: out, bytes: Buffer.from(bytes), stderr: usageLine(error) };
    throw error;
  }
}
const multipart = (args: string[], opts: { tty?: boolean } = {}) => http(['multipart', ...args], opts);
const EXAMPLE_ARGS = ['--boundary', 'AaB03x', '--field', 'title=Holiday', '--file', 'photo=notes.txt;type=text/plain'];

describe('nettutor http multipart: building', () => {
  it('prints the Content-Type field, an empty line and the body, byte for byte (raw)', async () => {
    const r = await multipart([...EXAMPLE_ARGS, '--format', 'raw']);
    expect(r.code).toBe(0);
    expect(r.bytes.toString('latin1')).toBe(
      `Content-Type: multipart/form-data; boundary=AaB03x\r\n\r\n${EXAMPLE_BODY}`,
    );
    expect(r.bytes.length - 'Content-Type: multipart/form-data; boundary=AaB03x\r\n\r\n'.length).toBe(192);
  });

  it('shows CR as \\r and LF as \\n with a line break after it (escaped), the default on a terminal', async () => {
    const r = await multipart(EXAMPLE_ARGS, { tty: true });
    expect(r.code).toBe(0);
    expectGolden(join(GOLDEN, 'example.escaped'), r.stdout);
    expect((await multipart([...EXAMPLE_ARGS, '--format', 'escaped'])).stdout).toBe(r.stdout);
    // Not on a terminal, the default is raw.
    expect((await multipart(EXAMPLE_ARGS)).bytes.toString('latin1')).toContain('\r\n\r\n--AaB03x\r\n');
  });

  it('escapes bytes that are not text, a backslash and a tab; writes " as %22 in a file name; keeps argument order', async () => {
    const r = await multipart([
      '--boundary',
      'gc0pJq0M:08jU534c0p',
      '--file',
      'photo=cat.png;type=image/png',
      '--field',
      '城市=北京',
      '--file',
      'note=my "best" day.txt',
      '--format',
      'escaped',
    ]);
    expect(r.code).toBe(0);
    expectGolden(join(GOLDEN, 'binary.escaped'), r.stdout);
    expect(r.stdout).toMatch(/^Content-Type: multipart\/form-data; boundary="gc0pJq0M:08jU534c0p"\\r\\n\n/);
    // A lone CR (the PNG's 0x0D) is \r with no line break: a line ends after \n only.
    expect(r.stdout).toContain('\\x89PNG\\r\\n\n\\x1A\\n\n\\x00\\x00\\x00\\rIHDR\\r\\n\n');
    expect(r.stdout).toContain('filename="my %22best%22 day.txt"');
    expect(r.stdout.indexOf('name="photo"')).toBeLessThan(r.stdout.indexOf('name="城市"'));
    expect(r.stdout.indexOf('name="城市"')).toBeLessThan(r.stdout.indexOf('name="note"'));
  });

  it('prints one JSON document: contentType and body, the body as text or one character per byte', async () => {
    const r = await multipart([...EXAMPLE_ARGS, '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual({
      contentType: 'multipart/form-data; boundary=AaB03x',
      boundary: 'AaB03x',
      body: EXAMPLE_BODY,
      bodyEncoding: 'utf-8',
      length: 192,
    });
    const binary = JSON.parse((await multipart(['--file', 'p=cat.png', '--format', 'json'])).stdout);
    expect(binary.bodyEncoding).toBe('latin1');
    expect(Buffer.from(binary.body, 'latin1').includes(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(true);
    expect(binary.body).toContain('Content-Type: application/octet-stream\r\n');
  });

  it('generates a valid boundary that occurs in no part, the same for the same parts', async () => {
    const a = JSON.parse((await multipart(['--field', 'a=1', '--file', 'p=cat.png', '--format', 'json'])).stdout);
    const b = JSON.parse((await multipart(['--field', 'a=1', '--file', 'p=cat.png', '--format', 'json'])).stdout);
    const c = JSON.parse((await multipart(['--field', 'a=2', '--file', 'p=cat.png', '--format', 'json'])).stdout);
    expect(a).toEqual(b);
    expect(c.boundary).not.toBe(a.boundary);
    expect(boundaryFault(a.boundary)).toBeNull();
    expect(a.boundary.length).toBeLessThanOrEqual(70);
    expect(a.contentType).toBe(`multipart/form-data; boundary=${a.boundary}`);
    // A field holding the boundary generated for other parts gets another one.
    const holding = JSON.parse((await multipart(['--field', `a=${a.boundary}`, '--format', 'json'])).stdout);
    expect(holding.body.split(`--${holding.boundary}`).length - 1).toBe(2);
  });

  it('exits 2 with one line for a boundary that occurs in a part or is not valid (RFC 2046 §5.1.1)', async () => {
    const cases: Array<[string[], RegExp]> = [
      [
        ['--boundary', 'Holi', '--field', 'title=Holiday'],
        /^nettutor: the boundary "Holi" occurs in the content of part 1 \("title"\): a boundary must occur in no part \(RFC 2046 §5\.1\.1\); choose another --boundary, or leave it out to have one generated$/,
      ],
      [['--boundary', 'x'.repeat(71), '--field', 'a=b'], /is not valid: it has 71 characters \(at most 70\)/],
      [['--boundary', 'ab ', '--field', 'a=b'], /is not valid: it ends in a space/],
      [['--boundary', 'a"b', '--field', 'a=b'], /is not valid: character 2, "\\"", is not allowed/],
      [['--boundary', '', '--field', 'a=b'], /is not valid: it is empty/],
      [['--boundary', 'note', '--field', 'note=x'], /occurs in the name of part 1/],
    ];
    for (const [args, message] of cases) {
      const r = await multipart(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it('exits 2 with one line for every usage mistake', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /a form needs at least one part: give --field NAME=VALUE or --file NAME=PATH/],
      [['--field', 'novalue'], /--field 'novalue' needs NAME=VALUE/],
      [['--field', '=x'], /--field '=x' has no name before '='/],
      [['--file', 'p=missing.txt'], /--file: cannot read missing.txt: it does not exist/],
      [['--file', 'p=sub'], /--file: sub is not a file/],
      [['--file', 'p=notes.txt;type='], /;type= needs a media type/],
      [['--field', 'a=b', '--format', 'hex'], /--format must be raw, escaped or json, not 'hex'/],
      [['--field', 'a=b', '--content-type', 'x'], /--content-type goes with --parse/],
      [['--parse', 'example.body', '--field', 'a=b'], /--parse reads a body: --field builds one/],
      [['--parse', 'example.body'], /--parse needs --content-type VALUE/],
      [['--parse', 'example.body', '--content-type', 'x', '--format', 'raw'], /--format must be json, not 'raw'/],
      [['--fiel', 'a=b'], /unknown option '--fiel' \(did you mean "--field"\?\)/],
      [['--field'], /--field needs a value/],
      [['--field', 'a=b', 'extra'], /unexpected argument 'extra'/],
    ];
    for (const [args, message] of cases) {
      const r = await multipart(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).toMatch(/^nettutor: .*; (try 'nettutor http multipart --help'|.+)$/);
    }
  });

  it('says what it does in its help, and the router lists it', async () => {
    const help = await multipart(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--field NAME=VALUE/);
    expect(help.stdout).toMatch(/--parse FILE --content-type VALUE/);
    expect((await http(['--help'])).stdout).toMatch(/nettutor http multipart\s+build a multipart\/form-data body/);
  });
});

describe('nettutor http multipart --parse', () => {
  const body = (name: string, contents: string) => {
    writeFileSync(join(dir, name), Buffer.from(contents, 'latin1'));
    return name;
  };

  it('prints the parts as JSON', async () => {
    const r = await multipart(['--parse', 'example.body', '--content-type', 'multipart/form-data; boundary=AaB03x']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      boundary: 'AaB03x',
      parts: [
        { name: 'title', filename: null, contentType: null, content: 'Holiday', contentEncoding: 'utf-8', length: 7 },
        {
          name: 'photo',
          filename: 'notes.txt',
          contentType: 'text/plain',
          content: 'hello',
          contentEncoding: 'utf-8',
          length: 5,
        },
      ],
    });
  });

  it('reads back what it built, bytes that are not text included', async () => {
    const built = await multipart(['--field', 'a=1', '--file', 'p=cat.png;type=image/png', '--format', 'json']);
    const doc = JSON.parse(built.stdout);
    const file = body('built.body', doc.body);
    const read = JSON.parse((await multipart(['--parse', file, '--content-type', doc.contentType])).stdout);
    expect(read.parts[1]).toMatchObject({ name: 'p', filename: 'cat.png', contentEncoding: 'latin1', length: 16 });
    expect(Buffer.from(read.parts[1].content, 'latin1')).toEqual(
      Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR', 'latin1'),
    );
  });

  it('exits 2 naming the first problem and its line', async () => {
    const ct = 'multipart/form-data; boundary=AaB03x';
    const cases: Array<[string, string, string]> = [
      ['example.body', 'multipart/form-data', 'the Content-Type has no boundary parameter'],
      ['example.body', 'multipart/form-data; boundary=ZZ', 'the boundary never occurs: no line starts with --ZZ'],
      [
        body('no-close.body', EXAMPLE_BODY.replace('--AaB03x--', '--AaB03x')),
        ct,
        'line 10: the body ends without the close delimiter --AaB03x--',
      ],
      [
        body('joined.body', EXAMPLE_BODY.replace('Holiday\r\n', 'Holiday')),
        ct,
        'line 4: --AaB03x does not start the line',
      ],
      [
        body('no-name.body', EXAMPLE_BODY.replace('name="title"', 'filename="title"')),
        ct,
        "line 2: part 1's Content-Disposition has no name parameter",
      ],
      [
        body('no-disposition.body', EXAMPLE_BODY.replace('Content-Disposition: form-data; name="title"', 'X-Note: 1')),
        ct,
        'line 2: part 1 has no Content-Disposition',
      ],
    ];
    for (const [file, type, message] of cases) {
      const r = await multipart(['--parse', file, '--content-type', type]);
      expect(r.code, message).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        new RegExp(`^nettutor http multipart: ${file}: ${message.replace(/[()|.*+?[\]\\^$]/g, '\\$&')}`),
      );
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    const missing = await multipart(['--parse', 'nothing.body', '--content-type', ct]);
    expect(missing.stderr).toMatch(/--parse: cannot read nothing.body: it does not exist/);
  });
});

describe('nettutor http multipart, the built binary', () => {
  it('writes the raw bytes to stdout and a usage error as one line, without a stack trace', () => {
    const r = spawnSync(process.execPath, [bin, 'http', 'multipart', ...EXAMPLE_ARGS, '--format', 'raw'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout.toString('latin1')).toBe(
      `Content-Type: multipart/form-data; boundary=AaB03x\r\n\r\n${EXAMPLE_BODY}`,
    );
    const bad = spawnSync(process.execPath, [bin, 'http', 'multipart', '--boundary', 'Holi', '--field', 'a=Holiday'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});

describe('docs/http.md', () => {
  it('shows what the command prints for its examples', async () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/http.md', import.meta.url)), 'utf8');
    const escaped = /--format escaped\n([\s\S]*?)```/.exec(doc)![1]!;
    expect((await multipart([...EXAMPLE_ARGS, '--format', 'escaped'])).stdout).toBe(escaped);
    const refused = /\$ nettutor http multipart --boundary Holi --field title=Holiday\n(.*)\n/.exec(doc)![1]!;
    expect((await multipart(['--boundary', 'Holi', '--field', 'title=Holiday'])).stderr).toBe(refused);
    const parsed = /--content-type 'multipart\/form-data; boundary=AaB03x'\n(\{[\s\S]*?\n\})\n/.exec(doc)![1]!;
    const body = 'title.body';
    // The body the page cuts out of the request: the title's part alone, then the close delimiter.
    writeFileSync(join(dir, body), `${EXAMPLE_BODY.slice(0, EXAMPLE_BODY.indexOf('--AaB03x', 10))}--AaB03x--\r\n`);
    const r = await multipart(['--parse', body, '--content-type', 'multipart/form-data; boundary=AaB03x']);
    expect(`${r.stdout.trimEnd()}`).toBe(parsed);
  });
});

it('has no golden file that no test uses', () => {
  expectNoStrayGoldens(GOLDEN, ['example.escaped', 'binary.escaped']);
});
