// The server's host key: generated once (Ed25519), kept with owner-only
// permissions, and reused after a restart, so learners' ssh sees the same
// fingerprint every time and never warns of a changed key.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Ssh2Module } from './ssh2.js';

export interface HostKey {
  /** The private key, in OpenSSH format. */
  privateKey: string;
  /** `SHA256:…`, as ssh prints it. */
  fingerprint: string;
  /** The public key line (`ssh-ed25519 AAAA…`), for a known_hosts file. */
  publicLine: string;
  created: boolean;
}

/** A host key that cannot be used; the message says what to do. */
export class HostKeyError extends Error {}

/**
 * A new key pair that ssh2 can read back. ssh2 writes an OpenSSH private key that its own parser now and then
 * rejects ("Malformed OpenSSH private key", or public key; seen for about one Ed25519 key in 600): such a pair is drawn again,
 * so the server never keeps a host key it cannot load (and tests never start with one).
 */
export function readableKeyPair(
  ssh2: Ssh2Module,
  generate: () => { private: string; public: string } = () => ssh2.utils.generateKeyPairSync('ed25519'),
): { private: string; public: string } {
  for (let attempt = 1; ; attempt++) {
    const pair = generate();
    const readable = [pair.private, pair.public].every((text) => !(ssh2.utils.parseKey(text) instanceof Error));
    if (readable || attempt >= 50) return pair;
  }
}

export function fingerprintOf(publicBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicBlob).digest('base64').replace(/=+$/, '')}`;
}

export function loadOrCreateHostKey(path: string, ssh2: Ssh2Module): HostKey {
  let text: string | undefined;
  let created = false;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new HostKeyError(`--host-key ${path} is not a file`);
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      throw new HostKeyError(
        `the host key ${path} can be read by other users (mode ${(stat.mode & 0o777).toString(8)}); run \`chmod 600 ${path}\``,
      );
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof HostKeyError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new HostKeyError(`cannot read the host key ${path}: ${(error as Error).message}`);
    }
  }
  if (text === undefined) {
    const pair = readableKeyPair(ssh2);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    let fd: number;
    try {
      // Created exclusively and owner-only from the start: there is no moment when others could read it.
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateHostKey(path, ssh2);
      throw new HostKeyError(`cannot write the host key ${path}: ${(error as Error).message}`);
    }
    try {
      writeSync(fd, pair.private);
    } finally {
      closeSync(fd);
    }
    writeFileSync(`${path}.pub`, `${pair.public.trim()} nettutor-workshop\n`, { mode: 0o644 });
    text = pair.private;
    created = true;
  }
  const parsed = ssh2.utils.parseKey(text);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error || !key.isPrivateKey()) {
    throw new HostKeyError(`the host key ${path} is not a private key nettutor can read`);
  }
  const blob = key.getPublicSSH();
  return {
    privateKey: text,
    fingerprint: fingerprintOf(blob),
    publicLine: `${key.type} ${blob.toString('base64')}`,
    created,
  };
}
