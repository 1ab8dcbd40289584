// The instructor's view: every learner connected (nickname, lesson, page,
// solved, score, idle time), updating live, with joins and leaves below. It
// runs in the server's own terminal (`--dashboard`) or in an instructor's SSH
// session (`--instructor-secret-file`), drawn through the same ScreenOutput as
// the tutorial (only changed rows are sent). Everything a learner chose (a
// nickname) is already made safe (safeText) before it gets here.
import { padToWidth, truncateToWidth } from '../core/layout/prose.js';
import { ScreenOutput, type TerminalLike } from '../node/screen-output.js';
import type { LearnerView, LogEntry, WorkshopServer } from './server.js';
import { scoreRows, writeExports } from './state.js';

function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

const COLUMNS: Array<{ title: string; width: number; of: (v: LearnerView) => string }> = [
  { title: 'nickname', width: 18, of: (v) => (v.naming ? `${v.nickname} (naming)` : v.nickname) },
  { title: 'login', width: 11, of: (v) => v.login },
  { title: 'lesson', width: 26, of: (v) => v.lesson || '-' },
  { title: 'page', width: 11, of: (v) => v.page || '-' },
  { title: 'solved', width: 7, of: (v) => `${v.solved}/${v.of}` },
  { title: 'score', width: 6, of: (v) => `${Math.round(v.score * 100)}%` },
  { title: 'idle', width: 8, of: (v) => clock(v.idleMs) },
  { title: 'in for', width: 8, of: (v) => clock(v.connectedMs) },
];

function row(cells: string[], width: number): string {
  const line = cells.map((c, i) => padToWidth(truncateToWidth(c, COLUMNS[i]!.width - 1), COLUMNS[i]!.width)).join('');
  return truncateToWidth(line.trimEnd(), width);
}

/** The dashboard as rows of text, `height` rows at most, none wider than `width`. */
export function dashboardLines(input: {
  views: LearnerView[];
  events: string[];
  header: string;
  /** How learners connect (and the passphrase), under the header. */
  intro: string[];
  status: string;
  keys: string;
  width: number;
  height: number;
  scroll: number;
}): string[] {
  const { width, height } = input;
  const rule = '-'.repeat(Math.max(1, width));
  const views = [...input.views].sort((a, b) => a.nickname.localeCompare(b.nickname));
  const table = [
    row(
      COLUMNS.map((c) => c.title),
      width,
    ),
    ...views.map((v) =>
      row(
        COLUMNS.map((c) => c.of(v)),
        width,
      ),
    ),
  ];
  if (views.length === 0) table.push('(no learner connected yet)');
  const eventRows = Math.min(input.events.length, Math.max(3, Math.floor((height - 6) / 3)));
  const intro = input.intro.slice(0, Math.max(0, height - 12));
  const room = Math.max(1, height - 5 - intro.length - eventRows - (eventRows > 0 ? 1 : 0));
  const scroll = Math.max(0, Math.min(input.scroll, table.length - room));
  const body = table.slice(scroll, scroll + room);
  const lines = [
    truncateToWidth(input.header, width),
    ...intro.map((l) => truncateToWidth(l, width)),
    ...body,
    ...(table.length > room ? [truncateToWidth(`(${table.length - room} more rows: ↑/↓ scroll)`, width)] : []),
    rule,
    ...input.events.slice(-eventRows).map((e) => truncateToWidth(e, width)),
    ...(eventRows > 0 ? [rule] : []),
    truncateToWidth(input.status, width),
    truncateToWidth(input.keys, width),
  ];
  return lines.slice(0, Math.max(1, height - 1));
}

/** Joins and leaves, for the list under the table. */
function eventLine(entry: LogEntry): string | undefined {
  const time = entry.at.slice(11, 19);
  const who = entry.fields.learner ?? entry.fields.user ?? '';
  switch (entry.event) {
    case 'start':
      return `${time}  + ${who} joined`;
    case 'end':
      return `${time}  - ${who} left (${entry.fields.reason})`;
    case 'refused-full':
      return `${time}  ! a learner was refused: the workshop is full`;
    case 'session-error':
      return `${time}  ! ${who}: session failed: ${entry.fields.error}`;
    case 'save-failed':
      return `${time}  ! ${who}: progress not saved: ${entry.fields.error}`;
    case 'auth-closed':
      return `${time}  ! ${entry.fields.ip}: too many failed logins`;
    case 'server-error':
      return `${time}  ! server: ${entry.fields.error}`;
    default:
      return undefined;
  }
}

export interface DashboardOptions {
  server: WorkshopServer;
  terminal: TerminalLike;
  /** How learners connect, shown under the header. */
  intro: string[];
  /** The keys line: what q does differs between the server's terminal and an SSH session. */
  keys: string;
  /** q (after y), or Ctrl+C. */
  onQuit: () => void;
  /** Ask before q quits (the server's own terminal: q stops the server). */
  confirmQuit: boolean;
}

export class Dashboard {
  private readonly screen: ScreenOutput;
  private readonly events: string[] = [];
  private status = '';
  private scroll = 0;
  private confirming = false;
  private readonly timer: NodeJS.Timeout;
  private closed = false;
  private readonly onChange = () => this.draw();

  constructor(private readonly options: DashboardOptions) {
    this.screen = new ScreenOutput(options.terminal);
    this.screen.on('resize', this.onChange);
    options.server.on('change', this.onChange);
    this.timer = setInterval(this.onChange, 1000);
    this.timer.unref();
    this.draw();
  }

  log(entry: LogEntry): void {
    const line = eventLine(entry);
    if (!line) return;
    this.events.push(line);
    if (this.events.length > 200) this.events.splice(0, this.events.length - 200);
    this.draw();
  }

  key(data: string): void {
    if (this.closed) return;
    if (data === '\u0003') {
      this.options.onQuit();
      return;
    }
    if (this.confirming) {
      this.confirming = false;
      this.status = '';
      if (data === 'y' || data === 'Y') {
        this.options.onQuit();
        return;
      }
    } else if (data === 'q') {
      if (!this.options.confirmQuit) {
        this.options.onQuit();
        return;
      }
      this.confirming = true;
      this.status =
        'Stop the workshop server? Every learner is told and their progress saved. y stops, any other key goes on.';
    } else if (data === 'e') {
      this.status = this.export();
    } else if (data === '\u001b[A' || data === 'k') this.scroll = Math.max(0, this.scroll - 1);
    else if (data === '\u001b[B' || data === 'j') this.scroll++;
    this.draw();
  }

  private export(): string {
    try {
      const server = this.options.server;
      const rows = scoreRows(server.store.list(), server.config.lessons);
      const { csv, json } = writeExports(server.config.stateDir, rows, new Date());
      return `Scores written: ${csv} and ${json}`;
    } catch (error) {
      return `Could not write the scores: ${(error as Error).message}`;
    }
  }

  draw(): void {
    if (this.closed) return;
    const server = this.options.server;
    const views = server.snapshot();
    const { port } = server.address() ?? { port: 0 };
    const lines = dashboardLines({
      views,
      events: this.events,
      intro: this.options.intro,
      header: `nettutor workshop: ${views.length} learner${views.length === 1 ? '' : 's'} (at most ${server.config.maxLearners}), port ${port}, ${new Date().toTimeString().slice(0, 8)}`,
      status: this.status,
      keys: this.options.keys,
      width: Math.max(20, this.screen.columns - 1),
      height: this.screen.rows,
      scroll: this.scroll,
    });
    this.screen.write(`\u001b[2J${lines.join('\n')}\n`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.options.server.off('change', this.onChange);
    this.screen.restore();
  }
}

/** `--dashboard`: the view in the server's own terminal; q (confirmed) or Ctrl+C stops the server. */
export function startLocalDashboard(
  server: WorkshopServer,
  intro: string[],
  stop: () => void,
): { log(entry: LogEntry): void; close(): void } {
  const stdin = process.stdin;
  const dashboard = new Dashboard({
    server,
    terminal: process.stdout,
    intro,
    keys: 'q stop the server (asks first) · e write everyone’s scores (CSV and JSON) · ↑/↓ scroll',
    onQuit: stop,
    confirmQuit: true,
  });
  stdin.setRawMode?.(true);
  stdin.setEncoding('utf8');
  const onData = (data: string) => dashboard.key(data);
  stdin.on('data', onData);
  stdin.resume();
  return {
    log: (entry) => dashboard.log(entry),
    close: () => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      dashboard.close();
    },
  };
}
