// Who gets in: the workshop passphrase (password and keyboard-interactive),
// open logins that ask a nickname, authorized keys with their signatures
// really checked, the instructor's secret; at most 6 failed tries.
import { describe, expect, it } from 'vitest';
import * as ssh2 from 'ssh2';
import { parseAuthorizedKeys } from '../../src/serve/auth.js';
import { readableKeyPair } from '../../src/serve/host-key.js';
import { KEY, Learner, PASSPHRASE, ssh2Module, workshopFixtures } from '../helpers/ssh.js';

const { server, track } = workshopFixtures();

const alice = readableKeyPair(ssh2Module);
const mallory = readableKeyPair(ssh2Module);
const rsa = readableKeyPair(ssh2Module, () => ssh2.utils.generateKeyPairSync('rsa', { bits: 2048 }));

describe('passphrase logins', () => {
  it('let in the passphrase by password or keyboard-interactive, and nothing else', async () => {
    const s = await server();
    await track(new Learner(s.port, { password: PASSPHRASE })).connect();
    await track(new Learner(s.port, { keyboard: PASSPHRASE })).connect();
    await expect(track(new Learner(s.port, { password: 'wrong' })).connect()).rejects.toThrow(
      /authentication methods failed/,
    );
    await expect(track(new Learner(s.port, {})).connect()).rejects.toThrow(/authentication methods failed/);
  });

  it('close a connection after 6 failed tries', async () => {
    const s = await server();
    let tries = 0;
    const l = track(
      new Learner(s.port, {
        authHandler: (_methods, _partial, next) => {
          tries++;
          next({ type: 'password', username: 'alice', password: `guess ${tries}` });
        },
      }),
    );
    await expect(l.connect()).rejects.toThrow();
    expect(tries).toBeLessThanOrEqual(7);
    expect(s.counts.authFailures).toBe(6);
    expect(s.logs.some((line) => line.startsWith('auth-closed'))).toBe(true);
  });
});

describe('open logins', () => {
  it('ask for a nickname on the terminal: only nickname characters are taken', async () => {
    const s = await server({ auth: { mode: 'open' } });
    const l = track(await Learner.open(s.port, { username: '\u001b[31mroot', password: undefined }));
    // The username is not a nickname (an escape character): it is not offered, and never echoed raw.
    await l.waitFor('Nickname: ');
    expect(l.raw).not.toContain('\u001b[31mroot');
    await l.press('\u001b[2J', 'Z', 'o', 'ë', KEY.enter);
    await l.waitFor('Enter open');
    expect(s.snapshot().map((v) => v.nickname)).toEqual(['2JZoë']);
  });

  it('offer the SSH username when it would do, and Enter takes it', async () => {
    const s = await server({ auth: { mode: 'open' } });
    const l = track(await Learner.open(s.port, { username: 'dana', password: undefined }));
    await l.waitFor('Nickname [dana]: ');
    await l.press(KEY.enter);
    await l.waitFor('Enter open');
    expect(s.snapshot()[0]?.nickname).toBe('dana');
  });
});

describe('key logins', () => {
  const file = `${alice.public} alice\n${rsa.public} robin\n`;

  it('let in a key from the authorized-keys file, named by its comment', async () => {
    const { keys, problems } = parseAuthorizedKeys(file, ssh2Module);
    expect(problems).toEqual([]);
    const s = await server({ auth: { mode: 'keys', keys } });
    const l = track(
      await Learner.open(s.port, { username: 'whoever', privateKey: alice.private, password: undefined }),
    );
    await l.waitFor('Enter open');
    expect(s.snapshot()[0]).toMatchObject({ nickname: 'alice', login: 'key' });
    const r = track(await Learner.open(s.port, { username: 'r', privateKey: rsa.private, password: undefined }));
    await r.waitFor('Enter open');
  });

  it('refuse a key that is not in the file', async () => {
    const { keys } = parseAuthorizedKeys(file, ssh2Module);
    const s = await server({ auth: { mode: 'keys', keys } });
    await expect(
      track(new Learner(s.port, { privateKey: mallory.private, password: undefined })).connect(),
    ).rejects.toThrow(/authentication methods failed/);
  });

  it('refuse a listed public key whose signature was made by another private key', async () => {
    const { keys } = parseAuthorizedKeys(file, ssh2Module);
    const s = await server({ auth: { mode: 'keys', keys } });
    // Mallory knows alice's public key (it is public) but not her private key: she signs with her own.
    const forged = ssh2.utils.parseKey(alice.private) as ssh2.ParsedKey;
    const malloryKey = ssh2.utils.parseKey(mallory.private) as ssh2.ParsedKey;
    forged.sign = (data: Buffer | string, algo?: string) => malloryKey.sign(data, algo);
    const l = track(
      new Learner(s.port, {
        password: undefined,
        authHandler: [{ type: 'publickey', username: 'alice', key: forged } as unknown as ssh2.AnyAuthMethod],
      }),
    );
    await expect(l.connect()).rejects.toThrow(/authentication methods failed/);
    expect(s.counts.authFailures).toBeGreaterThanOrEqual(1);
    expect(s.snapshot()).toEqual([]);
  });

  it('report lines of the file that cannot be used', () => {
    const { keys, problems } = parseAuthorizedKeys(
      `# a comment\nfrom="10.0.0.1" ${alice.public}\nssh-ed25519 notbase64\n${alice.public} ok\n`,
      ssh2Module,
    );
    expect(keys).toHaveLength(1);
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
  });
});

describe('the instructor login', () => {
  it('takes the instructor secret, not the workshop passphrase', async () => {
    const s = await server({ auth: { mode: 'passphrase', passphrase: PASSPHRASE, instructorSecret: 'teach' } });
    await expect(
      track(new Learner(s.port, { username: 'instructor', password: PASSPHRASE })).connect(),
    ).rejects.toThrow(/authentication methods failed/);
    await track(new Learner(s.port, { username: 'instructor', password: 'teach' })).connect();
  });

  it('is refused when the server has no instructor secret', async () => {
    const s = await server({ auth: { mode: 'open' } });
    const l = track(await Learner.open(s.port, { username: 'instructor', password: undefined }));
    // Without a secret, `instructor` is an ordinary name: a learner asked for a nickname.
    await l.waitFor('Nickname [instructor]: ');
  });
});
