// `nettutor serve` as the built binary: its command line, its host key, what
// it prints, colours and frames when started under CI=true with stdout not a
// terminal, a clean stop on SIGTERM, and `serve --export`.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { secondLesson } from '../helpers/builtin-lessons.js';
import { MissingSsh2Error, loadSsh2 } from '../../src/serve/ssh2.js';
import { scoreRows, scoresCsv } from '../../src/serve/state.js';
import { KEY, Learner, PASSPHRASE, tempDir } from '../helpers/ssh.js';
import { writeFileSync } from 'node:fs';
import { loadLessons } from '../../src/node/lesson-files.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const children: ChildProcess[] = [];
const learners: Learner[] = [];
afterEach(() => {
  for (const l of learners.splice(0)) l.end();
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 10000,
  });
}

interface Running {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: string | null; at: number }>;
}

/** Starts `nettutor serve` with stdout and stderr as pipes (not a terminal), and waits for its address. */
async function serve(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((r) =>
    child.on('exit', (code, signal) => r({ code, signal, at: Date.now() })),
  );
  await vi.waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`serve exited: ${err}`);
      if (!/Listening on 127\.0\.0\.1:\d+/.test(out)) throw new Error(`not listening yet:\n${out}\n${err}`);
    },
    { timeout: 8000, interval: 20 },
  );
  const port = Number(/Listening on 127\.0\.0\.1:(\d+)/.exec(out)![1]);
  return { child, port, stdout: () => out, stderr: () => err, exited };
}

async function learner(port: number, options: ConstructorParameters<typeof Learner>[1] = {}) {
  const l = await Learner.open(port, options);
  learners.push(l);
  return l;
}

describe('the serve command line', () => {
  it('has its own --help', () => {
    const r = cli(['serve', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--max-learners <n>');
    expect(r.stdout).toContain('--passphrase-file');
    expect(r.stdout).toMatch(
      /--workers <n> +threads that draw learners' screens \(default: one per CPU core,\n +here \d+\)/,
    );
  });

  it.each([
    [['--port', 'x'], /^nettutor: --port x: expected a whole number from 0 to 65535; try 'nettutor serve --help'\n$/],
    [['--auth', 'nope'], /--auth nope: expected passphrase, keys or open/],
    [['--idle', 'soon'], /--idle soon: expected a time such as 90s/],
    [['--dashboard'], /--dashboard needs a terminal/],
    [['--format', 'json'], /--format goes with --export/],
    [['--prot', '1'], /unknown option '--prot' \(did you mean "--port"\?\)/],
    [['--workers', 'two'], /--workers two: expected a whole number from 0 to 64/],
    [
      ['--auth', 'keys', '--authorized-keys', '/nonexistent/keys'],
      /--authorized-keys \/nonexistent\/keys: no such file/,
    ],
  ])('a usage mistake (%j) is one line on stderr and exit status 2', (args, message) => {
    const r = cli(['serve', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says how to install ssh2 when it is missing', async () => {
    const missing = Object.assign(new Error("Cannot find package 'ssh2'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadSsh2(() => Promise.reject(missing))).rejects.toBeInstanceOf(MissingSsh2Error);
    await expect(loadSsh2(() => Promise.reject(missing))).rejects.toThrow(/npm install nettutor ssh2/);
  });
});

describe('nettutor serve, running', () => {
  it('creates its host key once, owner-only, and keeps it (same fingerprint after a restart)', async () => {
    const state = tempDir('state');
    const first = await serve(['--state-dir', state]);
    const key = join(state, 'ssh_host_ed25519_key');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const fingerprint = /Host key (SHA256:\S+) \(new\)/.exec(first.stdout())?.[1];
    expect(fingerprint).toBeDefined();
    const passphrase = /Workshop passphrase: +(\S+)/.exec(first.stdout())?.[1];
    expect(passphrase).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);

    const second = await serve(['--state-dir', state]);
    expect(second.stdout()).toContain(`Host key ${fingerprint}:`);
    expect(second.stdout()).toContain(`Workshop passphrase:    ${passphrase}`);
    second.child.kill('SIGTERM');
    await second.exited;

    chmodSync(key, 0o644);
    const loose = cli(['serve', '--port', '0', '--state-dir', state]);
    expect(loose.status).toBe(1);
    expect(loose.stderr).toMatch(/can be read by other users .*chmod 600/);
  });

  it('sends frames and colours to learners when started with CI=true, NO_COLOR and stdout not a terminal', async () => {
    const state = tempDir('state');
    const secret = join(state, '..', `pass-${Date.now()}`);
    writeFileSync(secret, `${PASSPHRASE}\n`);
    const s = await serve(['--state-dir', state, '--passphrase-file', secret], { CI: 'true', NO_COLOR: '1' });
    const coloured = await learner(s.port);
    await coloured.waitFor('Enter open');
    expect(coloured.raw).toMatch(/\u001b\[3[1-7]m/);
    await coloured.press(KEY.down);
    await coloured.waitFor(secondLesson.title);
    // Colour is decided per learner: this one's ssh sent NO_COLOR, and one asked for 7-bit output.
    const plain = await learner(s.port, { username: 'plain', env: { NO_COLOR: '1' } });
    await plain.waitFor('Enter open');
    expect(plain.raw).not.toMatch(/\u001b\[(3[0-7]|9[0-7])m/);
    const ascii = await learner(s.port, { username: 'ascii', env: { NETTUTOR_ASCII: '1' } });
    await ascii.waitFor('Enter open');
    expect(ascii.raw).not.toMatch(/[^\u0000-\u007f]/);
    expect(s.stdout()).toMatch(/start ip=127\.0\.0\.1 learner=plain/);
  });

  it.each([
    ['2', "Learners' screens are drawn by 2 render threads (--workers)."],
    ['0', "Learners' screens are drawn in the server's own thread (--workers 0)."],
  ])(
    'with --workers %s, on SIGTERM tells every learner, saves their progress and exits 0 within 5 s',
    async (workers, says) => {
      const state = tempDir('state');
      const secret = join(state, '..', `pass-${Date.now()}`);
      writeFileSync(secret, `${PASSPHRASE}\n`);
      const s = await serve(['--state-dir', state, '--passphrase-file', secret, '--workers', workers]);
      expect(s.stdout()).toContain(says);
      const a = await learner(s.port, { username: 'ann' });
      const b = await learner(s.port, { username: 'ben' });
      await a.waitFor('Enter open');
      await b.waitFor('Enter open');
      await a.press(KEY.down, KEY.enter);
      await a.waitFor('page 1/');
      await a.press('n');
      await a.waitFor('page 2/');
      const sent = Date.now();
      s.child.kill('SIGTERM');
      const { code, at } = await s.exited;
      expect(code).toBe(0);
      expect(at - sent).toBeLessThan(5000);
      for (const l of [a, b]) {
        await l.waitClosed();
        expect(await l.screen()).toMatch(/workshop server is stopping/);
      }
      const folders = readdirSync(join(state, 'learners'));
      const ann = folders.find((f) => f.startsWith('passphrase-ann-'))!;
      const progress = JSON.parse(readFileSync(join(state, 'learners', ann, 'progress.json'), 'utf8'));
      expect(progress.lessons[secondLesson.id].seen).toHaveLength(2);
    },
  );
});

describe('nettutor serve --export', () => {
  it('prints everyone’s scores as CSV or JSON', async () => {
    const state = tempDir('state');
    const secret = join(state, '..', `pass-${Date.now()}`);
    writeFileSync(secret, `${PASSPHRASE}\n`);
    const s = await serve(['--state-dir', state, '--passphrase-file', secret]);
    for (const name of ['zed', '=HYPERLINK("x")']) {
      const l = await learner(s.port, { username: name });
      await l.waitFor('Enter open');
      await l.press(KEY.down, KEY.enter);
      await l.waitFor('page 1/');
      await l.press('q');
      await l.waitClosed();
    }
    s.child.kill('SIGTERM');
    await s.exited;
    const csv = cli(['serve', '--export', '--state-dir', state]);
    expect(csv.status).toBe(0);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('nickname,login,learner,lesson,title,status,score,solved,of,lastSeen');
    expect(
      lines.some((l) => new RegExp(`^zed,passphrase,passphrase-zed-[0-9a-f]{16},${secondLesson.id},`).test(l)),
    ).toBe(true);
    // A nickname a spreadsheet would run as a formula is written as text.
    expect(lines.some((l) => l.startsWith(`"'=HYPERLINK(""x"")"`))).toBe(true);
    const json = JSON.parse(cli(['serve', '--export', '--format', 'json', '--state-dir', state]).stdout);
    const zed = json.rows.find(
      (r: { nickname: string; lesson: string }) => r.nickname === 'zed' && r.lesson === secondLesson.id,
    );
    expect(zed).toMatchObject({ status: 'in-progress', login: 'passphrase' });
  });

  it('writes a header only when nobody has come yet', () => {
    const empty = tempDir('state');
    const r = cli(['serve', '--export', '--state-dir', empty]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/no learners/);
    expect(scoresCsv(scoreRows([], loadLessons({ builtinDir: 'lessons' }).lessons))).toBe(`${r.stdout}`);
    expect(existsSync(join(empty, 'learners'))).toBe(false);
  });
});
