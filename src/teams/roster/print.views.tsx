/** Print-friendly rosters: a plain document without the site's menu, one section per team. */
import { Table } from '../../platform/views/components.js';
import type { PrintTeam } from './export.service.js';

const roleLabel = (r: string) => (r === 'head-coach' ? 'Head coach' : 'Assistant coach');

function Sheet({ t }: { t: PrintTeam }) {
  return (
    <section class="roster-sheet" aria-labelledby={`t-${t.id}`}>
      <h2 id={`t-${t.id}`}>{t.name}</h2>
      <p>
        {t.staff.map((s) => `${roleLabel(s.role)}: ${s.firstName} ${s.lastName}${s.phone ? `, ${s.phone}` : ''}${s.email ? `, ${s.email}` : ''}`).join(' · ') || 'No coach yet'}
      </p>
      <Table caption={`${t.players.length} players of ${t.name}`} head={['#', 'Player', 'Born', 'Parents']}>
        {t.players.map((p) => (
          <tr>
            <td>{p.jersey ?? ''}</td>
            <td>{`${p.lastName}, ${p.firstName}${p.goalkeeper ? ' (GK)' : ''}`}</td>
            <td class="nowrap">{p.birthDate}</td>
            <td>{p.guardians.map((g) => `${g.firstName} ${g.lastName}${g.phone ? ` ${g.phone}` : ''}${g.email ? ` ${g.email}` : ''}`).join('; ')}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

export function PrintDocument({ title, teams, back }: { title: string; teams: PrintTeam[]; back: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{title}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body class="print">
        <main id="main">
          <p class="no-print">
            <a href={back}>Back</a> · Use your browser's Print command; each team starts on a new page.
          </p>
          <h1>{title}</h1>
          {teams.length ? teams.map((t) => <Sheet t={t} />) : <p>No published teams.</p>}
        </main>
      </body>
    </html>
  );
}
