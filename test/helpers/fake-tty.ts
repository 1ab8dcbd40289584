// A terminal's stdin and stdout as plain objects, for running the app through
// its real entry point (src/ui/render-app.tsx) and seeing it exit.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeTtyIn extends EventEmitter {
  isTTY = true;
  private readonly queue: string[] = [];
  setEncoding() {}
  setRawMode() {
    return this;
  }
  ref() {}
  unref() {}
  resume() {}
  pause() {}
  read = () => this.queue.shift() ?? null;
  press(...keys: string[]) {
    for (const key of keys) {
      this.queue.push(key);
      this.emit('readable');
    }
  }
}

export class FakeTtyOut extends EventEmitter {
  isTTY = true;
  /** Everything written, escape sequences included. */
  output = '';
  constructor(
    public columns = 80,
    public rows = 24,
  ) {
    super();
  }
  write(s: string | Uint8Array, callback?: () => void) {
    this.output += String(s);
    callback?.();
    return true;
  }
  /** Waits until the output written after `from` (an earlier output.length) contains `text`. */
  async waitFor(text: string, from = 0, timeout = 3000) {
    await vi.waitFor(
      () => {
        if (!this.output.slice(from).includes(text)) throw new Error(`never written: ${text}`);
      },
      { timeout, interval: 10 },
    );
  }
}
