// What ssh2 does not enforce by itself: connections that never log in, caps,
// per-address budgets, one session per connection, a pty shell and nothing
// else, idle and length timers, and a learner flooding input.
import { type Socket, connect } from 'node:net';
import * as ssh2 from 'ssh2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/serve/limits.js';
import { KEY, Learner, PASSPHRASE, workshopFixtures } from '../helpers/ssh.js';

const sockets: Socket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.destroy();
});
const { server, learner, track } = workshopFixtures();
function loggedIn(port: number, options: ConstructorParameters<typeof Learner>[1] = {}) {
  return track(new Learner(port, { password: PASSPHRASE, ...options })).connect();
}

/** A TCP connection that says nothing; resolves when the server closes it. */
function silent(port: number): { socket: Socket; closed: Promise<number> } {
  const started = Date.now();
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  socket.resume(); // read what the server says, so its close is seen
  sockets.push(socket);
  return { socket, closed: new Promise((r) => socket.on('close', () => r(Date.now() - started))) };
}
const opened = (s: Socket) => new Promise((r) => s.once('connect', r));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('before login', () => {
  it('closes a connection that never speaks SSH once the login grace time is over', async () => {
    const s = await server({ limits: { loginGraceMs: 300 } });
    const { closed } = silent(s.port);
    expect(await closed).toBeGreaterThanOrEqual(250);
    expect(s.counts.graceExpired).toBe(1);
  });

  it('refuses connections beyond the cap of connections still logging in, and takes them again once one goes', async () => {
    const s = await server({ limits: { maxUnauthenticated: 3 } });
    const waiting = [silent(s.port), silent(s.port), silent(s.port)];
    await Promise.all(waiting.map((w) => opened(w.socket)));
    await vi.waitFor(() => expect(s.connections).toBe(3));
    const extra = silent(s.port);
    await extra.closed;
    expect(s.counts.refusedBusy).toBe(1);
    waiting[0]!.socket.destroy();
    await vi.waitFor(() => expect(s.connections).toBe(2));
    await loggedIn(s.port);
  });

  it('limits new connections per address, with a budget a room behind one NAT fits in', async () => {
    const s = await server({ limits: { connectBurst: 4, connectPerSecond: 0.01 } });
    const ok = [silent(s.port), silent(s.port), silent(s.port), silent(s.port)];
    await Promise.all(ok.map((w) => opened(w.socket)));
    await silent(s.port).closed;
    expect(s.counts.refusedRate).toBe(1);
    // The defaults: 60 learners (the default cap) connecting at once from one address, each failing a login
    // twice, are all let in.
    expect(DEFAULT_LIMITS.connectBurst).toBeGreaterThanOrEqual(60 * 2);
    expect(DEFAULT_LIMITS.failBurst).toBeGreaterThanOrEqual(60 * 2);
    expect(DEFAULT_LIMITS.maxUnauthenticated).toBeGreaterThanOrEqual(60);
    const room = await server();
    const sixty = Array.from({ length: 60 }, () => silent(room.port));
    await Promise.all(sixty.map((w) => opened(w.socket)));
    await vi.waitFor(() => expect(room.connections).toBe(60));
    expect(room.counts.refusedRate + room.counts.refusedBusy).toBe(0);
  });

  it('turns Nagle off on every accepted socket', async () => {
    const s = await server();
    const calls: boolean[] = [];
    const original = (await import('node:net')).Socket.prototype.setNoDelay;
    const spy = vi.spyOn((await import('node:net')).Socket.prototype, 'setNoDelay').mockImplementation(function (
      this: Socket,
      on?: boolean,
    ) {
      calls.push(on ?? true);
      return original.call(this, on);
    });
    try {
      await loggedIn(s.port);
    } finally {
      spy.mockRestore();
    }
    // The server's side of the connection (the client's side is ssh2's own business).
    expect(calls).toContain(true);
  });
});

describe('after login', () => {
  it('refuses a learner beyond the cap with a message and exit status 1', async () => {
    const s = await server({ maxLearners: 1 });
    const first = await learner(s.port);
    await first.waitFor('Enter open');
    const second = await learner(s.port, { username: 'bob' });
    await second.waitClosed();
    expect(second.exitCode).toBe(1);
    expect(second.stderr).toMatch(/workshop is full \(1 learners\)/);
    expect(s.counts.refusedFull).toBe(1);
  });

  it('allows one session per connection', async () => {
    const s = await server();
    const l = await learner(s.port);
    await l.waitFor('Enter open');
    await expect(
      new Promise((resolve, reject) =>
        l.client.shell({ cols: 80, rows: 24 }, (error, ch) => (error ? reject(error) : resolve(ch))),
      ),
    ).rejects.toThrow();
    await l.press(KEY.down);
    await l.waitFor('Enter open');
  });

  it('refuses a shell without a pty: a message and exit status 1', async () => {
    const s = await server();
    const l = await learner(s.port, { pty: false });
    await l.waitClosed();
    expect(l.exitCode).toBe(1);
    expect(l.stderr).toMatch(/needs a terminal/);
  });

  it('refuses commands (exec), sftp and port forwarding', async () => {
    const s = await server();
    const a = await loggedIn(s.port);
    const exec = await new Promise<{ code: number; err: string }>((resolve, reject) =>
      a.client.exec('cat /etc/passwd', (error, ch) => {
        if (error) return reject(error);
        let err = '';
        ch.stderr.on('data', (d: Buffer) => {
          err += d;
        });
        let code = -1;
        ch.on('exit', (c: number) => {
          code = c;
        });
        ch.on('close', () => resolve({ code, err }));
        ch.resume();
      }),
    );
    expect(exec.code).toBe(1);
    expect(exec.err).toMatch(/tutorial only/);

    const b = await loggedIn(s.port);
    await expect(new Promise((res, rej) => b.client.sftp((e, sftp) => (e ? rej(e) : res(sftp))))).rejects.toThrow();
    const c = await loggedIn(s.port);
    await expect(
      new Promise((res, rej) =>
        c.client.forwardOut('127.0.0.1', 1, '127.0.0.1', s.port, (e, ch) => (e ? rej(e) : res(ch))),
      ),
    ).rejects.toThrow(/prohibited|refused|failure/i);
    await expect(
      new Promise((res, rej) => c.client.forwardIn('127.0.0.1', 0, (e, port) => (e ? rej(e) : res(port)))),
    ).rejects.toThrow();
    expect(s.logs.filter((l) => l.startsWith('refused')).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses agent forwarding', async () => {
    const s = await server();
    class NoAgent extends ssh2.BaseAgent {
      getIdentities(cb: (error: Error | null, keys?: ssh2.ParsedKey[]) => void) {
        cb(null, []);
      }
      sign(_k: unknown, _d: Buffer, _o: unknown, cb?: ssh2.SignCallback) {
        cb?.(new Error('no'));
      }
    }
    const client = new ssh2.Client();
    client.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      client.once('ready', () => resolve());
      client.once('error', reject);
      client.connect({
        host: '127.0.0.1',
        port: s.port,
        username: 'alice',
        agent: new NoAgent() as unknown as ssh2.BaseAgent,
        agentForward: true,
        authHandler: [{ type: 'password', username: 'alice', password: PASSPHRASE } as ssh2.PasswordAuthMethod],
      });
    });
    await expect(
      new Promise((res, rej) => client.shell({ cols: 80, rows: 24 }, (e, ch) => (e ? rej(e) : res(ch)))),
    ).rejects.toThrow(/agent forwarding/);
    client.end();
    expect(s.logs.some((l) => l.includes('agent forwarding'))).toBe(true);
  });
});

describe('timers', () => {
  it('ends a session idle for --idle, counting keys only (output does not keep it alive)', async () => {
    const s = await server({ idleMs: 1000 });
    const l = await learner(s.port);
    await l.waitFor('Enter open');
    for (let i = 0; i < 8; i++) {
      await l.press(i % 2 ? KEY.up : KEY.down);
      await pause(120);
    }
    expect(l.closed).toBe(false);
    // Window changes make the server draw, but they are not keys.
    const resizing = setInterval(() => l.resize(80 + (Math.random() > 0.5 ? 1 : 0), 24), 100);
    try {
      await l.waitClosed(5000);
    } finally {
      clearInterval(resizing);
    }
    expect(l.exitCode).toBe(0);
    expect(await l.screen()).toMatch(/ended after 1 s without a key pressed/);
    expect(await l.screen()).toMatch(/progress is saved/);
  });

  it('ends a session at --max-session however busy it is', async () => {
    const s = await server({ maxSessionMs: 500 });
    const l = await learner(s.port);
    await l.waitFor('Enter open');
    const typing = setInterval(() => l.channel.writable && l.channel.write(KEY.down), 50);
    try {
      await l.waitClosed(3000);
    } finally {
      clearInterval(typing);
    }
    expect(await l.screen()).toMatch(/longest length \(500 ms\)/);
  });
});

describe('a learner flooding input', () => {
  it.each([
    ['in the server’s own thread', 0],
    ['in a render thread shared with the other learner', 1],
  ])(
    'is served a bounded slice at a time, the rest dropped, and does not hold up another learner (%s)',
    async (_, workers) => {
      const s = await server({ workers });
      const flooder = await learner(s.port, { username: 'flood' });
      const other = await learner(s.port, { username: 'calm' });
      await flooder.waitFor('Enter open');
      await other.waitFor('Enter open');
      let flooding = true;
      const chunk = 'jk'.repeat(16 * 1024);
      const flood = async () => {
        while (flooding && flooder.channel.writable) {
          if (!flooder.channel.write(chunk)) await new Promise((r) => flooder.channel.once('drain', r));
          await new Promise((r) => setImmediate(r));
        }
      };
      const running = flood();
      try {
        await pause(300);
        await other.press(KEY.down, KEY.enter);
        await other.waitFor('page 1/', 3000);
        await other.press('n');
        await other.waitFor('page 2/', 3000);
      } finally {
        flooding = false;
        await running;
      }
      const session = [...s.learners].find((l) => l.nickname === 'flood')!;
      expect(session.droppedInput).toBeGreaterThan(0);
      expect(flooder.closed).toBe(false);
    },
  );
});
