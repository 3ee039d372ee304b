import { Type } from '@sinclair/typebox';
import type { RegionConfig } from '../../region/index.js';
import { Id } from '../gamecards.schemas.js';
import type { GameListItem } from './games.service.js';
import type { Game } from './games.store.js';

/** TypeBox schemas of the games API (validation, types and the OpenAPI document) and the JSON it answers. */

const TeamRef = Type.Object({ id: Type.String(), name: Type.String(), number: Type.Integer() });
const CardSummary = Type.Object({ teamId: Type.String(), status: Type.String({ description: 'none | draft | submitted' }), revision: Type.Integer(), violations: Type.Integer() });

export const GameSchema = Type.Object({
  id: Type.String(),
  season: Type.String(),
  division: Type.String(),
  program: Type.String(),
  date: Type.String({ maxLength: 20, description: 'YYYY-MM-DD' }),
  time: Type.String({ description: 'HH:MM, 24-hour, region time' }),
  field: Type.Object({ id: Type.String(), name: Type.String() }),
  home: TeamRef,
  away: TeamRef,
  cards: Type.Optional(Type.Array(CardSummary, { description: "cards of the caller's teams in this game (every team's for the board)" })),
});

export const GameBody = Type.Object({
  season: Type.Optional(Type.String({ maxLength: 40, description: 'season id; default: the current season' })),
  date: Type.String({ maxLength: 20, description: 'YYYY-MM-DD' }),
  time: Type.String({ maxLength: 20, description: '9:30, 14:00 or 2:00 PM' }),
  field: Type.String({ maxLength: 120, description: 'field id or name' }),
  home: Type.String({ maxLength: 120, description: 'team id or name' }),
  away: Type.String({ maxLength: 120, description: 'team id or name' }),
});

export const GameParams = Type.Object({ id: Id });

export function gameJson(g: Game | GameListItem, config: RegionConfig) {
  const cards =
    'cards' in g
      ? g.myTeams.map((t) => ({ teamId: t, status: g.cards[t]?.status ?? 'none', revision: g.cards[t]?.revision ?? 0, violations: g.cards[t]?.violations ?? 0 }))
      : undefined;
  return {
    id: g.id,
    season: g.seasonId,
    division: g.division,
    program: g.program,
    date: g.date,
    time: g.time,
    field: { id: g.fieldId, name: config.fields.find((f) => f.id === g.fieldId)?.name ?? g.fieldId },
    home: g.home,
    away: g.away,
    ...(cards ? { cards } : {}),
  };
}
