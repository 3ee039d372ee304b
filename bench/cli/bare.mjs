// The bare script bench/cli/run.mjs measures `touchline teams form` against: plain Node that imports
// only the engine and the CSV readers from dist/ and makes the same draw on the same files (the
// default scale 1:5:1, objective mean). Run: node bench/cli/bare.mjs P.csv T.csv SEED A.csv
import { readFileSync, writeFileSync } from 'node:fs';
import { formRegion } from '../../dist/src/teams/engine/formation.rules.js';
import { formatAssignmentsCsv, parsePlayersCsv, parseTeamsCsv } from '../../dist/src/teams/engine/formation.csv.js';

const [players, teams, seed, out] = process.argv.slice(2);
const scale = { min: 1, max: 5, step: 1, higherIsStronger: true };
const t = parseTeamsCsv(readFileSync(teams, 'utf8'));
const p = t.ok ? parsePlayersCsv(readFileSync(players, 'utf8'), scale, t.teams) : t;
if (!t.ok || !p.ok) {
  console.error('the bench files do not parse');
  process.exit(1);
}
const result = formRegion(p.players, t.teams, { seed: Number(seed), objective: 'mean', scale });
writeFileSync(out, formatAssignmentsCsv(result.assignments));
