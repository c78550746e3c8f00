import assert from 'node:assert/strict';
import {
  type Connection,
  NO_SESSIONS,
  type SessionBarriers,
  signedInState,
  stateWithoutSessions,
  tenantsWithChangedSession,
} from '../../../src/auth/connection';

const signedIn = (sessions: Record<string, string>): Connection => ({
  state: signedInState(new Map(Object.entries(sessions))),
  sessions: new Map(Object.entries(sessions)),
});

describe('connection changes', () => {
  it('is signed in when any configured tenant has a session', () => {
    assert.equal(signedInState(NO_SESSIONS), 'signedOut');
    assert.equal(signedInState(new Map([['b', 's2']])), 'signedIn');
  });

  it('names the tenants signed in, signed out or switched to another session, and nothing else', () => {
    const before = signedIn({ a: 's1', b: 's2', c: 's3' });
    const after = signedIn({ a: 's1', b: 's9', d: 's4' });
    assert.deepEqual(tenantsWithChangedSession(before, after), ['b', 'c', 'd']);
  });

  it('sees no change when the same sessions come back (a refreshed token keeps its session id)', () => {
    assert.deepEqual(tenantsWithChangedSession(signedIn({ a: 's1', b: 's2' }), signedIn({ b: 's2', a: 's1' })), []);
  });

  it('names every tenant on sign-out', () => {
    const out: Connection = { state: 'signedOut', sessions: NO_SESSIONS };
    assert.deepEqual(tenantsWithChangedSession(signedIn({ b: 's2', a: 's1' }), out), ['a', 'b']);
  });
});

describe('the state decided before any session is read', () => {
  const CLIENT_ID = '0b5c2b3e-8f6d-4c1a-9e2f-3a4b5c6d7e8f';
  const NONE: SessionBarriers = { signedOut: false, sovereignMismatch: false };
  const ALL: SessionBarriers = { signedOut: true, sovereignMismatch: true };

  it('is local in local mode, whatever else is set: no session is ever read there', () => {
    assert.equal(stateWithoutSessions({ cloud: 'local', clientId: '' }, ALL), 'local');
    assert.equal(stateWithoutSessions({ cloud: 'local', clientId: CLIENT_ID }, NONE), 'local');
  });

  it('asks for an app registration before anything else on a real cloud', () => {
    assert.equal(stateWithoutSessions({ cloud: 'global', clientId: '' }, NONE), 'needsClientId');
    assert.equal(stateWithoutSessions({ cloud: 'china', clientId: '' }, ALL), 'needsClientId');
  });

  it('is signed out, without reading a session, when signed out here or the sovereign environment is another cloud’s', () => {
    const usgov = { cloud: 'usgov', clientId: CLIENT_ID } as const;
    assert.equal(stateWithoutSessions(usgov, { signedOut: true, sovereignMismatch: false }), 'signedOut');
    assert.equal(stateWithoutSessions(usgov, { signedOut: false, sovereignMismatch: true }), 'signedOut');
  });

  it('leaves it to the tenants’ sessions otherwise', () => {
    assert.equal(stateWithoutSessions({ cloud: 'global', clientId: CLIENT_ID }, NONE), undefined);
  });
});
