// The simulation player in a real pseudo-terminal (tmux) at 60×20, as a
// learner steps it: what each event and its segment mean is on screen whole,
// wrapped, never cut with …, and the frame leaves the last row free.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { builtinLessons } from '../helpers/builtin-lessons.js';
import { tcpOf } from '../helpers/tcp-page.js';
import { hasTmux, openLesson } from '../helpers/tmux.js';

// The handshake lesson's first player page, which plays the built-in handshake.
const lesson = builtinLessons.find((l) => l.id === 'three-way-handshake')!;
const playerPage = lesson.pages.findIndex((p) => tcpOf(p)?.scenario === 'handshake');

/** The screen as running text: a sentence wrapped over rows reads whole here. */
const prose = (screen: string) => screen.replace(/\s+/g, ' ');

function fits(screen: string) {
  const rows = screen.replace(/\n$/, '').split('\n');
  expect(rows).toHaveLength(20);
  // Ink's frame is one row shorter than the terminal.
  expect(rows.at(-1)).toBe('');
  for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(60);
  expect(screen).not.toContain('…');
}

describe.skipIf(!hasTmux)('the player in a 60×20 terminal', () => {
  it('shows the selected event, what its segment means and the why of a prediction, whole', async () => {
    const { s } = await openLesson(lesson, { columns: 60, rows: 20, lang: null });
    // The pages before it are text and choice questions: n turns them.
    for (let i = 0; i < playerPage; i++) s.keys('n');
    await s.waitFor('event 0/13');
    s.keys('Right', 'Right', 'Right', 'Right', 'Right');
    let screen = await s.waitFor(/event 5\/13[\s\S]*one sequence\s+number\./);
    fits(screen);
    expect(prose(screen)).toContain('10 ms: the client sends SYN seq=1000 (segment 1) and enters SYN-SENT');
    expect(prose(screen)).toContain(
      "Opens a connection: the SYN carries the client's initial sequence number (1000) and occupies one sequence number.",
    );
    // On to the question before the server's SYN,ACK; a wrong answer stays marked, with the why.
    s.keys('Right', 'Right', 'Right');
    screen = await s.waitFor('? What acknowledgment number');
    fits(screen);
    s.keys('Enter');
    screen = await s.waitFor(/The model's answer: 1001[\s\S]*\(5000\)\./);
    fits(screen);
    expect(screen).toContain('1000  ✗ wrong');
    expect(screen).toContain('1001  ✓ right, not chosen');
    expect(prose(screen)).toContain(
      "Acknowledges the client's SYN (ack = its seq + 1 = 1001) and carries the server's own initial sequence number (5000).",
    );
    s.keys('Right');
    screen = await s.waitFor(/event 8\/13[\s\S]*\(5000\)\./);
    fits(screen);
    expect(prose(screen)).toContain(
      '60 ms: the server sends SYN,ACK seq=5000 ack=1001 (segment 2) and enters SYN-RECEIVED',
    );
    expect(prose(screen)).toContain(
      "Acknowledges the client's SYN (ack = its seq + 1 = 1001) and carries the server's own initial sequence number (5000).",
    );
    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
  });
});
