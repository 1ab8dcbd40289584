// A workshop server in this process, on loopback, and learners driving it
// with ssh2's own Client: a pty of a given size, keys, window changes, and the
// screen read through a terminal emulator (@xterm/headless), as a learner's
// terminal would show it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xterm from '@xterm/headless';
import * as ssh2 from 'ssh2';
import { afterEach, vi } from 'vitest';
import { loadLessons } from '../../src/node/lesson-files.js';
import type { AuthConfig } from '../../src/serve/auth.js';
import { readableKeyPair } from '../../src/serve/host-key.js';
import { type ServeConfig, type ServeDeps, WorkshopServer } from '../../src/serve/server.js';
import type { Ssh2Module } from '../../src/serve/ssh2.js';
import { renderApp } from '../../src/ui/render-app.js';

export const ssh2Module = ssh2 as unknown as Ssh2Module;

/** One host key for every server of a test file (generating one takes a moment). */
export const HOST_KEY = readableKeyPair(ssh2Module).private;

export const PASSPHRASE = 'correct horse';

const builtin = loadLessons({ builtinDir: 'lessons' }).lessons;

export const tempDir = (name = 'serve') => mkdtempSync(join(tmpdir(), `nettutor-${name}-`));

/**
 * The servers and learners a test file starts: `server` and `learner` start and keep them (the lists keep those
 * started another way); after each test every learner is ended and every server stopped.
 */
export function workshopFixtures() {
  const servers: WorkshopServer[] = [];
  const learners: Learner[] = [];
  afterEach(async () => {
    for (const l of learners.splice(0)) l.end();
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });
  const track = (l: Learner) => {
    learners.push(l);
    return l;
  };
  return {
    servers,
    learners,
    track,
    server: async (...args: Parameters<typeof startServer>) => {
      const s = await startServer(...args);
      servers.push(s);
      return s;
    },
    learner: async (port: number, options: LearnerOptions = {}) => track(await Learner.open(port, options)),
  };
}

/** What a render thread starts from: the built dist/cli.js (the tests' global setup builds it). */
export const RENDER_THREAD_ENTRY = new URL('../../dist/cli.js', import.meta.url).href;

export async function startServer(
  config: Partial<ServeConfig> & { auth?: AuthConfig } = {},
  deps: Partial<Omit<ServeDeps, 'renderThreads'>> & {
    renderThreads?: Partial<NonNullable<ServeDeps['renderThreads']>>;
  } = {},
): Promise<WorkshopServer & { port: number; logs: string[] }> {
  const server = new WorkshopServer(
    {
      host: '127.0.0.1',
      port: 0,
      auth: { mode: 'passphrase', passphrase: PASSPHRASE },
      maxLearners: 60,
      idleMs: 0,
      maxSessionMs: 0,
      hostKey: HOST_KEY,
      stateDir: tempDir('state'),
      lessons: builtin,
      notices: [],
      ...config,
      limits: { failDelayMs: 0, closeGraceMs: 300, shutdownGraceMs: 1000, ...config.limits },
    },
    {
      ssh2: ssh2Module,
      render: renderApp,
      ...deps,
      renderThreads: { entry: RENDER_THREAD_ENTRY, ...deps.renderThreads },
    },
  );
  const logs: string[] = [];
  server.on('log', (e: { event: string; fields: Record<string, unknown> }) =>
    logs.push(`${e.event} ${JSON.stringify(e.fields)}`),
  );
  const { port } = await server.listen();
  return Object.assign(server, { port, logs });
}

export interface LearnerOptions {
  username?: string;
  password?: string;
  /** Tried with keyboard-interactive instead of a password. */
  keyboard?: string;
  privateKey?: string | Buffer;
  authHandler?: ssh2.ConnectConfig['authHandler'];
  cols?: number;
  rows?: number;
  term?: string;
  env?: Record<string, string>;
  /** false: ask for a shell without a pty. */
  pty?: boolean;
}

/** A learner's ssh: connected, logged in, a shell open; what it shows, in an emulated terminal. */
export class Learner {
  readonly client = new ssh2.Client();
  channel!: ssh2.ClientChannel;
  term: InstanceType<typeof xterm.Terminal>;
  /** Everything received, raw. */
  raw = '';
  stderr = '';
  exitCode: number | undefined;
  closed = false;
  private cols: number;
  private rows: number;

  constructor(
    readonly port: number,
    readonly options: LearnerOptions = {},
  ) {
    this.cols = options.cols ?? 80;
    this.rows = options.rows ?? 24;
    this.term = new xterm.Terminal({ cols: this.cols, rows: this.rows, allowProposedApi: true });
  }

  /** Connects and logs in (rejects with the client's error). */
  connect(): Promise<this> {
    const o = this.options;
    return new Promise((resolve, reject) => {
      this.client.once('ready', () => resolve(this));
      this.client.once('error', reject);
      this.client.on('error', () => {});
      this.client.once('close', () => reject(new Error('the server closed the connection')));
      this.client.connect({
        host: '127.0.0.1',
        port: this.port,
        username: o.username ?? 'alice',
        ...(o.password !== undefined ? { password: o.password } : {}),
        ...(o.keyboard !== undefined ? { tryKeyboard: true } : {}),
        ...(o.privateKey !== undefined ? { privateKey: o.privateKey } : {}),
        ...(o.authHandler ? { authHandler: o.authHandler } : {}),
        readyTimeout: 5000,
        hostVerifier: () => true,
      });
      if (o.keyboard !== undefined) {
        this.client.on('keyboard-interactive', (_n, _i, _l, prompts, finish) => finish(prompts.map(() => o.keyboard!)));
      }
    });
  }

  /** Opens the shell (with a pty unless pty: false). */
  shell(): Promise<this> {
    const o = this.options;
    return new Promise((resolve, reject) => {
      const done = (error: Error | undefined, channel: ssh2.ClientChannel) => {
        if (error) return reject(error);
        this.channel = channel;
        channel.on('data', (d: Buffer) => {
          this.raw += d.toString('utf8');
          this.term.write(d);
        });
        channel.stderr.on('data', (d: Buffer) => {
          this.stderr += d.toString('utf8');
        });
        channel.on('exit', (code: number) => {
          this.exitCode = code;
        });
        channel.on('close', () => {
          this.closed = true;
        });
        resolve(this);
      };
      const env = o.env ? { env: o.env } : {};
      if (o.pty === false) this.client.shell(false, env, done);
      else this.client.shell({ cols: this.cols, rows: this.rows, term: o.term ?? 'xterm-256color' }, env, done);
    });
  }

  static async open(port: number, options: LearnerOptions = {}): Promise<Learner> {
    const l = new Learner(port, { password: PASSPHRASE, ...options });
    await l.connect();
    return l.shell();
  }

  /** The screen, row by row, as the terminal shows it now. */
  async screen(): Promise<string> {
    await new Promise<void>((r) => this.term.write('', r));
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    for (let i = 0; i < this.rows; i++) rows.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
    return rows.join('\n');
  }

  async waitFor(text: string | RegExp, timeout = 5000): Promise<string> {
    let last = '';
    await vi.waitFor(
      async () => {
        last = await this.screen();
        if (typeof text === 'string' ? !last.includes(text) : !text.test(last)) {
          throw new Error(`the screen never showed ${String(text)}:\n${last}`);
        }
      },
      { timeout, interval: 20 },
    );
    return last;
  }

  /** Waits until the raw output received after `from` contains `text`. */
  async waitForRaw(text: string, from = 0, timeout = 5000): Promise<void> {
    await vi.waitFor(
      () => {
        if (!this.raw.slice(from).includes(text)) throw new Error(`never received ${JSON.stringify(text)}`);
      },
      { timeout, interval: 20 },
    );
  }

  /** Sends keys, one write each, with a pause between so each is its own read. */
  async press(...keys: string[]): Promise<void> {
    for (const k of keys) {
      this.channel.write(k);
      await new Promise((r) => setTimeout(r, 30));
    }
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    this.term.resize(cols, rows);
    this.channel.setWindow(rows, cols, 0, 0);
  }

  async waitClosed(timeout = 5000): Promise<void> {
    await vi.waitFor(
      () => {
        if (!this.closed) throw new Error('the channel is still open');
      },
      { timeout, interval: 20 },
    );
  }

  end(): void {
    this.client.end();
  }
}

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', right: '\u001b[C', ctrlC: '\u0003', esc: '\u001b' };
