/** The front door of people: the only file other folders import. */
export { accountDeps, authenticateBearer, authenticateSession, createApiToken, createPerson, createSetupLink, hasAdministrator, makeAdministrator } from './accounts.service.js';
export { mergeFeature } from './merge.routes.js';
export { foldText, nameKey } from './merge.rules.js';
export { peopleFeature } from './people.routes.js';
export type { Person, PersonRow } from './people.store.js';
export { anyoneAtDomain, findPersonRow, findPersonRowByEmail, insertPeople, insertPerson, normalizeEmail, toPerson, updatePerson } from './people.store.js';
export { grantInTransaction, grantRole, revokeRole } from './roles.service.js';
export { grantableBy } from './grants.rules.js';
export { countPeopleWithRole, insertGrants } from './roles.store.js';
