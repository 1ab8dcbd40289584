// One learner's tutorial on one SSH channel: the app rendered through the
// channel (its own stdin, stdout and Ink instance), their progress loaded and
// saved in their own folder, their idle and length timers, and an end that is
// always the same: progress saved, the learner's screen restored, a line
// saying why, an exit status, the channel closed.
//
// Everything the session runs — key handling, rendering, its timers and
// promises — runs in its own async context (failureScope), so an exception
// anywhere in it ends this session alone, with a friendly message.
//
// The app runs in this thread (`render`), or in one of the server's render
// threads (`pool`, see render-pool.ts): then this side keeps the channel, the
// timers and the learner's record, sends the app the learner's keys and window
// size, and writes to the channel what the app drew.
import { english, noticeText } from '../node/notices.js';
import type { LocalText } from '../core/i18n/localize.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Lesson } from '../core/lessons/types.js';
import { resolveLocale } from '../core/i18n/localize.js';
import type { Progress } from '../core/progress/types.js';
import { initialTutorState } from '../core/tutor/machine.js';
import { LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR } from '../node/frame-diff.js';
import type { ProgressStore } from '../node/progress-store.js';
import { ScreenOutput } from '../node/screen-output.js';
import { ChannelTerminal, DEFAULT_INPUT_LIMITS, type InputLimits, InputPump, SessionInput } from './channel-io.js';
import { formatDuration } from './duration.js';
import type { ClosedApp, RemoteApp, RenderPool } from './render-pool.js';
import type { SessionLine, StartedSession } from './session-line.js';
import type { LearnerRecord, LearnerStore, Login } from './state.js';
import { nicknameProblem as nicknameProblemOf, safeText } from './text.js';

/** What ends a session; each has its own words for the learner. */
export type EndReason = 'quit' | 'idle' | 'max-session' | 'shutdown' | 'crash' | 'disconnect';

/** Whoever owns the code running now: an exception there ends that session (see failureScope). */
export interface FailureOwner {
  fail(error: unknown): void;
}

/** The session whose code is running, for the process-wide handlers of uncaught exceptions and rejections. */
export const failureScope = new AsyncLocalStorage<FailureOwner>();

/** The channel as the session uses it (an ssh2 ServerChannel). */
export interface SessionChannel {
  write(data: string): boolean;
  readonly writableLength?: number;
  readonly writable?: boolean;
  exit(status: number): void;
  end(): unknown;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'drain' | 'close' | 'error', listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
}

/** What the client told us of its terminal: pty size and type, and the environment it sent. */
export interface ClientTerminal {
  cols: number;
  rows: number;
  term: string;
  env: Record<string, string>;
}

export interface App {
  unmount(): void;
  waitUntilExit(): Promise<unknown>;
}

export type RenderApp = (options: import('../ui/render-app.js').RenderAppOptions) => App;

/** What a learner's app starts from, wherever it runs. */
export interface LearnerApp {
  lessons: Lesson[];
  /** ISO time the session starts. */
  now: string;
  progress: Progress;
  notices: LocalText[];
  seed: number;
  locale: string;
  color: boolean;
  ascii: boolean;
  screenReader: boolean;
  /** The learner's keys (a SessionInput) and the screen they see. */
  input: SessionInput;
  screen: ScreenOutput;
  onSave: (progress: Progress) => string | undefined;
  onProgress: (progress: Progress) => void;
  onCrash: (error: unknown) => void;
}

/**
 * Starts a learner's app, the same in a render thread as in the server's own: the tutorial's state for the
 * session, the learner's look, their keys and screen (Ink's stderr goes nowhere: a learner sees only the app).
 */
export function mountLearnerApp(render: RenderApp, a: LearnerApp): App {
  const sink = new ScreenOutput({ write: () => true, on: () => {}, off: () => {} });
  return render({
    initial: initialTutorState({
      now: a.now,
      lessons: a.lessons,
      progress: a.progress,
      notices: a.notices,
      seed: a.seed,
    }),
    locale: a.locale,
    color: a.color,
    ascii: a.ascii,
    progressFile: 'the workshop server',
    stdin: a.input as unknown as NodeJS.ReadStream,
    stdout: a.screen as unknown as NodeJS.WriteStream,
    stderr: sink as unknown as NodeJS.WriteStream,
    screenReader: a.screenReader,
    onSave: a.onSave,
    onProgress: a.onProgress,
    onCrash: a.onCrash,
  });
}

export interface SessionContext {
  lessons: Lesson[];
  notices: LocalText[];
  store: LearnerStore;
  /** Runs the app in this thread (when there is no pool). */
  render?: RenderApp;
  /** Runs the app in a render thread. */
  pool?: RenderPool;
  /**
   * With `render`: the server's line of apps waiting to start (session-line.ts), shared by its sessions, so that a
   * learner's key goes before another learner's first frame in this thread too. Without it, the app starts at once.
   */
  line?: SessionLine<StartedSession, LocalStart>;
  idleMs: number;
  maxSessionMs: number;
  input?: InputLimits;
  log(event: string, fields: Record<string, string | number | undefined>): void;
  changed(): void;
  now(): number;
}

/** Colour, 7-bit output and language for one learner, from their terminal type and the environment their ssh sent. */
export function sessionLook(
  terminal: ClientTerminal,
  savedLocale?: string,
): { color: boolean; ascii: boolean; locale: string } {
  const env = terminal.env;
  const dumb = terminal.term === 'dumb';
  const yes = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
  return {
    color: !dumb && !(env.NO_COLOR !== undefined && env.NO_COLOR !== ''),
    ascii: dumb || yes(env.NETTUTOR_ASCII),
    // NETTUTOR_LANG as --lang, then the language the learner chose last time, then LANG.
    locale: resolveLocale(env.NETTUTOR_LANG, env, savedLocale),
  };
}

/** A session of this thread waiting in the line: `start` mounts its app (undefined: it could not, or it ended). */
export interface LocalStart {
  id: number;
  input: { maxPending: number };
  start(): StartedSession | undefined;
}

/** Starts the app of a session waiting in a line of this thread. */
export const startLocal = (entry: LocalStart): StartedSession | undefined => entry.start();

let nextLineId = 1;

const CRLF = '\r\n';

export class LearnerSession implements FailureOwner {
  /** Shown on the dashboard and in logs (already made safe). */
  nickname: string;
  readonly startedAt: number;
  lastInputAt: number;
  progress: Progress | undefined;
  ended: EndReason | undefined;
  private app: App | undefined;
  /** The app, when it runs in a render thread. */
  private remote: RemoteApp | undefined;
  private remoteDropped = 0;
  /** The progress the app reported is newer than what is on disk (render thread). */
  private unsaved = false;
  private ending: Promise<void> | undefined;
  private screen: ScreenOutput | undefined;
  private terminal: ChannelTerminal | undefined;
  private input: SessionInput | undefined;
  private pump: InputPump | undefined;
  /** The session's place in the server's line (`ctx.line`), once it has one. */
  private lineId: number | undefined;
  private progressStore: ProgressStore | undefined;
  private record: LearnerRecord | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private maxTimer: NodeJS.Timeout | undefined;
  private prompt: NicknamePrompt | undefined;
  private saveFailed = false;
  /** The progress last written: the app saves on quit, and the end of the session need not write it again. */
  private saved: Progress | undefined;
  private readonly onData = (data: Buffer) => this.keys(data);
  private readonly onClose = () => this.end('disconnect');

  constructor(
    private readonly ctx: SessionContext,
    private readonly channel: SessionChannel,
    private readonly client: ClientTerminal,
    private login: Login,
    askNickname: boolean,
    /** Called once the session is over and its channel closed or closing. */
    private readonly onEnd: (session: LearnerSession, reason: EndReason) => void,
  ) {
    this.startedAt = ctx.now();
    this.lastInputAt = this.startedAt;
    this.nickname = safeText(login.nickname, 32);
    channel.on('data', this.onData);
    channel.on('close', this.onClose);
    channel.on('error', () => {});
    if (ctx.idleMs > 0) this.idleTimer = setTimeout(() => this.end('idle'), ctx.idleMs);
    if (ctx.maxSessionMs > 0) this.maxTimer = setTimeout(() => this.end('max-session'), ctx.maxSessionMs);
    if (askNickname) {
      this.prompt = new NicknamePrompt(channel, login.nickname, (nickname) => {
        this.prompt = undefined;
        if (nickname === undefined) return this.end('quit');
        this.login = { ...this.login, nickname };
        this.nickname = safeText(nickname, 32);
        this.guard(() => this.begin());
      });
    } else this.guard(() => this.begin());
  }

  /** Input characters dropped because they came faster than they could be handled. */
  get droppedInput(): number {
    return this.remote ? this.remoteDropped : (this.pump?.dropped ?? 0);
  }

  get id(): string | undefined {
    return this.record?.id;
  }

  /** Runs `fn` as this session's code: what it throws, and what its timers and promises throw later, ends it. */
  guard(fn: () => void): void {
    try {
      failureScope.run(this, fn);
    } catch (error) {
      this.fail(error);
    }
  }

  fail(error: unknown): void {
    if (this.ended) return;
    const message = error instanceof Error ? error.message : String(error);
    this.ctx.log('session-error', { learner: this.nickname, error: safeText(message, 200) });
    this.end('crash');
  }

  /** A window-change from the client. */
  resize(cols: unknown, rows: unknown): void {
    this.guard(() => this.terminal?.resize(cols, rows));
  }

  private begin(): void {
    const opened = this.ctx.store.open(this.login, new Date(this.ctx.now()).toISOString());
    this.record = opened.record;
    this.progressStore = opened.store;
    const loaded = opened.store.load();
    if (loaded.notices.length > 0) {
      const said = loaded.notices.map(english).join(' ');
      this.ctx.log('progress-notice', { learner: this.nickname, notice: safeText(said, 300) });
    }
    this.progress = loaded.progress;
    this.saved = loaded.progress;
    const look = sessionLook(this.client, loaded.progress.language?.locale);
    const notices = [...this.ctx.notices, ...(loaded.notices.length > 0 ? [noticeText('workshopProgressUnread')] : [])];
    this.terminal = new ChannelTerminal(this.channel, this.client);
    const seed = (Math.random() * 0xffffffff) >>> 0;
    if (this.ctx.pool) this.beginRemote(this.ctx.pool, opened.store.file, loaded.progress, notices, seed, look);
    else this.beginHere(loaded.progress, notices, seed, look);
    this.ctx.log('start', { learner: this.nickname, id: this.record.id });
    this.ctx.changed();
  }

  /** The app in this thread. */
  private beginHere(
    progress: Progress,
    notices: LocalText[],
    seed: number,
    look: ReturnType<typeof sessionLook>,
  ): void {
    const render = this.ctx.render;
    if (!render || !this.terminal) throw new Error('no way to render the app');
    this.input = new SessionInput();
    this.pump = new InputPump(
      (text) => this.guard(() => this.input?.push(text)),
      this.ctx.input ?? DEFAULT_INPUT_LIMITS,
    );
    this.screen = new ScreenOutput(this.terminal);
    const input = this.input;
    const screen = this.screen;
    const mount = () => {
      this.app = mountLearnerApp(render, {
        lessons: this.ctx.lessons,
        now: new Date(this.ctx.now()).toISOString(),
        progress,
        notices,
        seed,
        locale: look.locale,
        color: look.color,
        ascii: look.ascii,
        screenReader: this.client.env.INK_SCREEN_READER === 'true',
        input,
        screen,
        onSave: (p) => this.save(p),
        onProgress: (p) => {
          this.progress = p;
          this.ctx.changed();
        },
        onCrash: (error) => this.fail(error),
      });
      this.app.waitUntilExit().then(
        () => this.end('quit'),
        (error) => this.fail(error),
      );
    };
    const line = this.ctx.line;
    if (!line) {
      mount();
      return;
    }
    // The app starts at its turn in the line; the keys that come meanwhile wait there for it.
    const pump = this.pump;
    const started: StartedSession = {
      keys: (data) => pump.feed(Buffer.from(data.buffer, data.byteOffset, data.byteLength)),
      resize: () => {},
      close: () => {},
    };
    this.lineId = nextLineId++;
    line.open({
      id: this.lineId,
      input: this.ctx.input ?? DEFAULT_INPUT_LIMITS,
      start: () => {
        if (this.ended) return undefined;
        let ok = false;
        this.guard(() => {
          mount();
          ok = true;
        });
        return ok ? started : undefined;
      },
    });
  }

  /** The app in a render thread: what it draws goes to the channel, the learner's keys and size go to it. */
  private beginRemote(
    pool: RenderPool,
    progressFile: string,
    progress: Progress,
    notices: LocalText[],
    seed: number,
    look: ReturnType<typeof sessionLook>,
  ): void {
    const terminal = this.terminal!;
    const saveFailed = (error: string) => {
      this.saveFailed = true;
      this.ctx.log('save-failed', { learner: this.nickname, error: safeText(error, 300) });
    };
    this.remote = pool.open(
      {
        progressFile,
        progress,
        notices,
        now: new Date(this.ctx.now()).toISOString(),
        seed,
        locale: look.locale,
        color: look.color,
        ascii: look.ascii,
        screenReader: this.client.env.INK_SCREEN_READER === 'true',
        cols: terminal.columns,
        rows: terminal.rows,
        input: this.ctx.input ?? DEFAULT_INPUT_LIMITS,
      },
      {
        out: (text) => terminal.write(text),
        progress: (p, unsaved) => {
          this.progress = p;
          this.unsaved = unsaved;
          this.ctx.changed();
        },
        saved: (p, unsaved, error) => {
          this.progress = p;
          this.unsaved = unsaved;
          if (error === undefined) this.saveFailed = false;
          else saveFailed(error);
        },
        dropped: (count) => {
          this.remoteDropped = count;
        },
        exit: () => this.end('quit'),
        crash: (error) => this.fail(new Error(error)),
        gone: (why) => this.fail(new Error(`its render thread stopped: ${why}`)),
      },
    );
    // A window-change, or frames dropped while the client was not reading: the app draws the whole screen again.
    terminal.on('resize', () => this.remote?.resize(terminal.columns, terminal.rows));
  }

  private save(progress: Progress): string | undefined {
    this.progress = progress;
    const result = this.progressStore?.save(progress);
    if (!result || result.ok) {
      this.saveFailed = false;
      this.saved = progress;
      return undefined;
    }
    this.saveFailed = true;
    this.ctx.log('save-failed', { learner: this.nickname, error: safeText(result.error, 300) });
    // The learner sees that it failed, not the server's paths.
    return 'the workshop server could not save it just now; it will try again at your next answer';
  }

  private keys(data: Buffer): void {
    if (this.ended) return;
    this.lastInputAt = this.ctx.now();
    this.idleTimer?.refresh();
    if (this.prompt) this.guard(() => this.prompt?.feed(data));
    else if (this.remote) this.remote.keys(data);
    else if (this.lineId !== undefined) this.ctx.line?.keys(this.lineId, data);
    else this.pump?.feed(data);
  }

  /**
   * Ends the session (once): progress saved, screen restored, a line saying why, exit status, channel closed.
   * Resolves when that is done (at once, unless the app runs in a render thread, which is asked to stop first).
   */
  end(reason: EndReason): Promise<void> {
    if (this.ended) return this.ending ?? Promise.resolve();
    this.ended = reason;
    clearTimeout(this.idleTimer);
    clearTimeout(this.maxTimer);
    this.pump?.stop();
    if (this.lineId !== undefined) this.ctx.line?.close(this.lineId);
    this.channel.off('data', this.onData);
    if (reason === 'disconnect') this.terminal?.close({ discard: true });
    const remote = this.remote;
    if (remote) {
      this.ending = remote.close().then((closed) => this.finish(reason, closed));
    } else {
      this.ending = Promise.resolve();
      this.finish(reason, undefined);
    }
    return this.ending;
  }

  private finish(reason: EndReason, closed: ClosedApp | undefined): void {
    if (this.remote) {
      if (closed) {
        // The render thread saved the last progress (or says why it could not).
        if (closed.progress) this.progress = closed.progress;
        if (closed.error !== undefined) {
          this.saveFailed = true;
          this.ctx.log('save-failed', { learner: this.nickname, error: safeText(closed.error, 300) });
        } else this.saveFailed = false;
      } else if (this.progress && this.progressStore && this.unsaved) {
        // The thread is gone (or did not answer): what it last reported is saved from here.
        this.save(this.progress);
      }
    } else if (this.progress && this.progressStore && this.progress !== this.saved) this.save(this.progress);
    if (this.record) this.ctx.store.touch(this.record, new Date(this.ctx.now()).toISOString());
    try {
      this.app?.unmount();
    } catch {
      // Ink may already be unmounting (a quit); nothing more to draw either way.
    }
    try {
      this.screen?.restore();
      // The render thread drew on the alternate screen; this side leaves it.
      if (this.remote) this.terminal?.write(LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
    } catch {
      // The channel may be gone.
    }
    this.terminal?.close();
    if (reason !== 'disconnect') {
      const lines = this.goodbye(reason);
      try {
        if (this.channel.writable !== false) {
          this.channel.write(lines.map((l) => l + CRLF).join(''));
          this.channel.exit(reason === 'crash' ? 1 : 0);
          this.channel.end();
        }
      } catch {
        // Already closed.
      }
    }
    this.ctx.log('end', { learner: this.nickname, reason });
    this.onEnd(this, reason);
    this.ctx.changed();
  }

  private goodbye(reason: EndReason): string[] {
    const saved = this.progress
      ? this.saveFailed
        ? 'Your progress could not be saved just now (the instructor can see why).'
        : 'Your progress is saved: log in again to go on where you left off.'
      : '';
    const why: Record<Exclude<EndReason, 'disconnect'>, string> = {
      quit: 'Goodbye from nettutor.',
      idle: `nettutor: the session ended after ${formatDuration(this.ctx.idleMs)} without a key pressed.`,
      'max-session': `nettutor: the session reached its longest length (${formatDuration(this.ctx.maxSessionMs)}) and ended.`,
      shutdown: 'nettutor: the workshop server is stopping, so the session ended.',
      crash: 'nettutor: something went wrong in your session and it had to end; sorry. The instructor has been told.',
    };
    return [why[reason as Exclude<EndReason, 'disconnect'>], saved].filter((l) => l !== '');
  }
}

/**
 * `--auth open`: before the tutorial starts, the learner types a nickname on a
 * plain line (no Ink yet). Only characters a nickname may hold are taken;
 * Enter accepts (the SSH username is offered when it would do), Ctrl+C or
 * Ctrl+D leaves.
 */
export class NicknamePrompt {
  private typed = '';
  private readonly offer: string | undefined;

  constructor(
    private readonly channel: { write(data: string): unknown },
    username: string,
    private readonly done: (nickname: string | undefined) => void,
  ) {
    const u = username.normalize('NFC').trim();
    this.offer = nicknameOk(u) ? u : undefined;
    channel.write(
      `${CRLF}Welcome to the nettutor workshop.${CRLF}Choose a nickname: your progress is kept under it, and your instructor sees it.${CRLF}`,
    );
    this.ask();
  }

  private ask(): void {
    this.channel.write(`Nickname${this.offer ? ` [${this.offer}]` : ''}: `);
  }

  feed(data: Buffer): void {
    for (const ch of data.toString('utf8')) {
      if (ch === '\u0003' || ch === '\u0004') {
        this.channel.write(CRLF);
        this.done(undefined);
        return;
      }
      if (ch === '\r' || ch === '\n') {
        const nickname = this.typed.trim() || this.offer || '';
        const problem = nicknameProblemOf(nickname);
        if (problem) {
          this.channel.write(`${CRLF}${problem}.${CRLF}`);
          this.typed = '';
          this.ask();
          continue;
        }
        this.channel.write(CRLF);
        this.done(nickname);
        return;
      }
      if (ch === '\u007f' || ch === '\b') {
        if (this.typed.length > 0) {
          this.typed = Array.from(this.typed).slice(0, -1).join('');
          this.channel.write('\b \b');
        }
        continue;
      }
      if (/^[\p{L}\p{M}\p{N} ._-]$/u.test(ch) && Array.from(this.typed).length < 32) {
        this.typed += ch;
        this.channel.write(ch);
      }
    }
  }
}

function nicknameOk(n: string): boolean {
  return nicknameProblemOf(n) === undefined;
}
