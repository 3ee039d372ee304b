/** Test support for messages: teams with staff and families, straight in the database, and a loopback SMTP server. */
import { SMTPServer } from 'smtp-server';
import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { TEST_NOW } from '../testing/harness.js';

/** A team of a season with its head coach, assistants and (optionally) players. */
export async function seedTeam(
  db: Db,
  t: { seasonId: string; division: string; name: string; head?: string; assistants?: string[]; players?: string[]; published?: boolean },
): Promise<string> {
  const id = newId();
  const number = Math.floor(Math.random() * 1e6);
  await db
    .insertInto('teams')
    .values({
      id,
      season_id: t.seasonId,
      division: t.division,
      program: 'girls',
      number,
      name: t.name,
      published_at: t.published === false ? null : TEST_NOW,
      created_at: TEST_NOW,
    })
    .execute();
  const staff = [...(t.head ? [{ person_id: t.head, role: 'head-coach' }] : []), ...(t.assistants ?? []).map((p) => ({ person_id: p, role: 'assistant-coach' }))];
  if (staff.length)
    await db
      .insertInto('team_staff')
      .values(staff.map((s) => ({ team_id: id, ...s, added_at: TEST_NOW })))
      .execute();
  if (t.players?.length)
    await db
      .insertInto('team_players')
      .values(t.players.map((p) => ({ team_id: id, player_id: p, season_id: t.seasonId, jersey: null })))
      .execute();
  return id;
}

/** A person without an account (a guardian), with this address. */
export async function seedPerson(db: Db, email: string | null, first = 'Guardian', last = 'Person'): Promise<string> {
  const id = newId();
  await db
    .insertInto('people')
    .values({
      id,
      email,
      first_name: first,
      last_name: last,
      birth_date: null,
      phone: null,
      password_hash: null,
      created_at: TEST_NOW,
      updated_at: TEST_NOW,
      merged_into: null,
      association_id: null,
    })
    .execute();
  return id;
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on loopback: records every mail it accepts, and refuses (550) any recipient
 * `refuse` matches at RCPT TO, counting each refusal, as a mail server does for an unknown mailbox.
 */
export async function startSmtp(refuse: (address: string) => boolean = () => false): Promise<{ url: string; received: ReceivedMail[]; refused: string[]; close(): Promise<void> }> {
  const received: ReceivedMail[] = [];
  const refused: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, done) {
      if (refuse(address.address)) {
        refused.push(address.address);
        const e = new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`) as Error & { responseCode: number };
        e.responseCode = 550;
        return done(e);
      }
      done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, received, refused, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A header of a raw mail (unfolded), or undefined. */
export function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head);
  return m?.[1]?.trim();
}
