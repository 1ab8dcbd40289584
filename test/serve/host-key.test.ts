// A key pair ssh2 cannot read back is drawn again: ssh2 now and then writes an
// OpenSSH key its own parser rejects, and a server must never keep such a host key.
import * as ssh2 from 'ssh2';
import { describe, expect, it, vi } from 'vitest';
import { readableKeyPair } from '../../src/serve/host-key.js';
import { ssh2Module } from '../helpers/ssh.js';

describe('readableKeyPair', () => {
  it('draws again when ssh2 cannot parse the private or the public key, and returns a pair it can', () => {
    const good = ssh2.utils.generateKeyPairSync('ed25519');
    const malformed = {
      private: '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n',
      public: good.public,
    };
    const badPublic = { private: good.private, public: 'ssh-ed25519 AAAA' };
    const generate = vi.fn().mockReturnValueOnce(malformed).mockReturnValueOnce(badPublic).mockReturnValueOnce(good);
    expect(readableKeyPair(ssh2Module, generate)).toBe(good);
    expect(generate).toHaveBeenCalledTimes(3);
    expect(ssh2.utils.parseKey(malformed.private)).toBeInstanceOf(Error);
    expect(ssh2.utils.parseKey(badPublic.public)).toBeInstanceOf(Error);
  });

  it('draws an Ed25519 pair by default', () => {
    const pair = readableKeyPair(ssh2Module);
    const key = ssh2.utils.parseKey(pair.private);
    expect(key).not.toBeInstanceOf(Error);
    expect((Array.isArray(key) ? key[0] : key)!.type).toBe('ssh-ed25519');
  });
});
