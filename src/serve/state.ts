// Every learner's progress, kept in the server's state folder:
//   <state-dir>/learners/<id>/progress.json   the same file, and the same atomic merged writes, as a local tutorial
//   <state-dir>/learners/<id>/learner.json    who that is: nickname, how they log in, first and last seen
// The id is made from the login, never taken from it: `<kind>-<letters of the
// nickname>-<hash of the whole login>`, so two logins never share a folder and
// no nickname (`../x`, `/etc`, a thousand characters) can name a path.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from '../core/i18n/localize.js';
import type { Lesson } from '../core/lessons/types.js';
import { lessonRecord } from '../core/progress/records.js';
import { lessonScore, lessonStatus, solvedCount } from '../core/progress/score.js';
import type { Progress } from '../core/progress/types.js';
import { type ProgressStore, openProgressStore } from '../node/progress-store.js';
import { nicknameKey, safeText, slug } from './text.js';

/** How a learner logged in: the kind of login and what identifies them in it. */
export interface Login {
  kind: 'passphrase' | 'open' | 'key';
  /** As given (a username or nickname); shown only through safeText. */
  nickname: string;
  /** For a key login, the key's fingerprint: the key is the identity. */
  fingerprint?: string;
}

export interface LearnerRecord {
  id: string;
  nickname: string;
  kind: Login['kind'];
  fingerprint?: string;
  firstSeen: string;
  lastSeen: string;
}

/** The folder name of a login's learner. */
export function learnerId(login: Login): string {
  const who = login.kind === 'key' ? (login.fingerprint ?? '') : nicknameKey(login.nickname);
  const hash = createHash('sha256').update(`${login.kind}\0${who}`).digest('hex').slice(0, 16);
  return `${login.kind}-${slug(login.nickname) || 'learner'}-${hash}`;
}

export class LearnerStore {
  readonly dir: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'learners');
  }

  /** Creates the folders (owner-only). */
  prepare(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  /** The learner's progress store, their record updated (created the first time). */
  open(login: Login, now: string): { id: string; store: ProgressStore; record: LearnerRecord } {
    const id = learnerId(login);
    const folder = join(this.dir, id);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const old = this.readRecord(id);
    const record: LearnerRecord = {
      id,
      nickname: login.nickname.normalize('NFC').trim(),
      kind: login.kind,
      ...(login.fingerprint ? { fingerprint: login.fingerprint } : {}),
      firstSeen: old?.firstSeen ?? now,
      lastSeen: now,
    };
    this.writeRecord(record);
    return { id, store: openProgressStore(join(folder, 'progress.json')), record };
  }

  touch(record: LearnerRecord, now: string): void {
    this.writeRecord({ ...record, lastSeen: now });
  }

  private readRecord(id: string): LearnerRecord | undefined {
    try {
      const r = JSON.parse(readFileSync(join(this.dir, id, 'learner.json'), 'utf8')) as LearnerRecord;
      return typeof r.nickname === 'string' && typeof r.firstSeen === 'string' ? { ...r, id } : undefined;
    } catch {
      return undefined;
    }
  }

  private writeRecord(record: LearnerRecord): void {
    const file = join(this.dir, record.id, 'learner.json');
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
      renameSync(tmp, file);
    } catch {
      rmSync(tmp, { force: true });
    }
  }

  /** Every learner ever seen, with their progress as saved. */
  list(): Array<{ record: LearnerRecord; progress: Progress }> {
    let ids: string[];
    try {
      ids = readdirSync(this.dir);
    } catch {
      return [];
    }
    const out: Array<{ record: LearnerRecord; progress: Progress }> = [];
    for (const id of ids.sort()) {
      const record = this.readRecord(id);
      if (!record) continue;
      const { progress } = openProgressStore(join(this.dir, id, 'progress.json')).load();
      out.push({ record, progress });
    }
    return out;
  }
}

/** One learner's standing in one lesson. */
export interface ScoreRow {
  nickname: string;
  login: Login['kind'];
  learner: string;
  lesson: string;
  title: string;
  status: string;
  score: number;
  solved: number;
  of: number;
  lastSeen: string;
}

export function scoreRows(
  learners: Array<{ record: LearnerRecord; progress: Progress }>,
  lessons: Lesson[],
): ScoreRow[] {
  const rows: ScoreRow[] = [];
  for (const { record, progress } of learners) {
    for (const lesson of lessons) {
      const r = lessonRecord(progress, lesson.id);
      const { solved, of } = solvedCount(lesson, r);
      const status = lessonStatus(lesson, r);
      rows.push({
        nickname: safeText(record.nickname, 64),
        login: record.kind,
        learner: record.id,
        lesson: lesson.id,
        title: text(lesson.title, 'en'),
        status,
        score: status === 'not-started' ? 0 : Math.round(lessonScore(lesson, r) * 100) / 100,
        solved,
        of,
        lastSeen: record.lastSeen,
      });
    }
  }
  return rows;
}

const CSV_COLUMNS: Array<keyof ScoreRow> = [
  'nickname',
  'login',
  'learner',
  'lesson',
  'title',
  'status',
  'score',
  'solved',
  'of',
  'lastSeen',
];

/** A CSV field: quoted when needed, and never read as a formula by a spreadsheet (`=`, `+`, `-`, `@` first). */
function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function scoresCsv(rows: ScoreRow[]): string {
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(','))]
    .map((l) => `${l}\r\n`)
    .join('');
}

export function scoresJson(rows: ScoreRow[], exportedAt: string): string {
  return `${JSON.stringify({ exportedAt, rows }, null, 2)}\n`;
}

/** Writes both exports into the state folder; returns their paths. */
export function writeExports(stateDir: string, rows: ScoreRow[], now: Date): { csv: string; json: string } {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const csv = join(stateDir, `scores-${stamp}.csv`);
  const json = join(stateDir, `scores-${stamp}.json`);
  writeFileSync(csv, scoresCsv(rows), { mode: 0o600 });
  writeFileSync(json, scoresJson(rows, now.toISOString()), { mode: 0o600 });
  return { csv, json };
}
