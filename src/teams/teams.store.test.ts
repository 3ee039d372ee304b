import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { makeActor } from '../testing/actors.js';
import { insertTeams, SEASON } from '../practice/practice.testkit.js';
import { teamsCoachedBy } from './teams.store.js';

describe.each(testDialects())('the teams a person coaches on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('are the published teams of the season the person is head or assistant coach of, by name', async () => {
    const coach = await makeActor(t.deps, ['head-coach']);
    const other = await makeActor(t.deps, ['head-coach']);
    const [zebras, ants] = await insertTeams(t.deps.db, SEASON, [
      { division: '10U', name: 'Zebras', headCoachId: coach.id },
      { division: '12U', name: 'Ants', headCoachId: other.id, assistantIds: [coach.id] },
      { division: '10U', name: 'Bees', headCoachId: other.id },
    ]);
    const [unpublished] = await insertTeams(t.deps.db, SEASON, [{ division: '8U', name: 'Crickets', headCoachId: coach.id }]);
    await t.deps.db.updateTable('teams').set({ published_at: null }).where('id', '=', unpublished!).execute();
    await insertTeams(t.deps.db, '2025-fall', [{ division: '10U', name: 'Last year', headCoachId: coach.id }]);
    expect(await teamsCoachedBy(t.deps.db, coach.id, SEASON)).toEqual([
      { id: ants, name: 'Ants', division: '12U', role: 'assistant-coach' },
      { id: zebras, name: 'Zebras', division: '10U', role: 'head-coach' },
    ]);
    expect(await teamsCoachedBy(t.deps.db, coach.id, 'no-such-season')).toEqual([]);
  });
});
