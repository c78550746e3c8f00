import assert from 'node:assert/strict';
import { type Connection, NO_SESSIONS, signedInState, tenantsWithChangedSession } from '../../src/auth/connection';

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
