// The workshop server's render threads, seen from its main thread: a few
// worker_threads workers (one per core by default), each running many
// learners' apps (render-thread.ts), so that drawing frames — most of the
// server's work — uses every core while SSH, logins, timers and the learner
// registry stay in the main thread. A new session goes to the thread with the
// fewest sessions. A thread that stops (an error nothing caught, or it was
// terminated) ends its sessions, each with the usual friendly message, and a
// new thread takes its place; the server goes on. So does a thread that stops
// answering (a learner's app stuck in a loop would freeze every learner on
// it): the watchdog ends it the same way. What a thread prints (a library's
// warning on its stdout or stderr) reaches the server's log a line at a time,
// saying which thread and stream it came from.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { Worker } from 'node:worker_threads';
import type { Lesson } from '../core/lessons/types.js';
import type { Progress } from '../core/progress/types.js';
import type { FromRender, OpenSession, RenderThreadData, ToRender } from './render-protocol.js';

/**
 * Before anything loads (Ink, chalk): colours are decided per learner (the theme), so chalk must be able to
 * colour whatever the server's own stdout is (a pipe, a journal: level 0); and Ink must draw every frame even if
 * the server was started with CI set. The main thread does it to its own environment, and a render thread
 * starts with it done.
 */
export function prepareEnvForServing(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  env.FORCE_COLOR = '1';
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  env.NODE_ENV = 'production';
  return env;
}

/**
 * What a render thread runs first: the entry module (the built dist/cli.js) and its `runServeWorker`. A failure
 * to load it is an error nothing catches, so the thread stops and the pool says why.
 */
const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.entry).then((m) => m.runServeWorker());`;

/**
 * How often each thread is asked whether its event loop still turns, and how long it may stay silent before it is
 * ended (its learners see the friendly message, a new thread takes its place). A frame takes milliseconds; a thread
 * silent for seconds is stuck.
 */
export interface Watchdog {
  everyMs: number;
  stallMs: number;
}
const WATCHDOG: Watchdog = { everyMs: 2000, stallMs: 10_000 };

/** The limit of a render thread's heap (see RenderThread). */
const RENDER_THREAD_HEAP_MB = 1024;

export interface RenderPoolOptions {
  /** How many threads (at least 1). */
  threads: number;
  /** URL of the module whose `runServeWorker` runs a render thread (the built dist/cli.js). */
  entry: string;
  lessons: Lesson[];
  /** Tests only: see RenderThreadData. */
  renderWrapper?: string;
  watchdog?: Watchdog;
  log(event: string, fields: Record<string, string | number | undefined>): void;
}

/** What the session hears from its app in a render thread. */
export interface RemoteEvents {
  out(text: string): void;
  progress(progress: Progress, unsaved: boolean): void;
  saved(progress: Progress, unsaved: boolean, error: string | undefined): void;
  dropped(count: number): void;
  exit(): void;
  crash(error: string): void;
  /** The thread running the app stopped: the session cannot go on. */
  gone(why: string): void;
}

/** The session's app as its thread reports it at the end: its last progress, and why its last save failed. */
export interface ClosedApp {
  progress?: Progress;
  error?: string;
}

type SessionParams = Omit<OpenSession, 't' | 'id'>;

/** The longest line of a thread's output kept whole; a longer one is logged in pieces of this length. */
export const OUTPUT_LINE_MAX = 4096;

/**
 * Text written to a stream, in whole lines: `line` is called once per line (without its end, `\n` or `\r\n`),
 * and only once it is complete, so that writes in pieces never appear as pieces nor mixed with another stream's.
 * A line longer than `max` is handed on in pieces of `max` characters; `end` hands on what is left unfinished.
 */
export class OutputLines {
  private pending = '';
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly line: (text: string) => void,
    private readonly max = OUTPUT_LINE_MAX,
  ) {}

  write(chunk: Buffer | string): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    for (let at = this.pending.indexOf('\n'); at >= 0; at = this.pending.indexOf('\n')) {
      const text = this.pending.slice(0, at);
      this.pending = this.pending.slice(at + 1);
      this.cut(text.endsWith('\r') ? text.slice(0, -1) : text, true);
    }
    this.cut(this.pending, false);
  }

  end(): void {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    if (rest !== '') this.cut(rest, true);
  }

  /** Hands on `text` in pieces of `max`; the last piece too if `whole`, else it waits for the rest of its line. */
  private cut(text: string, whole: boolean): void {
    let rest = text;
    while (rest.length > this.max) {
      this.line(rest.slice(0, this.max));
      rest = rest.slice(this.max);
    }
    if (whole) this.line(rest);
    else this.pending = rest;
  }
}

class RenderThread {
  readonly worker: Worker;
  readonly sessions = new Map<number, RemoteApp>();
  ready = false;
  stopped = false;
  error: string | undefined;
  /** When the thread last said anything (the watchdog's clock). */
  heardAt = Date.now();

  constructor(
    readonly number: number,
    options: RenderPoolOptions,
  ) {
    const data: RenderThreadData & { entry: string } = {
      entry: options.entry,
      lessons: options.lessons,
      ...(options.renderWrapper ? { renderWrapper: options.renderWrapper } : {}),
    };
    this.worker = new Worker(BOOT, {
      eval: true,
      workerData: data,
      env: prepareEnvForServing({ ...process.env }),
      name: `nettutor render ${number}`,
      // V8 lets a heap grow further between collections the larger its limit is: with the default limit
      // (4 GB on the project's machine) a thread's heap grew to several times its live data (about 0.5 MB a
      // learner), and the server's memory with it. 1 GB holds a thousand learners' apps; a thread that ran
      // out would end only its own sessions and be replaced.
      resourceLimits: { maxOldGenerationSizeMb: RENDER_THREAD_HEAP_MB },
      // What the thread prints comes here rather than straight to the server's stdout and stderr (see `output`).
      stdout: true,
      stderr: true,
    });
    this.output('stdout', this.worker.stdout, options);
    this.output('stderr', this.worker.stderr, options);
    // The server's listener keeps the process alive; a thread never does.
    this.worker.unref();
  }

  /**
   * What the thread writes to one of its streams (a library's warning, a stray console.log): to the server's log,
   * a line at a time, saying which thread and stream it came from.
   */
  private output(stream: 'stdout' | 'stderr', from: Readable, options: RenderPoolOptions): void {
    // A blank line says nothing.
    const lines = new OutputLines((text) => {
      if (text.trim() !== '') options.log('render-thread-output', { thread: this.number, stream, text });
    });
    from.on('data', (chunk: Buffer | string) => lines.write(chunk));
    from.on('end', () => lines.end());
    from.on('error', () => {});
  }

  post(message: ToRender, transfer?: ArrayBuffer[]): void {
    if (!this.stopped) this.worker.postMessage(message, transfer);
  }
}

export class RenderPool {
  private readonly threads: RenderThread[] = [];
  private nextSession = 1;
  private nextThread = 1;
  private stopping = false;
  private watchdog: NodeJS.Timeout | undefined;

  constructor(private readonly options: RenderPoolOptions) {}

  /** Starts the threads; resolves once each has loaded the UI, rejects (saying why) if one cannot start. */
  start(): Promise<void> {
    const count = Math.max(1, Math.floor(this.options.threads));
    const started = Array.from({ length: count }, () => this.spawn());
    const { everyMs, stallMs } = this.options.watchdog ?? WATCHDOG;
    this.watchdog = setInterval(() => this.check(stallMs), everyMs);
    this.watchdog.unref();
    return Promise.all(started).then(() => undefined);
  }

  /** Asks every working thread whether it still answers, and ends one that has been silent too long. */
  private check(stallMs: number): void {
    const now = Date.now();
    for (const thread of this.threads) {
      if (!thread.ready || thread.stopped) continue;
      if (now - thread.heardAt > stallMs) {
        thread.error = `it stopped answering for ${Math.round((now - thread.heardAt) / 1000)} s`;
        this.options.log('render-thread-stalled', { thread: thread.number, sessions: thread.sessions.size });
        thread.worker.terminate().catch(() => {});
      } else thread.post({ t: 'ping' });
    }
  }

  /** The threads' workers, in order (tests stop one to see what happens). */
  get workers(): Worker[] {
    return this.threads.map((t) => t.worker);
  }

  /** Sessions per thread, in the order of `workers`. */
  get load(): number[] {
    return this.threads.map((t) => t.sessions.size);
  }

  private spawn(): Promise<void> {
    const thread = new RenderThread(this.nextThread++, this.options);
    this.threads.push(thread);
    return new Promise<void>((resolve, reject) => {
      thread.worker.on('message', (m: FromRender) => {
        thread.heardAt = Date.now();
        if (m.t === 'pong') return;
        if (m.t === 'ready') {
          thread.ready = true;
          resolve();
          return;
        }
        if (m.t === 'error') {
          this.options.log('render-thread-error', { thread: thread.number, error: m.error });
          return;
        }
        thread.sessions.get(m.id)?.receive(m);
      });
      thread.worker.on('error', (error) => {
        thread.error = error instanceof Error ? error.message : String(error);
      });
      thread.worker.on('exit', (code) => {
        const why = thread.error ?? `it exited with status ${code}`;
        const wasReady = thread.ready;
        thread.stopped = true;
        const at = this.threads.indexOf(thread);
        if (at >= 0) this.threads.splice(at, 1);
        for (const session of [...thread.sessions.values()]) session.lost(why);
        thread.sessions.clear();
        if (!wasReady) reject(new Error(why));
        if (this.stopping) return;
        this.options.log('render-thread-stopped', { thread: thread.number, error: why });
        // A thread that was working is replaced at once; one that could not even start, after a pause.
        if (wasReady) this.spawn().catch(() => {});
        else setTimeout(() => this.spawn().catch(() => {}), 1000).unref();
      });
    });
  }

  /** Starts one learner's app in the thread with the fewest sessions. */
  open(params: SessionParams, events: RemoteEvents): RemoteApp {
    let thread: RenderThread | undefined;
    for (const t of this.threads) if (!thread || t.sessions.size < thread.sessions.size) thread = t;
    if (!thread || this.stopping) throw new Error('no render thread is running');
    const app = new RemoteApp(thread, this.nextSession++, events);
    thread.sessions.set(app.id, app);
    thread.post({ t: 'open', id: app.id, ...params });
    return app;
  }

  /** Stops every thread (the sessions were ended first). */
  async stop(timeoutMs = 1000): Promise<void> {
    this.stopping = true;
    clearInterval(this.watchdog);
    const threads = [...this.threads];
    await Promise.race([
      Promise.all(threads.map((t) => t.worker.terminate().catch(() => {}))),
      new Promise((r) => setTimeout(r, timeoutMs).unref()),
    ]);
  }
}

/** One learner's app in a render thread. */
export class RemoteApp {
  private closing: ((closed: ClosedApp | undefined) => void) | undefined;
  private done = false;

  constructor(
    private readonly thread: RenderThread,
    readonly id: number,
    private readonly events: RemoteEvents,
  ) {}

  /** Bytes from the learner's channel (copied: the channel's buffer may be part of a larger one). */
  keys(data: Buffer): void {
    if (this.done) return;
    const copy = new Uint8Array(data);
    this.thread.post({ t: 'keys', id: this.id, data: copy }, [copy.buffer]);
  }

  resize(cols: number, rows: number): void {
    if (!this.done) this.thread.post({ t: 'resize', id: this.id, cols, rows });
  }

  /**
   * Ends the app: its thread unmounts it and saves its last progress. Resolves with what the thread reports, or
   * undefined if the thread is gone or does not answer within `timeoutMs`.
   */
  close(timeoutMs = 1000): Promise<ClosedApp | undefined> {
    if (this.done || this.thread.stopped) {
      this.forget();
      return Promise.resolve(undefined);
    }
    this.done = true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      const finish = (closed: ClosedApp | undefined) => {
        clearTimeout(timer);
        this.closing = undefined;
        this.forget();
        resolve(closed);
      };
      this.closing = finish;
      this.thread.post({ t: 'close', id: this.id });
    });
  }

  private forget(): void {
    this.done = true;
    this.thread.sessions.delete(this.id);
  }

  /** A message from the thread about this app. */
  receive(m: Exclude<FromRender, { t: 'ready' } | { t: 'error' } | { t: 'pong' }>): void {
    if (m.t === 'closed') {
      this.closing?.({ ...(m.progress ? { progress: m.progress } : {}), ...(m.error ? { error: m.error } : {}) });
      return;
    }
    if (this.done) return;
    switch (m.t) {
      case 'out':
        this.events.out(m.text);
        break;
      case 'progress':
        this.events.progress(m.progress, m.unsaved);
        break;
      case 'saved':
        this.events.saved(m.progress, m.unsaved, m.error);
        break;
      case 'dropped':
        this.events.dropped(m.count);
        break;
      case 'exit':
        this.events.exit();
        break;
      case 'crash':
        this.events.crash(m.error);
        break;
    }
  }

  /** The thread stopped. */
  lost(why: string): void {
    if (this.closing) {
      this.closing(undefined);
      return;
    }
    if (this.done) return;
    this.done = true;
    this.events.gone(why);
  }
}
