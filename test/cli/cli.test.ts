// The built CLI as a user runs it: output, exit statuses, messages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };

function nettutor(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nettutor (router)', () => {
  it('prints its version', () => {
    const r = nettutor(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('prints help naming every subcommand and option', () => {
    const r = nettutor(['--help']);
    expect(r.code).toBe(0);
    for (const word of [
      'sim',
      'lessons check',
      'lessons list',
      'lessons new',
      'progress --export',
      '--reset',
      '--lang',
      '--ascii-only',
      '--no-color',
      '--lessons',
      '--progress',
      '--lesson',
    ]) {
      expect(r.stdout).toContain(word);
    }
  });

  it('prints the help in Chinese with --lang zh-CN or a Chinese LANG, in English with --ascii-only or --lang en', () => {
    const zh = nettutor(['--help', '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法：');
    for (const word of ['lessons check', 'progress --export', '--reset', '--lang', '--ascii-only', '--lesson'])
      expect(zh.stdout).toContain(word);
    expect(nettutor(['help'], { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' }).stdout).toContain('用法：');
    expect(nettutor(['--help', '--ascii-only'], { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' }).stdout).toContain(
      'Usage:',
    );
    expect(nettutor(['--help', '--lang', 'en'], { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' }).stdout).toContain(
      'Usage:',
    );
  });

  it('rejects an unknown option with one line, a hint and status 2', () => {
    const r = nettutor(['--colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("nettutor: unknown option '--colour'; try 'nettutor --help'\n");
    expect(nettutor(['--lnag', 'en']).stderr).toBe(
      `nettutor: unknown option '--lnag' (did you mean "--lang"?); try 'nettutor --help'\n`,
    );
  });

  it('reports every usage mistake as exactly one line on stderr, with a hint, and status 2', () => {
    const mistakes = [
      ['--lang'],
      ['--lang', 'fr'],
      ['simulate'],
      ['--ascii-only', 'sim'],
      ['--lessons', '/no/such/folder'],
      ['sim'],
      ['sim', 'handshak'],
      ['sim', 'handshake', '--width', '30'],
      ['sim', 'handshake', '--format', 'xml'],
      ['sim', '--long'],
      ['lessons'],
      ['lessons', 'list', 'extra'],
      ['progress', '--export', '--reset'],
      ['progress', '--reset', '--progress', '/tmp/nettutor-no-such-dir/p.json'],
    ];
    for (const args of mistakes) {
      const r = nettutor(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(/^nettutor: [^\n]+; (try|add|give) [^\n]+\n$/);
      expect(r.stdout).toBe('');
    }
  });

  it('rejects a missing option value', () => {
    const r = nettutor(['--lang']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang needs a value');
  });

  it('names the option in every kind of argument mistake, for the tutorial and for subcommands', () => {
    expect(nettutor(['--ascii-only=yes'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--ascii-only does not take a value'),
    });
    expect(nettutor(['lessons', 'list', '--jsn'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`unknown option '--jsn' (did you mean "--json"?)`),
    });
    expect(nettutor(['sim', 'handshake', '--width'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--width needs a value'),
    });
  });

  it('rejects a language it does not have', () => {
    const r = nettutor(['--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang fr is not available (languages: en, zh-CN)');
  });

  it('says what is wrong with --lessons and --progress paths before starting', () => {
    expect(nettutor(['--lessons', '/no/such/folder'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--lessons /no/such/folder: the folder does not exist'),
    });
    expect(nettutor(['--progress', '/tmp'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--progress /tmp is a folder'),
    });
  });

  it('knows no command named like what every object inherits', () => {
    for (const args of [['http', 'constructor'], ['http', 'toString'], ['http', '__proto__'], ['constructor']]) {
      const r = nettutor(args);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(r.stderr).toMatch(
        new RegExp(`^nettutor: unknown (http )?command '${args.at(-1)}' [^\\n]+; try [^\\n]+\\n$`),
      );
    }
  });

  it('rejects an unknown command, and says where a subcommand goes', () => {
    expect(nettutor(['simulate']).stderr).toContain("unknown command 'simulate'");
    const late = nettutor(['--ascii-only', 'sim']);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain("'sim' must come first");
  });

  it('names src/ lines in the stack trace of an unexpected error under NETTUTOR_DEBUG, and only then maps them', () => {
    // An internal error: writing the version fails. The message says whether source maps were on.
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-debug-'));
    const failWrites = join(dir, 'fail-writes.mjs');
    writeFileSync(
      failWrites,
      "process.stdout.write = () => { throw new Error('write failed, source maps ' + (process.sourceMapsEnabled ? 'on' : 'off')); };\n",
    );
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', pathToFileURL(failWrites).href, bin, '--version'], {
        encoding: 'utf8',
        env: { ...process.env, CI: '', NETTUTOR_DEBUG: '', ...env },
      });
    const debug = run({ NETTUTOR_DEBUG: '1' });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toContain('nettutor: unexpected error: write failed, source maps on');
    expect(debug.stderr).toMatch(/^ {4}at .*\bsrc[/\\]cli\.ts:\d+:\d+\)?$/m);
    expect(debug.stderr).not.toMatch(/dist[/\\]cli\.js/);
    const plain = run({});
    expect(plain.status).toBe(1);
    expect(plain.stderr).toBe('nettutor: unexpected error: write failed, source maps off\n');
  });

  it('explains that the tutorial needs a terminal when stdin/stdout are not TTYs', () => {
    const r = nettutor([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs an interactive terminal');
    expect(r.stderr).toContain('nettutor sim');
    expect(r.stderr).not.toContain('    at ');
  });
});
