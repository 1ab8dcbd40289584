// Starts the workshop server for `nettutor serve`: the process's settings for
// serving (colour, CI), ssh2 and the UI loaded, lessons, secrets and host key
// read, the server listening, what the instructor needs printed, and a clean
// stop on SIGTERM, SIGINT or SIGHUP (every learner told, progress saved, exit
// 0 within 5 s).
import type { LocalText } from '../core/i18n/localize.js';
import { english, noticeText } from '../node/notices.js';
import { readFileSync } from 'node:fs';
import { type CliIO, EXIT, UsageError } from '../cli/io.js';
import { type ServeOptions, isLoopback, keptPassphrase, readSecret } from '../cli/serve.js';
import { type BuiltinLessonsEnv, formatProblem, loadInstalledLessons } from '../node/builtin-lessons.js';
import { type AuthConfig, parseAuthorizedKeys } from './auth.js';
import { formatDuration } from './duration.js';
import { HostKeyError, loadOrCreateHostKey } from './host-key.js';
import { MissingSsh2Error, type Ssh2Module, loadSsh2 } from './ssh2.js';
import { type LogEntry, WorkshopServer, formatLog, isolateFailures } from './server.js';

/**
 * Before Ink and chalk load: colours are decided per learner (the theme), so
 * chalk must be able to colour whatever the server's own stdout is (a pipe, a
 * journal: level 0); and Ink must draw every frame even if the server was
 * started with CI set.
 */
export function prepareProcessForServing(env: NodeJS.ProcessEnv = process.env): void {
  env.FORCE_COLOR = '1';
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  env.NODE_ENV = 'production';
}

export async function startServe(options: ServeOptions, io: CliIO, env: BuiltinLessonsEnv): Promise<number> {
  let ssh2: Ssh2Module;
  try {
    ssh2 = await loadSsh2();
  } catch (error) {
    if (error instanceof MissingSsh2Error) {
      io.stderr.write(`nettutor: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
  prepareProcessForServing();
  const ui = import('../ui/render-app.js');
  ui.catch(() => {});

  const loaded = await loadInstalledLessons(env, options.lessons);
  for (const n of loaded.notices) io.stdout.write(`nettutor: ${english(n)}\n`);
  for (const p of loaded.problems) io.stderr.write(`nettutor: skipped: ${formatProblem(p, io.cwd)}\n`);
  const notices: LocalText[] = [];
  if (loaded.problems.length > 0) {
    const files = new Set(loaded.problems.map((p) => p.file)).size;
    notices.push(noticeText('workshopLessonsSkipped', files));
  }

  const auth: AuthConfig = { mode: options.auth };
  let passphraseNote = '';
  if (options.auth === 'passphrase') {
    if (options.passphraseFile) {
      auth.passphrase = readSecret(options.passphraseFile, '--passphrase-file');
      passphraseNote = `(from ${options.passphraseFile})`;
    } else {
      const kept = keptPassphrase(options.stateDir);
      auth.passphrase = kept.passphrase;
      passphraseNote = kept.created ? `(generated; kept in ${kept.file})` : `(kept in ${kept.file})`;
    }
  }
  if (options.auth === 'keys') {
    const { keys, problems } = parseAuthorizedKeys(readFileSync(options.authorizedKeys!, 'utf8'), ssh2);
    for (const p of problems) io.stderr.write(`nettutor: ${options.authorizedKeys}:${p.line}: ${p.message}\n`);
    if (keys.length === 0) {
      throw new UsageError(`--auth keys: no usable key in ${options.authorizedKeys}`, 'one public key per line');
    }
    auth.keys = keys;
  }
  if (options.instructorSecretFile)
    auth.instructorSecret = readSecret(options.instructorSecretFile, '--instructor-secret-file');

  let hostKey: ReturnType<typeof loadOrCreateHostKey>;
  try {
    hostKey = loadOrCreateHostKey(options.hostKey, ssh2);
  } catch (error) {
    if (error instanceof HostKeyError) {
      io.stderr.write(`nettutor: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }

  const { renderApp } = await ui;
  const server = new WorkshopServer(
    {
      host: options.host,
      port: options.port,
      auth,
      maxLearners: options.maxLearners,
      idleMs: options.idleMs,
      maxSessionMs: options.maxSessionMs,
      hostKey: hostKey.privateKey,
      stateDir: options.stateDir,
      lessons: loaded.lessons,
      notices,
    },
    { ssh2, render: renderApp },
  );
  const unisolate = isolateFailures(server);
  let dashboard: { log(entry: LogEntry): void; close(): void } | undefined;
  server.on('log', (entry: LogEntry) => {
    if (dashboard) dashboard.log(entry);
    else io.stdout.write(`${formatLog(entry)}\n`);
  });

  let address: { address: string; port: number };
  try {
    address = await server.listen();
  } catch (error) {
    unisolate();
    const e = error as NodeJS.ErrnoException;
    const why =
      e.code === 'EADDRINUSE'
        ? `port ${options.port} is already in use on ${options.host}: stop what uses it, or choose another with --port`
        : e.code === 'EACCES'
          ? `not allowed to listen on port ${options.port} (ports below 1024 need privileges): choose another with --port`
          : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND'
            ? `--host ${options.host} is not an address of this machine`
            : e.message;
    io.stderr.write(`nettutor: cannot listen: ${why}\n`);
    return EXIT.failure;
  }

  const where = isLoopback(options.host) ? 'localhost' : '<this machine’s address>';
  const portArg = address.port === 22 ? '' : `-p ${address.port} `;
  const lines = [
    `nettutor workshop server ${env.version ?? ''}`.trim(),
    `Listening on ${options.host}:${address.port}${isLoopback(options.host) ? ' (this machine only: --host 0.0.0.0 lets the room in)' : ''}`,
    `Host key ${hostKey.fingerprint}${hostKey.created ? ' (new)' : ''}: learners' ssh shows it the first time; it should match.`,
    options.auth === 'open'
      ? `Learners connect with:  ssh ${portArg}${where}   (they choose a nickname)`
      : options.auth === 'keys'
        ? `Learners connect with:  ssh ${portArg}${where}   (with a key from ${options.authorizedKeys})`
        : `Learners connect with:  ssh ${portArg}<nickname>@${where}`,
    ...(auth.passphrase ? [`Workshop passphrase:    ${auth.passphrase}   ${passphraseNote}`] : []),
    auth.instructorSecret
      ? `Instructor view:        ssh ${portArg}instructor@${where}   (the instructor secret)${options.dashboard ? ', and here' : ''}`
      : options.dashboard
        ? 'Instructor view:        here'
        : 'Instructor view:        nettutor serve --dashboard, or --instructor-secret-file to log in to it',
    `Learners: at most ${options.maxLearners}; idle limit ${options.idleMs ? formatDuration(options.idleMs) : 'none'}; session limit ${options.maxSessionMs ? formatDuration(options.maxSessionMs) : 'none'}.`,
    `Progress is kept in ${options.stateDir}; \`nettutor serve --export\` prints everyone's scores.`,
    'Stop with Ctrl+C or SIGTERM: learners are told and their progress is saved.',
  ];
  const intro = lines.filter((l) => /^(Learners connect|Workshop passphrase|Host key)/.test(l));
  server.config.intro = intro;
  if (!options.dashboard) io.stdout.write(`${lines.join('\n')}\n`);
  if (!isLoopback(options.host)) {
    io.stderr.write(
      options.auth === 'open'
        ? `nettutor: WARNING: --auth open on ${options.host}: anyone who can reach port ${address.port} gets in without a password. Use it only on a network you trust, for the length of the workshop.\n`
        : `nettutor: warning: listening on ${options.host}: anyone who can reach port ${address.port} can try to log in. Open the port only to the room (firewall), and stop the server after the workshop.\n`,
    );
  }

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      // Whatever happens, the process is gone within 5 s.
      // The handlers stay: without one, Ink's exit hook would re-raise the signal and the process would die of it.
      setTimeout(() => process.exit(EXIT.ok), 4500).unref();
      server.stop().then(() => {
        dashboard?.close();
        unisolate();
        resolve(EXIT.ok);
        // Anything left open (a client slow to close) must not keep the process alive.
        setTimeout(() => process.exit(EXIT.ok), 100).unref();
      });
    };
    const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];
    for (const s of signals) process.on(s, stop);
    if (options.dashboard) {
      import('./dashboard.js').then(({ startLocalDashboard }) => {
        dashboard = startLocalDashboard(server, intro, stop);
      });
    }
  });
}
