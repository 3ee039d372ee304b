/** How balanced a formation is: every team's figures beside the lower bound, and a before/after effect. */
import { Table } from '../../platform/views/components.js';
import type { Balance } from './adjust.rules.js';

const fmt = (x: number) => (Math.round(x * 100) / 100).toString();

/** One sentence on the rating balance: the spread and how far it is from the best reachable. */
export function balanceSentence(b: Balance): string {
  const what = b.objective === 'sum' ? 'team rating sums' : 'team mean ratings';
  const gap = b.spread - b.lowerBound;
  const verdict = b.reachesBound ? 'on the lower bound: no formation of these players could be more balanced' : `${fmt(gap)} above the lower bound`;
  return `Spread of ${what}: ${fmt(b.spread)}; best any formation could reach: ${fmt(b.lowerBound)} (${verdict}).`;
}

export function countsSentence(b: Balance, coed: boolean): string {
  const parts = [`new players ${b.counts.unrated}`, `goalkeepers ${b.counts.keepers}`, ...Object.entries(b.counts.birthYears).map(([y, n]) => `born ${y} ${n}`)];
  if (coed) parts.unshift(`girls ${b.counts.girls}`);
  return `Largest difference between teams: players ${b.sizeSpread}, ${parts.join(', ')}${b.countsEven ? ' (as even as the coaches’ children allow)' : ''}. New players count as ${fmt(b.unratedCountsAs)}.`;
}

export interface TeamLabel {
  name: string;
  coach: string;
}

/** A team's balanced counts as table cells: girls (coed only), new players, goalkeepers, each birth year. */
export function CountCells({
  t,
  coed,
  years,
}: {
  t: { girls: number; unrated: number; keepers: number; birthYears: Record<string, number> };
  coed: boolean;
  years: readonly string[];
}) {
  return (
    <>
      {coed ? <td>{t.girls}</td> : null}
      <td>{t.unrated}</td>
      <td>{t.keepers}</td>
      {years.map((y) => (
        <td>{t.birthYears[y] ?? 0}</td>
      ))}
    </>
  );
}

/** Every team's figures: size, mean and sum of ratings, and the balanced counts. */
export function FiguresTable({ b, labels, coed, caption }: { b: Balance; labels: ReadonlyMap<string, TeamLabel>; coed: boolean; caption: string }) {
  const years = Object.keys(b.counts.birthYears);
  const order = [...labels.keys()];
  const teams = [...b.teams].sort((x, y) => order.indexOf(x.teamId) - order.indexOf(y.teamId));
  const head = ['Team', 'Players', 'Mean', 'Sum', ...(coed ? ['Girls'] : []), 'New', 'GK', ...years.map((y) => `Born ${y}`)];
  return (
    <Table caption={caption} head={head}>
      {teams.map((t) => (
        <tr>
          <td>
            {labels.get(t.teamId)?.name ?? t.teamId}
            <small class="hint">{labels.get(t.teamId)?.coach ?? ''}</small>
          </td>
          <td>{t.size}</td>
          <td>{fmt(t.ratingMean)}</td>
          <td>{fmt(t.ratingSum)}</td>
          <CountCells t={t} coed={coed} years={years} />
        </tr>
      ))}
    </Table>
  );
}

/** The balance summary above a figures table. */
export function BalanceSummary({ b, coed, proven }: { b: Balance; coed: boolean; proven?: boolean }) {
  return (
    <>
      <p class={b.reachesBound ? 'status-ok' : 'status-warn'}>{balanceSentence(b)}</p>
      {proven && !b.reachesBound ? <p class="hint">The search proved that no formation does better than this spread (the bound cannot always be reached).</p> : null}
      <p class="hint">{countsSentence(b, coed)}</p>
    </>
  );
}

/** Before and after a move or swap, for the teams it touches and the whole division. */
export function EffectTable({ before, after, teamIds, labels }: { before: Balance; after: Balance; teamIds: string[]; labels: ReadonlyMap<string, TeamLabel> }) {
  const row = (b: Balance, id: string) => b.teams.find((t) => t.teamId === id);
  return (
    <Table caption="Effect on balance" head={['Measure', 'Before', 'After']}>
      <tr>
        <th scope="row">Rating spread (lower bound {fmt(before.lowerBound)})</th>
        <td>{fmt(before.spread)}</td>
        <td>{fmt(after.spread)}</td>
      </tr>
      <tr>
        <th scope="row">Largest size difference</th>
        <td>{before.sizeSpread}</td>
        <td>{after.sizeSpread}</td>
      </tr>
      {teamIds.map((id) => (
        <tr>
          <th scope="row">{labels.get(id)?.name ?? id}</th>
          <td>{`${row(before, id)?.size ?? 0} players, mean ${fmt(row(before, id)?.ratingMean ?? 0)}`}</td>
          <td>{`${row(after, id)?.size ?? 0} players, mean ${fmt(row(after, id)?.ratingMean ?? 0)}`}</td>
        </tr>
      ))}
    </Table>
  );
}
