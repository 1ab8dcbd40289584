// `nettutor serve`: one process serving the tutorial to every learner over
// SSH. The server owns the TCP listener and hands each accepted socket to
// ssh2 (injectSocket), so it can apply what ssh2 leaves to its user before any
// SSH is spoken: Nagle off, a per-address connection budget, a cap on
// connections still logging in, and a login grace time. Then, per connection:
// at most `maxAuthTries` failed tries, exactly one session, a pty shell and
// nothing else (exec, sftp, forwarding, agent and X11 are refused), the
// learner cap, and the learner's tutorial (session.ts), drawn in one of the
// server's render threads (render-pool.ts) or, with none, in this thread.
import type { LocalText } from '../core/i18n/localize.js';
import { EventEmitter } from 'node:events';
import { type AddressInfo, type Server as NetServer, type Socket, createServer } from 'node:net';
import type { Connection, ServerChannel } from 'ssh2';
import type { Lesson } from '../core/lessons/types.js';
import { emptyProgress } from '../core/progress/merge.js';
import { lessonRecord } from '../core/progress/records.js';
import { courseScore } from '../core/progress/score.js';
import { text } from '../core/i18n/localize.js';
import { type AuthConfig, type Entrant, authenticate } from './auth.js';
import { type ChannelLike, ChannelTerminal, type InputLimits } from './channel-io.js';
import { Dashboard } from './dashboard.js';
import { DEFAULT_LIMITS, type Limits, RateLimiter } from './limits.js';
import { RenderPool, type Watchdog } from './render-pool.js';
import { SessionLine, type StartedSession } from './session-line.js';
import {
  type ClientTerminal,
  type EndReason,
  type FailureOwner,
  LearnerSession,
  type LocalStart,
  type RenderApp,
  type SessionChannel,
  failureScope,
  startLocal,
} from './session.js';
import type { Ssh2Module } from './ssh2.js';
import { LearnerStore } from './state.js';
import { safeText } from './text.js';

export interface ServeConfig {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  auth: AuthConfig;
  maxLearners: number;
  /** 0 = no idle limit. */
  idleMs: number;
  /** 0 = no length limit. */
  maxSessionMs: number;
  /** The host's private key (OpenSSH format). */
  hostKey: string;
  stateDir: string;
  lessons: Lesson[];
  /** Shown to every learner on the lesson list (e.g. a lesson skipped). */
  notices: LocalText[];
  limits?: Partial<Limits>;
  input?: InputLimits;
  /** How learners connect (and the passphrase): shown at the top of the instructor's view. */
  intro?: string[];
  /** Render threads that run the learners' apps; 0 (the default): they run in this thread. */
  workers?: number;
}

export interface ServeDeps {
  ssh2: Ssh2Module;
  /** Runs a learner's app in this thread (`workers: 0`). */
  render?: RenderApp;
  /** For render threads: the module that runs one (the built dist/cli.js), and for tests a render wrapper. */
  renderThreads?: { entry: string; renderWrapper?: string; watchdog?: Watchdog };
  now?: () => number;
}

/** One line of the server's log: what happened, with fields already safe to print. */
export interface LogEntry {
  at: string;
  event: string;
  fields: Record<string, string | number | undefined>;
}

export function formatLog(entry: LogEntry): string {
  const fields = Object.entries(entry.fields)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${typeof v === 'number' ? v : /[\s"=]/.test(String(v)) ? JSON.stringify(v) : v}`);
  return [entry.at, entry.event, ...fields].join(' ');
}

/** A learner as the instructor's view shows them. */
export interface LearnerView {
  id?: string;
  nickname: string;
  login: string;
  ip: string;
  /** The lesson they were last in, its title; empty before they open one. */
  lesson: string;
  /** `page 3/12` in that lesson. */
  page: string;
  /** Graded items solved, over all lessons, and of how many. */
  solved: number;
  of: number;
  /** Mean score over all graded items, 0..1. */
  score: number;
  idleMs: number;
  connectedMs: number;
  /** Still choosing a nickname. */
  naming: boolean;
}

interface Conn {
  id: number;
  ip: string;
  socket: Socket;
  client?: Connection;
  loggingIn: boolean;
  failures: number;
  noneSeen: boolean;
  entrant?: Entrant;
  grace?: NodeJS.Timeout;
  sessions: number;
  learner?: LearnerSession;
  /** The instructor's dashboard on this connection, if that is who logged in. */
  instructor?: { end(reason: EndReason): void };
}

/** Environment variables a learner's ssh may send (`SendEnv`/`SetEnv`); any other is refused. */
const ACCEPTED_ENV = new Set([
  'LANG',
  'LC_ALL',
  'LC_MESSAGES',
  'NO_COLOR',
  'NETTUTOR_ASCII',
  'NETTUTOR_LANG',
  'INK_SCREEN_READER',
]);

export interface InstructorHooks {
  /** Starts the instructor's view on an accepted pty shell; returns how to end it. */
  open(
    channel: ServerChannel,
    terminal: ClientTerminal,
    close: () => void,
  ): { end(reason: EndReason): void; resize(cols: number, rows: number): void };
}

export class WorkshopServer extends EventEmitter implements FailureOwner {
  readonly limits: Limits;
  readonly store: LearnerStore;
  readonly learners = new Set<LearnerSession>();
  /** Counters a test (and the dashboard) can read. */
  readonly counts = { refusedRate: 0, refusedBusy: 0, graceExpired: 0, authFailures: 0, refusedFull: 0, crashes: 0 };
  private readonly net: NetServer;
  private readonly ssh: import('ssh2').Server;
  private readonly conns = new Set<Conn>();
  private readonly pending = new Map<string, Conn>();
  private readonly connectRate: RateLimiter;
  private readonly failRate: RateLimiter;
  private loggingIn = 0;
  private nextId = 1;
  private stopping: Promise<void> | undefined;
  private changeTimer: NodeJS.Timeout | undefined;
  /** The render threads (none with `workers: 0`). */
  readonly pool: RenderPool | undefined;
  /** With `workers: 0`: the apps of this thread waiting to start (a learner's key goes before another's first frame). */
  readonly line: SessionLine<StartedSession, LocalStart> | undefined;

  constructor(
    readonly config: ServeConfig,
    private readonly deps: ServeDeps,
  ) {
    super();
    this.limits = { ...DEFAULT_LIMITS, ...config.limits };
    this.store = new LearnerStore(config.stateDir);
    this.store.prepare();
    const now = deps.now ?? Date.now;
    this.connectRate = new RateLimiter(this.limits.connectBurst, this.limits.connectPerSecond, now);
    this.failRate = new RateLimiter(this.limits.failBurst, this.limits.failPerSecond, now);
    this.ssh = new deps.ssh2.Server(
      {
        hostKeys: [config.hostKey],
        ident: 'nettutor',
        banner:
          config.auth.mode === 'passphrase'
            ? 'nettutor workshop: log in with the workshop passphrase.\r\n'
            : config.auth.mode === 'keys'
              ? 'nettutor workshop: log in with your SSH key.\r\n'
              : undefined,
      },
      (client, info) => this.connected(client, info.ip, info.port),
    );
    this.net = createServer((socket) => this.accept(socket));
    this.net.on('error', (error) => this.emit('error', error));
    const workers = config.workers ?? 0;
    if (workers > 0) {
      if (!deps.renderThreads) throw new Error('render threads need the module that runs them');
      this.pool = new RenderPool({
        threads: workers,
        entry: deps.renderThreads.entry,
        renderWrapper: deps.renderThreads.renderWrapper,
        ...(deps.renderThreads.watchdog ? { watchdog: deps.renderThreads.watchdog } : {}),
        lessons: config.lessons,
        log: (event, fields) => this.log(event, fields),
      });
      this.line = undefined;
    } else {
      if (!deps.render) throw new Error('without render threads, the server needs a render function');
      this.line = new SessionLine<StartedSession, LocalStart>(startLocal);
    }
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  log(event: string, fields: Record<string, string | number | undefined> = {}): void {
    const safe: Record<string, string | number | undefined> = {};
    for (const [k, v] of Object.entries(fields)) safe[k] = typeof v === 'string' ? safeText(v, 300) : v;
    this.emit('log', { at: new Date(this.now()).toISOString(), event, fields: safe } satisfies LogEntry);
  }

  /** Learners changed (joined, left, moved on): the dashboard redraws, at most every 100 ms. */
  changed(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.emit('change');
    }, 100);
    this.changeTimer.unref();
  }

  /**
   * Starts the render threads (if any) and then listens. Rejects if a thread cannot start (RenderThreadsError)
   * or the address cannot be had; either way nothing is left running.
   */
  async listen(): Promise<AddressInfo> {
    if (this.pool) {
      try {
        await this.pool.start();
      } catch (error) {
        await this.pool.stop();
        throw new RenderThreadsError(error instanceof Error ? error.message : String(error));
      }
    }
    try {
      return await new Promise<AddressInfo>((resolve, reject) => {
        this.net.once('error', reject);
        this.net.listen(this.config.port, this.config.host, () => {
          this.net.off('error', reject);
          resolve(this.net.address() as AddressInfo);
        });
      });
    } catch (error) {
      await this.pool?.stop();
      throw error;
    }
  }

  address(): AddressInfo {
    return this.net.address() as AddressInfo;
  }

  /** A failure of the server's own code, outside any session: logged, and the server carries on. */
  fail(error: unknown): void {
    this.log('server-error', { error: error instanceof Error ? error.message : String(error) });
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    socket.on('error', () => {});
    const ip = socket.remoteAddress ?? 'unknown';
    if (this.stopping) {
      socket.destroy();
      return;
    }
    if (!this.failRate.has(ip) || !this.connectRate.take(ip)) {
      this.counts.refusedRate++;
      this.log('refused', { ip, why: 'too many connections or failed logins from this address' });
      socket.destroy();
      return;
    }
    if (this.loggingIn >= this.limits.maxUnauthenticated) {
      this.counts.refusedBusy++;
      this.log('refused', { ip, why: 'too many connections logging in' });
      socket.destroy();
      return;
    }
    const conn: Conn = { id: this.nextId++, ip, socket, loggingIn: true, failures: 0, noneSeen: false, sessions: 0 };
    this.loggingIn++;
    this.conns.add(conn);
    conn.grace = setTimeout(() => {
      this.counts.graceExpired++;
      this.log('login-timeout', { ip, conn: conn.id });
      socket.destroy();
    }, this.limits.loginGraceMs);
    const key = `${ip}|${socket.remotePort}`;
    this.pending.set(key, conn);
    socket.once('close', () => {
      this.pending.delete(key);
      this.forget(conn);
    });
    this.ssh.injectSocket(socket);
  }

  private forget(conn: Conn): void {
    if (!this.conns.delete(conn)) return;
    clearTimeout(conn.grace);
    this.loggedIn(conn);
    conn.learner?.end('disconnect');
    conn.instructor?.end('disconnect');
    this.emit('closed', conn.id);
  }

  private loggedIn(conn: Conn): void {
    if (!conn.loggingIn) return;
    conn.loggingIn = false;
    this.loggingIn--;
  }

  private connected(client: Connection, ip: string, port: number): void {
    client.on('error', (error: Error & { level?: string }) => {
      if (error.level !== 'socket') this.log('ssh-error', { ip, error: error.message });
    });
    const conn = this.pending.get(`${ip}|${port}`);
    if (!conn) {
      client.end();
      return;
    }
    this.pending.delete(`${ip}|${port}`);
    conn.client = client;
    client.on('authentication', (ctx) => {
      const firstNone = ctx.method === 'none' && !conn.noneSeen;
      if (ctx.method === 'none') conn.noneSeen = true;
      if (conn.failures >= this.limits.maxAuthTries || !this.failRate.has(ip)) {
        // Tries used up (the connection is closing), or this address failed too often: nothing more is checked.
        ctx.reject([]);
        client.end();
        return;
      }
      authenticate(
        ctx,
        this.config.auth,
        {
          failDelayMs: this.limits.failDelayMs,
          admit: (who) => {
            conn.entrant = who;
          },
          failed: (method, username) => {
            conn.failures++;
            this.counts.authFailures++;
            this.failRate.take(ip);
            this.log('auth-failed', { ip, user: username, method, try: conn.failures });
            if (conn.failures >= this.limits.maxAuthTries) {
              this.log('auth-closed', { ip, why: `${conn.failures} failed tries` });
              setImmediate(() => client.end());
              return false;
            }
            return true;
          },
        },
        firstNone,
      );
    });
    client.on('ready', () => {
      this.loggedIn(conn);
      const who = conn.entrant;
      this.log('login', {
        ip,
        as: who?.role === 'instructor' ? 'instructor' : who?.login.kind,
        user: who?.role === 'learner' ? who.login.nickname : undefined,
      });
    });
    client.on('session', (accept, reject) => {
      if (conn.sessions > 0 || this.stopping) {
        this.log('refused-session', { ip, why: 'one session per connection' });
        reject();
        return;
      }
      conn.sessions++;
      this.session(conn, accept());
    });
    client.on('tcpip', (_accept, reject) => {
      this.log('refused-forwarding', { ip });
      reject();
    });
    client.on('openssh.streamlocal', (_accept: unknown, reject: () => void) => reject());
    client.on('request', (_accept, reject, name) => {
      this.log('refused-forwarding', { ip, request: name });
      reject?.();
    });
  }

  private session(conn: Conn, session: import('ssh2').Session): void {
    const terminal: ClientTerminal = { cols: 80, rows: 24, term: '', env: {} };
    let pty = false;
    let resize: ((cols: number, rows: number) => void) | undefined;
    session.on('pty', (accept, _reject, info) => {
      pty = true;
      terminal.cols = info.cols;
      terminal.rows = info.rows;
      terminal.term = String(info.term ?? '').slice(0, 64);
      accept?.();
    });
    session.on('env', (accept, reject, info) => {
      if (ACCEPTED_ENV.has(info.key) && String(info.val).length <= 256) {
        terminal.env[info.key] = String(info.val);
        accept?.();
      } else reject?.();
    });
    session.on('window-change', (accept, _reject, info) => {
      terminal.cols = info.cols;
      terminal.rows = info.rows;
      resize?.(info.cols, info.rows);
      accept?.();
    });
    const refuse = (what: string) => (_accept: unknown, reject: (() => void) | undefined) => {
      this.log('refused-request', { ip: conn.ip, request: what });
      reject?.();
    };
    session.on('auth-agent', refuse('agent forwarding'));
    session.on('x11', refuse('X11 forwarding'));
    session.on('signal', refuse('signal'));
    session.on('sftp', refuse('sftp'));
    session.on('subsystem', refuse('subsystem'));
    session.on('exec', (accept) => {
      this.log('refused-request', { ip: conn.ip, request: 'exec' });
      this.refuseWith(
        conn,
        accept(),
        'nettutor: this server runs the tutorial only, not commands: connect without one (ssh -p PORT HOST).',
      );
    });
    session.on('shell', (accept) => {
      const channel = accept();
      clearTimeout(conn.grace);
      if (!pty) {
        this.log('refused-request', { ip: conn.ip, request: 'shell without a terminal' });
        this.refuseWith(
          conn,
          channel,
          'nettutor needs a terminal: connect with ssh -t (or without -T), from an interactive terminal.',
        );
        return;
      }
      const who = conn.entrant;
      if (who?.role === 'instructor') {
        const view = this.instructorView(channel, terminal, () => this.closeSoon(conn));
        conn.instructor = view;
        resize = (c, r) => view.resize(c, r);
        return;
      }
      if (who?.role !== 'learner') return;
      if (this.learners.size >= this.config.maxLearners) {
        this.counts.refusedFull++;
        this.log('refused-full', { ip: conn.ip, learners: this.learners.size });
        this.refuseWith(
          conn,
          channel,
          `nettutor: the workshop is full (${this.config.maxLearners} learners). Try again in a moment, or ask the instructor.`,
        );
        return;
      }
      const learner = new LearnerSession(
        {
          lessons: this.config.lessons,
          notices: this.config.notices,
          store: this.store,
          render: this.deps.render,
          pool: this.pool,
          line: this.line,
          idleMs: this.config.idleMs,
          maxSessionMs: this.config.maxSessionMs,
          input: this.config.input,
          log: (event, fields) => this.log(event, { ip: conn.ip, ...fields }),
          changed: () => this.changed(),
          now: () => this.now(),
        },
        channel as unknown as SessionChannel,
        terminal,
        who.login,
        who.askNickname,
        (s, reason) => {
          this.learners.delete(s);
          if (reason === 'crash') this.counts.crashes++;
          this.closeSoon(conn);
        },
      );
      conn.learner = learner;
      this.learners.add(learner);
      resize = (c, r) => learner.resize(c, r);
      this.changed();
    });
  }

  /** The instructor's view on an SSH channel: q leaves it (the server goes on). */
  private instructorView(
    channel: ServerChannel,
    client: ClientTerminal,
    closed: () => void,
  ): { end(reason: EndReason): void; resize(cols: number, rows: number): void } {
    const terminal = new ChannelTerminal(channel as unknown as ChannelLike, client);
    let ended = false;
    const end = (reason: EndReason) => {
      if (ended) return;
      ended = true;
      this.off('log', onLog);
      dashboard.close();
      terminal.close();
      this.log('instructor-left', { reason });
      if (reason !== 'disconnect') {
        try {
          channel.write(reason === 'shutdown' ? 'nettutor: the workshop server is stopping.\r\n' : '');
          channel.exit(0);
          channel.end();
        } catch {
          // Already gone.
        }
      }
      closed();
    };
    const dashboard = new Dashboard({
      server: this,
      terminal,
      intro: this.config.intro ?? [],
      keys: 'q leave this view (the server goes on) · e write everyone’s scores (CSV and JSON) · ↑/↓ scroll',
      onQuit: () => end('quit'),
      confirmQuit: false,
    });
    const onLog = (entry: LogEntry) => dashboard.log(entry);
    this.on('log', onLog);
    channel.on('error', () => {});
    channel.on('data', (data: Buffer) => {
      try {
        dashboard.key(data.toString('utf8'));
      } catch (error) {
        this.fail(error);
        end('crash');
      }
    });
    channel.on('close', () => end('disconnect'));
    this.log('instructor-joined');
    return { end, resize: (c, r) => terminal.resize(c, r) };
  }

  /** Accepts nothing more on this channel: a message on stderr, exit status 1, closed. */
  private refuseWith(conn: Conn, channel: ServerChannel, message: string): void {
    try {
      channel.on('error', () => {});
      channel.stderr.write(`${message}\r\n`);
      channel.exit(1);
      channel.end();
    } catch {
      // The client went away meanwhile.
    }
    this.closeSoon(conn);
  }

  /** The connection's one session is over: the client closes it, or the server does after a grace period. */
  private closeSoon(conn: Conn): void {
    const timer = setTimeout(() => {
      if (this.conns.has(conn)) conn.client?.end();
      setTimeout(() => conn.socket.destroy(), 500).unref();
    }, this.limits.closeGraceMs);
    timer.unref();
  }

  /** The learners connected now, as the instructor's view shows them. */
  snapshot(): LearnerView[] {
    const now = this.now();
    const views: LearnerView[] = [];
    for (const conn of this.conns) {
      const l = conn.learner;
      if (!l || l.ended) continue;
      const p = l.progress;
      let lesson: Lesson | undefined;
      let latest = '';
      for (const candidate of this.config.lessons) {
        const at = lessonRecord(p, candidate.id)?.updatedAt ?? '';
        if (at > latest) {
          latest = at;
          lesson = candidate;
        }
      }
      const record = lesson ? lessonRecord(p, lesson.id) : undefined;
      const pageIndex = lesson && record?.page ? lesson.pages.findIndex((pg) => pg.id === record.page) : -1;
      const { solved, of, score } = courseScore(this.config.lessons, p ?? emptyProgress());
      views.push({
        id: l.id,
        nickname: l.nickname,
        login: conn.entrant?.role === 'learner' ? conn.entrant.login.kind : '',
        ip: conn.ip,
        lesson: lesson ? safeText(text(lesson.title, 'en'), 40) : '',
        page: lesson && pageIndex >= 0 ? `page ${pageIndex + 1}/${lesson.pages.length}` : '',
        solved,
        of,
        score,
        idleMs: now - l.lastInputAt,
        connectedMs: now - l.startedAt,
        naming: l.id === undefined,
      });
    }
    return views;
  }

  /** How many connections are open (any state). */
  get connections(): number {
    return this.conns.size;
  }

  /**
   * Stops the server: no new connections; every learner's progress saved and a
   * notice shown, their channels closed; connections that do not close within
   * the grace period are cut.
   */
  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    this.stopping = (async () => {
      this.net.close();
      this.log('stopping', { learners: this.learners.size });
      const deadline = this.now() + this.limits.shutdownGraceMs;
      const ended = [...this.learners].map((learner) => learner.end('shutdown'));
      for (const conn of this.conns) {
        conn.instructor?.end('shutdown');
        if (!conn.learner && !conn.instructor) conn.socket.destroy();
      }
      // Apps in render threads are stopped and their progress saved there first (each answers within a second).
      await Promise.all(ended);
      // The notices are on their way; then the connections are closed from this side (OpenSSH clients close by
      // themselves once their channel is closed, other clients may not), and cut if still open at the deadline.
      await new Promise((r) => setTimeout(r, 100));
      for (const conn of this.conns) conn.client?.end();
      while (this.conns.size > 0 && this.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const conn of this.conns) conn.socket.destroy();
      clearTimeout(this.changeTimer);
      await this.pool?.stop();
      this.log('stopped');
    })();
    return this.stopping;
  }
}

/** The render threads could not start (the message says why). */
export class RenderThreadsError extends Error {}

/**
 * Process-wide: an uncaught exception or unhandled rejection ends the session
 * whose code raised it (failureScope), or is logged when it belongs to no
 * session; either way the server stays up. Returns a function that removes the
 * handlers.
 */
export function isolateFailures(fallback: FailureOwner): () => void {
  const onError = (error: unknown) => (failureScope.getStore() ?? fallback).fail(error);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return () => {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  };
}
