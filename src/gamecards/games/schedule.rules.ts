import { cellAt, parseDate, requireColumns, rowError, type CsvTable, type RowError } from '../../platform/csv.js';

/** A team as the schedule needs it. */
export interface ScheduleTeam {
  id: string;
  name: string;
  division: string;
  program: string;
  number: number;
}

export interface ScheduleField {
  id: string;
  name: string;
}

/** A game to schedule, already resolved to ids. */
export interface GameDraft {
  date: string;
  time: string;
  fieldId: string;
  homeTeamId: string;
  awayTeamId: string;
}

/** What a game is checked against: the season's teams and dates, the region's fields, games already there. */
export interface ScheduleContext {
  teams: readonly ScheduleTeam[];
  fields: readonly ScheduleField[];
  season: { id: string; name: string; startDate: string; endDate: string };
  /** Games already scheduled (without the one being edited). */
  existing: readonly (GameDraft & { id: string })[];
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads "9:00", "09:30", "14:05", "9:00 AM", "2:30pm" into 24-hour 'HH:MM'. */
export function parseTime(text: string): Parsed<string> {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(text.trim());
  const fail = { ok: false as const, message: `"${text.trim()}" is not a time; write it as 9:30, 14:00 or 2:00 PM.` };
  if (!m || (m[2] === undefined && !m[3])) return fail;
  let h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  const half = m[3]?.[0]?.toLowerCase();
  if (min > 59 || (half ? h < 1 || h > 12 : h > 23)) return fail;
  if (half === 'p' && h < 12) h += 12;
  if (half === 'a' && h === 12) h = 0;
  return { ok: true, value: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` };
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** A team by id, or by name (case and spacing ignored); a name two teams share must be given as an id. */
export function resolveTeam(teams: readonly ScheduleTeam[], text: string, division?: string): Parsed<ScheduleTeam> {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'the team is missing' };
  const byId = teams.find((x) => x.id === t);
  if (byId) return { ok: true, value: byId };
  const named = teams.filter((x) => norm(x.name) === norm(t) && (!division || x.division === division));
  if (named.length === 1) return { ok: true, value: named[0]! };
  if (named.length > 1)
    return {
      ok: false,
      message: `${named.length} teams are called "${t}" (${named.map((x) => `${x.division} ${x.program} #${x.number}: ${x.id}`).join('; ')}); write the team id instead`,
    };
  return { ok: false, message: `there is no team "${t}" this season; write a team's name or id as the team list shows it` };
}

export function resolveField(fields: readonly ScheduleField[], text: string): Parsed<ScheduleField> {
  const f = fields.find((x) => x.id === text.trim() || norm(x.name) === norm(text));
  if (f) return { ok: true, value: f };
  return { ok: false, message: `there is no field "${text.trim()}"; use one of: ${fields.map((x) => x.name).join(', ') || 'none (add fields to the region configuration first)'}` };
}

/**
 * Problems with one game: the same team twice, teams of different divisions or programs, a date
 * outside the season, and a team that already plays that day (in `existing` or earlier in `batch`).
 */
export function gameProblems(g: GameDraft, ctx: ScheduleContext, batch: readonly GameDraft[] = []): string[] {
  const out: string[] = [];
  const home = ctx.teams.find((t) => t.id === g.homeTeamId);
  const away = ctx.teams.find((t) => t.id === g.awayTeamId);
  if (!home || !away) return ['both teams must be teams of this season'];
  if (home.id === away.id) out.push(`${home.name} cannot play itself; choose two different teams`);
  else if (home.division !== away.division || home.program !== away.program) {
    out.push(`${home.name} (${home.division} ${home.program}) and ${away.name} (${away.division} ${away.program}) are not in the same division and program`);
  }
  if (g.date < ctx.season.startDate || g.date > ctx.season.endDate) {
    out.push(`${g.date} is outside ${ctx.season.name} (${ctx.season.startDate} to ${ctx.season.endDate})`);
  }
  const others = [...ctx.existing, ...batch];
  for (const t of home.id === away.id ? [home] : [home, away]) {
    if (others.some((o) => o.date === g.date && (o.homeTeamId === t.id || o.awayTeamId === t.id))) out.push(`${t.name} already plays on ${g.date}`);
  }
  return out;
}

const COLUMNS = {
  date: { label: 'date', required: true },
  time: { label: 'time', aliases: ['kickoff', 'start'], required: true },
  field: { label: 'field', aliases: ['location', 'venue'], required: true },
  home: { label: 'home', aliases: ['home team'], required: true },
  away: { label: 'away', aliases: ['away team', 'visitor', 'visitors'], required: true },
  division: { label: 'division', aliases: ['age group'] },
} as const;

export type ScheduleImport = { ok: true; games: GameDraft[] } | { ok: false; errors: RowError[] };

/**
 * Reads a schedule file (columns date, time, field, home, away; optional division to tell apart
 * teams with the same name). All or nothing: any bad row refuses the whole file, and every bad row
 * is reported with its line number and every reason.
 */
export function readSchedule(table: CsvTable, ctx: ScheduleContext): ScheduleImport {
  const columns = requireColumns(table.header, COLUMNS);
  if (!columns.ok) return { ok: false, errors: [columns.error] };
  const { index } = columns;
  const errors: RowError[] = table.problems.map((p) => rowError(p.row, `Row ${p.row}: ${p.message}`));
  const games: GameDraft[] = [];
  for (const rec of table.records) {
    const cell = (k: keyof typeof COLUMNS) => cellAt(rec, index[k]);
    const division = cell('division') || undefined;
    const date = parseDate(cell('date'));
    const time = parseTime(cell('time'));
    const field = resolveField(ctx.fields, cell('field'));
    const home = resolveTeam(ctx.teams, cell('home'), division);
    const away = resolveTeam(ctx.teams, cell('away'), division);
    const reasons = [
      date.ok ? null : `date: ${date.message}`,
      time.ok ? null : `time: ${time.message}`,
      field.ok ? null : `field: ${field.message}`,
      home.ok ? null : `home: ${home.message}`,
      away.ok ? null : `away: ${away.message}`,
    ]
      .filter((x): x is string => x !== null)
      .map((x) => x.replace(/\.$/, ''));
    if (date.ok && time.ok && field.ok && home.ok && away.ok) {
      const g: GameDraft = { date: date.date, time: time.value, fieldId: field.value.id, homeTeamId: home.value.id, awayTeamId: away.value.id };
      reasons.push(...gameProblems(g, ctx, games));
      if (reasons.length === 0) games.push(g);
    }
    if (reasons.length > 0) errors.push(rowError(rec.row, `Row ${rec.row}: ${reasons.join('; ')}.`));
  }
  if (table.records.length === 0 && errors.length === 0) errors.push(rowError(1, 'The file has a header but no games.'));
  errors.sort((a, b) => a.row - b.row);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, games };
}
