// A render thread of the workshop server (a worker_threads worker; see
// render-protocol.ts): it runs learners' apps, each as it would run in the
// server's own thread — its input through an InputPump into a SessionInput,
// Ink drawing into a ScreenOutput that keeps only the rows that changed —
// except that the terminal is the main thread, at the other end of a message
// port. Progress is saved here, to the learner's file, so that a failed save
// is shown by the app as it happens.
//
// Each session's code runs in its own async context (failureScope): an
// exception in its input, render, timers or promises ends that session alone;
// the thread and its other sessions go on.
import { EventEmitter } from 'node:events';
import { type MessagePort, parentPort, threadId, workerData } from 'node:worker_threads';
import type { LocalText } from '../core/i18n/localize.js';
import type { Lesson } from '../core/lessons/types.js';
import { emptyProgress } from '../core/progress/merge.js';
import type { Progress } from '../core/progress/types.js';
import { type ProgressStore, openProgressStore } from '../node/progress-store.js';
import { ScreenOutput, type TerminalLike } from '../node/screen-output.js';
import { DEFAULT_INPUT_LIMITS, InputPump, SessionInput } from './channel-io.js';
import type { FromRender, OpenSession, RenderThreadData, ToRender } from './render-protocol.js';
import { type App, type FailureOwner, type RenderApp, failureScope, mountLearnerApp } from './session.js';
import { SessionLine } from './session-line.js';

export { SessionLine, type StartedSession } from './session-line.js';

/** The learner's terminal as a render thread sees it: its size, and writes sent to the main thread, once per turn. */
export class PortTerminal extends EventEmitter implements TerminalLike {
  readonly isTTY = true;
  private pending = '';
  private closed = false;

  constructor(
    private readonly send: (text: string) => void,
    public columns: number,
    public rows: number,
  ) {
    super();
  }

  write(text: string): boolean {
    if (this.closed) return false;
    if (this.pending === '') queueMicrotask(this.flush);
    this.pending += text;
    return true;
  }

  private readonly flush = () => {
    const text = this.pending;
    this.pending = '';
    if (!this.closed && text !== '') this.send(text);
  };

  /** A window-change, or the main thread dropped frames: either way the next frame is drawn whole. */
  resize(cols: number, rows: number): void {
    this.columns = cols;
    this.rows = rows;
    this.emit('resize');
  }

  /** Nothing more is sent (what this turn wrote is dropped: the main thread restores the screen itself). */
  close(): void {
    this.closed = true;
    this.pending = '';
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

class RenderedSession implements FailureOwner {
  private readonly terminal: PortTerminal;
  private readonly input = new SessionInput();
  private readonly pump: InputPump;
  private readonly screen: ScreenOutput;
  private readonly store: ProgressStore;
  private app: App | undefined;
  private current: Progress;
  private saved: Progress;
  private crashed = false;
  private torn = false;

  constructor(
    private readonly port: Pick<MessagePort, 'postMessage'>,
    private readonly open: OpenSession,
    private readonly lessons: Lesson[],
    private readonly render: RenderApp,
  ) {
    this.id = open.id;
    this.current = open.progress;
    this.saved = open.progress;
    this.store = openProgressStore(open.progressFile, { thread: threadId });
    this.terminal = new PortTerminal((text) => this.post({ t: 'out', id: this.id, text }), open.cols, open.rows);
    this.pump = new InputPump((text) => this.guard(() => this.input.push(text)), open.input);
    this.screen = new ScreenOutput(this.terminal);
  }

  readonly id: number;

  private post(m: FromRender): void {
    this.port.postMessage(m);
  }

  /** Runs `fn` as this session's code: what it throws, and what its timers and promises throw later, ends it. */
  guard(fn: () => void): void {
    try {
      failureScope.run(this, fn);
    } catch (error) {
      this.fail(error);
    }
  }

  start(): void {
    const o = this.open;
    this.guard(() => {
      this.app = mountLearnerApp(this.render, {
        lessons: this.lessons,
        now: o.now,
        progress: o.progress,
        notices: o.notices as LocalText[],
        seed: o.seed,
        locale: o.locale,
        color: o.color,
        ascii: o.ascii,
        screenReader: o.screenReader,
        input: this.input,
        screen: this.screen,
        onSave: (p) => this.save(p),
        onProgress: (p) => {
          this.current = p;
          this.post({ t: 'progress', id: this.id, progress: p, unsaved: p !== this.saved });
        },
        onCrash: (error) => this.fail(error),
      });
      this.app.waitUntilExit().then(
        () => {
          if (!this.torn) this.post({ t: 'exit', id: this.id });
        },
        (error) => this.fail(error),
      );
    });
  }

  private save(progress: Progress): string | undefined {
    this.current = progress;
    const result = this.store.save(progress);
    if (result.ok) this.saved = progress;
    this.post({
      t: 'saved',
      id: this.id,
      progress,
      unsaved: this.current !== this.saved,
      ...(result.ok ? {} : { error: result.error }),
    });
    // The learner sees that it failed, not the server's paths.
    return result.ok
      ? undefined
      : 'the workshop server could not save it just now; it will try again at your next answer';
  }

  keys(data: Uint8Array): void {
    if (this.torn) return;
    const before = this.pump.dropped;
    this.pump.feed(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    if (this.pump.dropped !== before) this.post({ t: 'dropped', id: this.id, count: this.pump.dropped });
  }

  resize(cols: number, rows: number): void {
    if (this.torn) return;
    this.guard(() => this.terminal.resize(cols, rows));
  }

  fail(error: unknown): void {
    if (this.crashed || this.torn) return;
    this.crashed = true;
    this.post({ t: 'crash', id: this.id, error: message(error) });
    this.teardown();
  }

  /** The app stops: nothing more is drawn or read. */
  private teardown(): void {
    if (this.torn) return;
    this.torn = true;
    this.pump.stop();
    this.terminal.close();
    try {
      this.app?.unmount();
    } catch {
      // Ink may already be unmounting (a quit, or the app failed while drawing).
    }
  }

  /** The app stops, and nothing is saved (the warm-up). */
  discard(): void {
    this.teardown();
  }

  /** The end of the session: the app unmounted, its last progress saved. */
  close(): void {
    this.teardown();
    let error: string | undefined;
    if (this.current !== this.saved) {
      // Changed since the last save, or the last save failed: written now.
      const result = this.store.save(this.current);
      if (result.ok) this.saved = this.current;
      else error = result.error;
    }
    this.post({ t: 'closed', id: this.id, progress: this.current, ...(error ? { error } : {}) });
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Before a thread takes sessions, it draws the lesson list once, off-screen, and moves the highlight down and up:
 * when a whole room arrives at once, the first learners' frames then cost what later ones do (the drawing code
 * compiled by the JIT, Ink's caches filled), not several times more. Nothing is saved or sent.
 */
async function warmUp(lessons: Lesson[], render: RenderApp): Promise<void> {
  const session = new RenderedSession(
    { postMessage: () => {} },
    {
      t: 'open',
      id: 0,
      progressFile: '',
      progress: emptyProgress(),
      notices: [],
      now: new Date().toISOString(),
      seed: 1,
      locale: 'en',
      color: true,
      ascii: false,
      screenReader: false,
      cols: 80,
      rows: 24,
      input: DEFAULT_INPUT_LIMITS,
    },
    lessons,
    render,
  );
  session.start();
  for (const key of ['\u001b[B', '\u001b[A']) {
    await pause(40);
    session.keys(Buffer.from(key));
  }
  await pause(40);
  session.discard();
}

/**
 * The thread's main loop: loads the UI once, warms it up, then takes sessions. Called in a
 * worker started by render-pool.ts, after the environment was set for serving
 * (colours decided per learner, every frame drawn even under CI).
 */
export async function runRenderThread(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('runRenderThread runs in a worker thread');
  const data = workerData as RenderThreadData;
  const ui = await import('../ui/render-app.js');
  let render: RenderApp = ui.renderApp;
  if (data.renderWrapper) {
    const wrapper = (await import(data.renderWrapper)) as { default: (render: RenderApp) => RenderApp };
    render = wrapper.default(render);
  }
  const post = (m: FromRender) => port.postMessage(m);
  // An exception or rejection no one caught ends the session whose code raised it; the thread goes on.
  const onError = (error: unknown) => {
    const owner = failureScope.getStore();
    if (owner) owner.fail(error);
    else post({ t: 'error', error: message(error) });
  };
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  // Only a head start: should it fail, the thread takes sessions all the same.
  await warmUp(data.lessons, render).catch(() => {});
  const line = new SessionLine<RenderedSession>((open) => {
    let session: RenderedSession;
    try {
      session = new RenderedSession(port, open, data.lessons, render);
    } catch (error) {
      post({ t: 'crash', id: open.id, error: message(error) });
      return undefined;
    }
    session.start();
    return session;
  });
  port.on('message', (m: ToRender) => {
    try {
      switch (m.t) {
        case 'open':
          line.open(m);
          break;
        case 'keys':
          line.keys(m.id, m.data);
          break;
        case 'resize':
          line.resize(m.id, m.cols, m.rows);
          break;
        case 'close':
          if (!line.close(m.id)) post({ t: 'closed', id: m.id });
          break;
        case 'ping':
          post({ t: 'pong' });
          break;
      }
    } catch (error) {
      // The thread's own code (a session's code is guarded): said, and the thread goes on.
      post({ t: 'error', error: message(error) });
    }
  });
  post({ t: 'ready' });
}
