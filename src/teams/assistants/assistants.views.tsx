/** Published teams without an assistant coach, and the volunteers who could assist them. */
import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors, Select } from '../../platform/views/components.js';
import type { AssistantVolunteer, OpenTeam } from './assistants.service.js';

export interface AssistantsModel {
  seasonId: string;
  seasonName: string;
  division: string | null;
  teams: OpenTeam[];
  /** Volunteers per division, those already on a team left out. */
  volunteers: Record<string, AssistantVolunteer[]>;
}

export function AssistantsPage({ ctx, m, errors, teamId }: { ctx: ViewCtx; m: AssistantsModel; errors?: string[]; teamId?: string }) {
  return (
    <>
      <p>
        <a href={`/teams?season=${encodeURIComponent(m.seasonId)}`}>All divisions</a>
      </p>
      <h1>Teams without an assistant coach</h1>
      <p>{`${m.seasonName}${m.division ? `, ${m.division}` : ''}: ${m.teams.length} published team(s) without an assistant. Assign an assistant-coach volunteer of the division, or offer them the team to accept or decline. Nobody's child changes team.`}</p>
      {m.teams.map((t) => {
        const options = (m.volunteers[t.division] ?? []).map((v) => ({ value: v.personId, label: v.name }));
        return (
          <section class="card" aria-labelledby={`a-${t.id}`}>
            <h2 id={`a-${t.id}`}>{t.name}</h2>
            <p>{`Head coach: ${t.headCoach ?? 'none'}${t.offered.length ? `. Offered to: ${t.offered.map((o) => o.name).join(', ')}` : ''}`}</p>
            {teamId === t.id ? <Errors errors={errors} /> : null}
            {options.length ? (
              <form method="post" action={`/teams/${encodeURIComponent(t.id)}/assistants`} class="inline">
                <Csrf token={ctx.csrf} />
                <input type="hidden" name="season" value={m.seasonId} />
                {m.division ? <input type="hidden" name="division" value={m.division} /> : null}
                <Select label={`Volunteer for ${t.name}`} name="personId" options={options} />
                <button type="submit" name="mode" value="offer">
                  Offer the team
                </button>
                <button type="submit" name="mode" value="assign" class="secondary">
                  Assign now
                </button>
              </form>
            ) : (
              <p class="hint">{`No assistant-coach volunteer of ${t.division} is free.`}</p>
            )}
          </section>
        );
      })}
    </>
  );
}
