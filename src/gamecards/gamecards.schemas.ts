import { Type } from '@sinclair/typebox';

/** Pieces of the TypeBox schemas every game-card API uses (playing time, games, cards). */

export const Id = Type.String({ minLength: 1, maxLength: 100 });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
