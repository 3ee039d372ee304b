import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/clock.js';
import type { RegionPlayer, RegionTeam } from './formation.rules.js';
import { shuffleInPlace } from './formation-model.rules.js';
import { buildFormationReport, DEFAULT_RATING_SCALE, formDivision, formRegion } from './formation.rules.js';

function region(seed: number): { players: RegionPlayer[]; teams: RegionTeam[] } {
  const rand = seededRandom(seed);
  const players: RegionPlayer[] = [];
  const teams: RegionTeam[] = [];
  for (const [division, k, girls] of [
    ['08U Boys', 4, 0],
    ['08U Girls', 3, 1],
    ['06U Coed', 5, 0.4],
  ] as const) {
    for (let t = 0; t < k; t++) teams.push({ division, teamId: `${division}-${t}`, coachId: `${division}-c${t}` });
    for (let i = 0; i < k * 9 + 2; i++) {
      players.push({
        id: `${division}-p${i}`,
        division,
        gender: rand() < girls ? 'F' : 'M',
        birthDate: `201${7 + Math.floor(rand() * 2)}-02-03`,
        rating: rand() < 0.25 ? null : 1 + Math.floor(rand() * 5),
        coachChildOf: i < k ? `${division}-${i}` : null,
        goalkeeper: rand() < 0.1,
      });
    }
  }
  return { players, teams };
}

describe('formRegion', () => {
  const { players, teams } = region(11);
  const options = { seed: 2024, scale: DEFAULT_RATING_SCALE };
  const result = formRegion(players, teams, options);

  it('forms each division on its own, in division name order', () => {
    expect(result.divisions.map((d) => d.division)).toEqual(['06U Coed', '08U Boys', '08U Girls']);
    for (const d of result.divisions) {
      const ps = players.filter((p) => p.division === d.division);
      expect(d.assignments.map((a) => a.playerId).sort()).toEqual(ps.map((p) => p.id).sort());
      expect(new Set(d.assignments.map((a) => a.teamId))).toEqual(new Set(teams.filter((t) => t.division === d.division).map((t) => t.teamId)));
    }
    expect(result.assignments).toEqual(result.divisions.flatMap((d) => d.assignments));
  });

  it('infers co-ed divisions from the players unless told, and balances girls there', () => {
    const coed = result.divisions.find((d) => d.division === '06U Coed')!;
    expect(coed.counts.girls).toBeLessThanOrEqual(1);
    const ps = players.filter((p) => p.division === '06U Coed');
    const alone = formDivision(
      ps,
      teams.filter((t) => t.division === '06U Coed'),
      { ...options, seed: coed.seed, coed: true },
    );
    expect(alone.assignments).toEqual(coed.assignments);
  });

  it('gives each division a seed of its own, so one division does not change another', () => {
    expect(new Set(result.divisions.map((d) => d.seed)).size).toBe(3);
    const without = formRegion(
      players.filter((p) => p.division !== '08U Boys'),
      teams.filter((t) => t.division !== '08U Boys'),
      options,
    );
    expect(without.divisions.find((d) => d.division === '08U Girls')).toEqual(result.divisions.find((d) => d.division === '08U Girls'));
  });

  it('does not depend on the order of the input rows', () => {
    const rand = seededRandom(5);
    expect(formRegion(shuffleInPlace([...players], rand), shuffleInPlace([...teams], rand), options)).toEqual(result);
  });

  it('builds a JSON report with the figures and a summary', () => {
    const report = buildFormationReport(result, options);
    expect(report.summary).toEqual({
      divisions: 3,
      players: players.length,
      teams: teams.length,
      divisionsOnBound: result.divisions.filter((d) => d.reachesBound).length,
      divisionsProvenOptimal: result.divisions.filter((d) => d.provenOptimal).length,
      divisionsCountsEven: result.divisions.filter((d) => d.countsEven).length,
    });
    expect(report.objective).toBe('mean');
    expect(report.divisions[1]).toMatchObject({ division: '08U Boys', players: 38, rating: { objective: 'mean' } });
    expect(report.divisions[1]!.teams).toHaveLength(4);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
