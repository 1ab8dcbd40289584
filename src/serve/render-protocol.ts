// What the workshop server's main thread and its render threads say to each
// other (render-pool.ts on the main side, render-thread.ts in each worker).
// The main thread keeps SSH, logins, timers and the learner registry; a render
// thread runs learners' apps: their input, their Ink, their frames (only the
// rows that changed), and their progress saves. Every message names the
// session it is about; a thread runs many sessions.
import type { LocalText } from '../core/i18n/localize.js';
import type { Lesson } from '../core/lessons/types.js';
import type { Progress } from '../core/progress/types.js';
import type { InputLimits } from './channel-io.js';

/** Given to each render thread when it starts. */
export interface RenderThreadData {
  /** The lessons the server serves (the same for every thread, loaded once by the main thread). */
  lessons: Lesson[];
  /** Tests only: a module whose default export wraps the render function (to make an app fail on purpose). */
  renderWrapper?: string;
}

/** Everything a render thread needs to start one learner's app. */
export interface OpenSession {
  t: 'open';
  id: number;
  /** The learner's progress file: the thread saves to it, with the same locked, merged writes. */
  progressFile: string;
  progress: Progress;
  notices: LocalText[];
  /** When the session starts (ISO 8601). */
  now: string;
  seed: number;
  locale: string;
  color: boolean;
  ascii: boolean;
  screenReader: boolean;
  cols: number;
  rows: number;
  input: InputLimits;
}

/** Main thread → render thread. */
export type ToRender =
  | OpenSession
  /** Bytes the learner typed, as the channel gave them. */
  | { t: 'keys'; id: number; data: Uint8Array }
  /** The window's size (also sent unchanged when the whole screen must be drawn again). */
  | { t: 'resize'; id: number; cols: number; rows: number }
  /** The session is over: the app is unmounted, its progress saved; answered by `closed`. */
  | { t: 'close'; id: number }
  /** Is the thread still answering? Answered by `pong` (see the pool's watchdog). */
  | { t: 'ping' };

/** Render thread → main thread. */
export type FromRender =
  /** The thread has loaded the UI and takes sessions. */
  | { t: 'ready' }
  /** What the app drew in one turn of the thread's event loop, for the learner's terminal. */
  | { t: 'out'; id: number; text: string }
  /** The app's progress changed; `unsaved`: not yet written to the file. */
  | { t: 'progress'; id: number; progress: Progress; unsaved: boolean }
  /** The app saved its progress (`error`: it could not, and why). */
  | { t: 'saved'; id: number; progress: Progress; unsaved: boolean; error?: string }
  /** Input characters dropped so far (the learner typed faster than the app could take). */
  | { t: 'dropped'; id: number; count: number }
  /** The learner quit the app. */
  | { t: 'exit'; id: number }
  /** The session's code threw (its input, render, timer or promise): the message only, never a stack. */
  | { t: 'crash'; id: number; error: string }
  /** Answer to `close`: the session is gone; `error` if its last save failed. */
  | { t: 'closed'; id: number; progress?: Progress; error?: string }
  /** Something failed in the thread outside any session. */
  | { t: 'error'; error: string }
  /** Answer to `ping`: the thread's event loop turns. */
  | { t: 'pong' };
