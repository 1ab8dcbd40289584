// The commands that draw (sim, http versions, http gateway) read --width, --ascii-only and --lang the same way:
// checked before anything is printed, whatever the format, so a mistake is the same one-line usage error (exit 2)
// with JSON as with text (the http CLI spec's common rules). JSON itself is the same in every language.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { type CliIO, UsageError, usageLine } from '../../src/cli/io.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));

async function nettutor(args: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s) },
    stdin: { isTTY: false },
    env: { LANG: 'zh_CN.UTF-8' },
    cwd: '.',
  };
  try {
    const code = await run(args, io);
    return { code, stdout: out, stderr: err };
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout: out, stderr: `${usageLine(error)}\n` };
    throw error;
  }
}

/** Each drawing command with each of its formats (none: its default), and the help its mistakes point to. */
const DRAWING: Array<{ args: string[]; formats: string[]; help: string }> = [
  { args: ['sim', 'handshake'], formats: ['ascii', 'text', 'json'], help: 'sim' },
  { args: ['sim', '--list'], formats: [], help: 'sim' },
  { args: ['sim', '--list', '--long'], formats: [], help: 'sim' },
  { args: ['http', 'versions'], formats: ['ascii', 'json'], help: 'http versions' },
  { args: ['http', 'gateway', '--upstream', 'ok'], formats: ['text', 'json'], help: 'http gateway' },
];
const CASES = DRAWING.flatMap(({ args, formats, help }) =>
  [undefined, ...formats].map((format) => {
    const all = format ? [...args, '--format', format] : args;
    return { name: all.join(' '), args: all, help };
  }),
);

describe('the output options of sim, http versions and http gateway', () => {
  it.each(CASES)('$name: a --lang nettutor does not speak is a usage error, whatever the format', async (c) => {
    expect(await nettutor([...c.args, '--lang', 'fr'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `nettutor: --lang fr is not available (languages: en, zh-CN); try 'nettutor ${c.help} --help'\n`,
    });
  });

  it.each(CASES)('$name: a --width out of range is a usage error, whatever the format', async (c) => {
    const r = await nettutor([...c.args, '--width', '3']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(
      new RegExp(
        `^nettutor: --width 3 is out of range: the \\w+ needs \\d+ to \\d+ columns; try 'nettutor ${c.help} --help'\\n$`,
      ),
    );
  });

  it.each(CASES.filter((c) => c.args.includes('json')))('$name: the JSON is the same in every language', async (c) => {
    const en = await nettutor(c.args);
    expect(en).toMatchObject({ code: 0, stderr: '' });
    for (const lang of ['en', 'zh-CN', 'zh', 'zh_CN']) expect(await nettutor([...c.args, '--lang', lang])).toEqual(en);
  });

  it('--lang is for the commands that write sentences: forward and multipart print bytes and JSON, and refuse it', async () => {
    for (const args of [
      ['http', 'forward', '--format', 'json'],
      ['http', 'multipart', '--field', 'a=b', '--format', 'json'],
    ]) {
      for (const lang of ['fr', 'zh-CN']) {
        const r = await nettutor([...args, '--lang', lang]);
        expect(r).toMatchObject({ code: 2, stdout: '' });
        expect(r.stderr).toBe(`nettutor: unknown option '--lang'; try 'nettutor http ${args[1]} --help'\n`);
      }
    }
  });

  it('the built command exits 2 for `http versions --format json --lang fr`, printing nothing on stdout', () => {
    const r = spawnSync(process.execPath, [bin, 'http', 'versions', '--format', 'json', '--lang', 'fr'], {
      encoding: 'utf8',
    });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr: "nettutor: --lang fr is not available (languages: en, zh-CN); try 'nettutor http versions --help'\n",
    });
  });
});
