import { Checkbox, Select, Table } from '../../platform/views/components.js';
import type { TeamCoverage } from './coverage.rules.js';
import { titleLabel, whenLabel } from '../sessions/labels.rules.js';
import type { CoverageView } from './coverage.service.js';

export interface CoverageFilter {
  division: string;
  onlyMissing: boolean;
}

const ROLE = { 'head-coach': 'Head coach', 'assistant-coach': 'Assistant' } as Record<string, string>;

/** A count of assessments, or "Needed" when there is none yet (the phone table keeps three columns). */
function Done({ n }: { n: number }) {
  return n > 0 ? <td class="status-ok">{n} done</td> : <td class="status-bad">Needed</td>;
}

export const coverageQuery = (f: CoverageFilter) => new URLSearchParams({ ...(f.division ? { division: f.division } : {}), ...(f.onlyMissing ? { missing: '1' } : {}) }).toString();

function TeamBlock({ t, v, canPlan, links }: { t: TeamCoverage; v: CoverageView; canPlan: boolean; links: { href: string; label: string }[] }) {
  const visits = v.visits[t.teamId] ?? [];
  const plan = (kind: string, label: string) => <a href={`/mentoring/sessions/new?kind=${kind}&teamId=${encodeURIComponent(t.teamId)}`}>{label}</a>;
  const actions = [...(canPlan ? [plan('practice-visit', 'Plan a practice visit'), plan('game-visit', 'Plan a game visit')] : []), ...links.map((l) => <a href={l.href}>{l.label}</a>)];
  return (
    <div class="team">
      <h3>{t.teamName}</h3>
      {actions.length ? (
        <p>
          {actions.map((a, i) => (
            <>
              {i ? ' · ' : null}
              {a}
            </>
          ))}
        </p>
      ) : null}
      {visits.length ? (
        <ul>
          {visits.map((s) => (
            <li>
              Planned: <a href={`/mentoring/sessions/${s.id}`}>{titleLabel({ ...s, teamName: null })}</a>, {whenLabel(s)} ({s.mentorName})
            </li>
          ))}
        </ul>
      ) : null}
      <Table caption={`Coaches of ${t.teamName}`} head={['Coach', 'Practice', 'Game', ...(canPlan ? [''] : [])]}>
        {t.coaches.map((c) => (
          <tr>
            <td>
              {c.name}
              <br />
              <small>{ROLE[c.role] ?? c.role}</small>
            </td>
            <Done n={c.practice} />
            <Done n={c.game} />
            {canPlan ? (
              <td>
                <a href={`/mentoring/assessments/new?coach=${encodeURIComponent(`${t.teamId}|${c.personId}`)}`} aria-label={`Record an assessment of ${c.name}`}>
                  Record
                </a>
              </td>
            ) : null}
          </tr>
        ))}
      </Table>
    </div>
  );
}

export function CoveragePage({ v, f, canPlan, linksFor }: { v: CoverageView; f: CoverageFilter; canPlan: boolean; linksFor: (teamId: string) => { href: string; label: string }[] }) {
  const q = coverageQuery(f);
  return (
    <>
      <h1>Assessment coverage{v.seasonName ? `: ${v.seasonName}` : ''}</h1>
      <p>Every coach is assessed at least once at a practice and once at a game each season. This page shows who still needs one; it never shows what an assessment says.</p>
      <form method="get" action="/mentoring/coverage" class="inline">
        <Select label="Division" name="division" value={f.division} options={[{ value: '', label: 'Every division' }, ...v.divisions.map((d) => ({ value: d, label: d }))]} />
        <Checkbox label="Only coaches still missing an assessment" name="missing" value="1" checked={f.onlyMissing} />
        <button type="submit" class="secondary">Show</button>
      </form>
      <p>
        <a href={`/mentoring/coverage.csv${q ? `?${q}` : ''}`}>Download as CSV</a>
      </p>
      {v.table.length === 0 ? <p>{f.onlyMissing ? 'Every coach shown has both assessments.' : 'No team has coaches this season yet.'}</p> : null}
      {v.table.map((d) => (
        <section class="card" aria-labelledby={`div-${d.division}`}>
          <h2 id={`div-${d.division}`}>
            {d.division}: {d.coachesMissing} of {d.coaches} coaches still need an assessment
          </h2>
          {d.teams.map((t) => (
            <TeamBlock t={t} v={v} canPlan={canPlan} links={linksFor(t.teamId)} />
          ))}
        </section>
      ))}
    </>
  );
}
