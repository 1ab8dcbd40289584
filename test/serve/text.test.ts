// What a client chose (a username, a nickname) never reaches a screen or a log raw.
import { describe, expect, it } from 'vitest';
import { nicknameKey, nicknameProblem, safeText, slug } from '../../src/serve/text.js';

describe('safeText', () => {
  it('writes control characters, escape sequences and bidi controls as visible escapes', () => {
    const hostile = 'eve\u001b[2J\u001b]0;pwned\u0007\r\n\u009b31m\u202egnp.exe\u200b';
    const safe = safeText(hostile, 200);
    expect(safe).toBe('eve\\x1b[2J\\x1b]0;pwned\\x07\\x0d\\x0a\\x9b31m\\u202egnp.exe\\u200b');
    expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u200b]/);
  });

  it('keeps letters of any script, and cuts what is too long', () => {
    expect(safeText('Zoë 李雷')).toBe('Zoë 李雷');
    expect(safeText('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('nicknames', () => {
  it('are one learner whatever the case or surrounding spaces', () => {
    expect(nicknameKey('  Alice ')).toBe(nicknameKey('alice'));
  });

  it('take letters, digits, spaces and . - _ only, up to 32 characters', () => {
    expect(nicknameProblem('Zoë_2')).toBeUndefined();
    expect(nicknameProblem('   ')).toMatch(/at least one/);
    expect(nicknameProblem('../x')).toMatch(/use letters/);
    expect(nicknameProblem('a\u001b[31m')).toMatch(/use letters/);
    expect(nicknameProblem('x'.repeat(33))).toMatch(/at most 32/);
  });

  it('make file-name fragments of ASCII letters and digits only', () => {
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
    expect(slug('Zoë')).toBe('zoe');
    expect(slug('李雷')).toBe('');
  });
});
