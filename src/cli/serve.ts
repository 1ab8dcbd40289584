// `nettutor serve`: the workshop server (src/serve/), and `serve --export`.
// Options are checked here, before anything is loaded; ssh2 and the UI are
// loaded only to serve, so `serve --help` and `serve --export` work without
// ssh2 installed.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type BuiltinLessonsEnv, formatProblem, loadInstalledLessons } from '../node/builtin-lessons.js';
import type { ServeEnv } from '../serve/start.js';
import { defaultProgressPath } from '../node/data-dir.js';
import { parseDuration } from '../serve/duration.js';
import { type CliIO, EXIT, UsageError, parseCommandArgs } from './io.js';

/** Render threads by default: one per core the process may use. */
const DEFAULT_WORKERS = Math.max(1, availableParallelism());

const SERVE_USAGE = `Usage:
  nettutor serve [options]           serve the tutorial to a workshop over SSH: learners run
                                     ssh -p 2222 <nickname>@<this host>, with nothing to install
  nettutor serve --export [--format csv|json]
                                     print every learner's score in every lesson, then exit

Options:
  --host <address>           address to listen on (default 127.0.0.1: this machine only;
                             0.0.0.0 lets the room in)
  --port <n>                 port (default 2222)
  --auth <how>               passphrase (default): one workshop passphrase for everyone,
                               the SSH username is the nickname;
                             keys: the keys in --authorized-keys (the key's comment is the nickname);
                             open: anyone, asked for a nickname (only on a network you trust)
  --passphrase-file <file>   the workshop passphrase (first line); default: one is generated,
                             kept in <state-dir>/passphrase and printed at start
  --authorized-keys <file>   (keys) the public keys that may log in
                             (default <state-dir>/authorized_keys)
  --instructor-secret-file <file>
                             lets the instructor log in as ssh -p 2222 instructor@<host>
                             with this secret (first line) to see the instructor view
  --max-learners <n>         learners at once (default 60)
  --idle <time>              end a learner's session after this long without a key
                             (default 30m; e.g. 90s, 45m, 2h; 0 = never)
  --max-session <time>       longest session (default 4h; 0 = no limit)
  --host-key <file>          the server's SSH host key (default <state-dir>/ssh_host_ed25519_key;
                             generated the first time, owner-only)
  --state-dir <dir>          where learners' progress is kept (default
                             $XDG_DATA_HOME/nettutor/workshop, ~/.local/share/nettutor/workshop)
  --lessons <dir>            also serve the lessons in <dir>
  --workers <n>              threads that draw learners' screens (default: one per CPU core,
                             here ${DEFAULT_WORKERS}); 0 draws them in the server's own thread
  --dashboard                show the instructor view in this terminal instead of a log
  --export                   print everyone's scores (see --format) and exit
  --format <csv|json>        (export) default csv
  -h, --help                 show this help

ssh2 is needed to serve (not to export): npm install nettutor ssh2, or
npx -p nettutor -p ssh2 nettutor serve. Stop the server with Ctrl+C or SIGTERM:
learners see a notice and their progress is saved.
`;

const HINT = "try 'nettutor serve --help'";

const SERVE_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  host: { type: 'string' },
  port: { type: 'string' },
  auth: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'authorized-keys': { type: 'string' },
  'instructor-secret-file': { type: 'string' },
  'max-learners': { type: 'string' },
  idle: { type: 'string' },
  'max-session': { type: 'string' },
  'host-key': { type: 'string' },
  'state-dir': { type: 'string' },
  lessons: { type: 'string' },
  workers: { type: 'string' },
  dashboard: { type: 'boolean' },
  export: { type: 'boolean' },
  format: { type: 'string' },
} as const;

export interface ServeOptions {
  host: string;
  port: number;
  auth: 'passphrase' | 'open' | 'keys';
  passphraseFile?: string;
  authorizedKeys?: string;
  instructorSecretFile?: string;
  maxLearners: number;
  idleMs: number;
  maxSessionMs: number;
  hostKey: string;
  stateDir: string;
  lessons?: string;
  /** Render threads; 0: learners' apps run in the server's own thread. */
  workers: number;
  dashboard: boolean;
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} ${value}: expected a whole number from ${min} to ${max}`, HINT);
  }
  return Number(value);
}

function duration(name: string, value: string | undefined, fallback: string): number {
  const ms = parseDuration(value ?? fallback);
  if (ms === undefined)
    throw new UsageError(`--${name} ${value}: expected a time such as 90s, 30m or 4h (0 = off)`, HINT);
  return ms;
}

function file(name: string, value: string | undefined, cwd: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`--${name} needs a value`, HINT);
  const path = resolve(cwd, value);
  if (!existsSync(path)) throw new UsageError(`--${name} ${value}: no such file`, HINT);
  if (statSync(path).isDirectory()) throw new UsageError(`--${name} ${value}: expected a file, found a folder`, HINT);
  return path;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export async function runServe(args: string[], io: CliIO, env: ServeEnv): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, SERVE_OPTIONS, HINT);
  if (values.help) {
    io.stdout.write(SERVE_USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`, HINT);
  const stateDir = values['state-dir']
    ? resolve(io.cwd, values['state-dir'])
    : join(dirname(defaultProgressPath(io.env, process.platform, homedir())), 'workshop');
  if (existsSync(stateDir) && !statSync(stateDir).isDirectory()) {
    throw new UsageError(`--state-dir ${values['state-dir']}: expected a folder, found a file`, HINT);
  }
  if (values.lessons !== undefined) {
    const dir = resolve(io.cwd, values.lessons);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new UsageError(`--lessons ${values.lessons}: the folder does not exist`, HINT);
    }
  }
  if (values.format !== undefined && !values.export) throw new UsageError('--format goes with --export', HINT);

  if (values.export) {
    const others = Object.keys(values).filter((k) => !['export', 'format', 'state-dir', 'lessons'].includes(k));
    if (others.length > 0) throw new UsageError(`--export cannot be used with --${others[0]}`, HINT);
    const format = values.format ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new UsageError(`--format ${format}: expected csv or json`, HINT);
    return exportScores(io, env, stateDir, format, values.lessons ? resolve(io.cwd, values.lessons) : undefined);
  }

  const auth = values.auth ?? 'passphrase';
  if (auth !== 'passphrase' && auth !== 'open' && auth !== 'keys') {
    throw new UsageError(`--auth ${auth}: expected passphrase, keys or open`, HINT);
  }
  if (values['passphrase-file'] !== undefined && auth !== 'passphrase') {
    throw new UsageError('--passphrase-file goes with --auth passphrase', HINT);
  }
  if (values['authorized-keys'] !== undefined && auth !== 'keys') {
    throw new UsageError('--authorized-keys goes with --auth keys', HINT);
  }
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host needs a value', HINT);
  const options: ServeOptions = {
    host,
    port: integer('port', values.port, 2222, 0, 65535),
    auth,
    passphraseFile: file('passphrase-file', values['passphrase-file'], io.cwd),
    authorizedKeys:
      file('authorized-keys', values['authorized-keys'], io.cwd) ??
      (auth === 'keys' ? join(stateDir, 'authorized_keys') : undefined),
    instructorSecretFile: file('instructor-secret-file', values['instructor-secret-file'], io.cwd),
    maxLearners: integer('max-learners', values['max-learners'], 60, 1, 10000),
    idleMs: duration('idle', values.idle, '30m'),
    maxSessionMs: duration('max-session', values['max-session'], '4h'),
    hostKey: values['host-key'] ? resolve(io.cwd, values['host-key']) : join(stateDir, 'ssh_host_ed25519_key'),
    stateDir,
    lessons: values.lessons ? resolve(io.cwd, values.lessons) : undefined,
    workers: integer('workers', values.workers, DEFAULT_WORKERS, 0, 64),
    dashboard: values.dashboard ?? false,
  };
  if (auth === 'keys' && !existsSync(options.authorizedKeys!)) {
    throw new UsageError(
      `--auth keys: no authorized-keys file at ${options.authorizedKeys} (one public key per line)`,
      'give one with --authorized-keys <file>',
    );
  }
  if (options.dashboard && (!io.stdin.isTTY || !io.stdout.isTTY)) {
    throw new UsageError('--dashboard needs a terminal (stdin and stdout)', 'leave it out to log to stdout');
  }
  const { startServe } = await import('../serve/start.js');
  return startServe(options, io, env);
}

/** The first line of a secret file; empty is an error. */
export function readSecret(path: string, what: string): string {
  const secret = (readFileSync(path, 'utf8').split(/\r?\n/)[0] ?? '').trim();
  if (secret === '') throw new UsageError(`${what} ${path} is empty: write the secret on its first line`, HINT);
  return secret;
}

/** A passphrase people can read out and type: three groups of four letters and digits (no 0/o, 1/l). */
export function generatePassphrase(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]!);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}

/** The passphrase kept in the state folder (generated the first time), so a restart keeps it. */
export function keptPassphrase(stateDir: string): { passphrase: string; file: string; created: boolean } {
  const path = join(stateDir, 'passphrase');
  if (existsSync(path)) return { passphrase: readSecret(path, 'the passphrase file'), file: path, created: false };
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const passphrase = generatePassphrase();
  writeFileSync(path, `${passphrase}\n`, { mode: 0o600, flag: 'wx' });
  return { passphrase, file: path, created: true };
}

async function exportScores(
  io: CliIO,
  env: BuiltinLessonsEnv,
  stateDir: string,
  format: 'csv' | 'json',
  extraDir: string | undefined,
): Promise<number> {
  const { LearnerStore, scoreRows, scoresCsv, scoresJson } = await import('../serve/state.js');
  const loaded = await loadInstalledLessons(env, extraDir);
  for (const p of loaded.problems) io.stderr.write(`nettutor: skipped: ${formatProblem(p, io.cwd)}\n`);
  const learners = new LearnerStore(stateDir).list();
  if (learners.length === 0) io.stderr.write(`nettutor: no learners in ${stateDir} yet\n`);
  const rows = scoreRows(learners, loaded.lessons);
  io.stdout.write(format === 'csv' ? scoresCsv(rows) : scoresJson(rows, new Date().toISOString()));
  return EXIT.ok;
}
