import assert from 'node:assert/strict';
import type { ApiTarget } from '../../../src/api/auth';
import { PartnerCenterError, isCancellation } from '../../../src/api/errors';
import { TargetedTokenSource } from '../../../src/auth/tokens';
import { RecordingLogger } from '../api/support';

const LOCAL: ApiTarget = { cloud: 'local', apiBase: 'http://127.0.0.1:7071' };
const GLOBAL: ApiTarget = { cloud: 'global', apiBase: 'https://api.partnercenter.microsoft.com' };
const MICROSOFT_TOKEN = 'eyJ0eXAiOiJKV1QifQ.microsoft.token';

/** A token source over settings the test moves; counts every Microsoft token it hands out. */
function tokensUnder(initial: ApiTarget, microsoftToken?: (tenant: string) => Promise<string>) {
  const state = { current: initial, handedOut: 0 };
  const logger = new RecordingLogger();
  const tokens = new TargetedTokenSource({
    current: () => state.current,
    microsoftToken: async (tenant) => {
      const token = microsoftToken ? await microsoftToken(tenant) : MICROSOFT_TOKEN;
      state.handedOut++;
      return token;
    },
    logger,
  });
  return { tokens, state, logger };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

describe('which token a request gets (the target it was built for)', () => {
  it('gives the sandbox scheme to a local target and a Microsoft token to a real cloud', async () => {
    const local = tokensUnder(LOCAL);
    assert.equal(await local.tokens.authorization('default', LOCAL), 'Bearer sandbox:default');
    assert.equal(local.state.handedOut, 0, 'local mode never asks for a Microsoft token');
    const global = tokensUnder(GLOBAL);
    assert.equal(await global.tokens.authorization('contoso', GLOBAL), `Bearer ${MICROSOFT_TOKEN}`);
  });

  it('cancels a request built for local once the settings point at a real cloud, asking for no Microsoft token', async () => {
    const { tokens, state, logger } = tokensUnder(LOCAL);
    state.current = GLOBAL;
    assert.ok(isCancellation(await rejection(tokens.authorization('default', LOCAL))));
    assert.equal(state.handedOut, 0);
    assert.match(logger.text, /request for http:\/\/127\.0\.0\.1:7071 \(local\) was not sent: the settings now point at https:\/\/api\.partnercenter\.microsoft\.com \(global\)/);
  });

  it('cancels a request built for a real cloud once the settings are local, or the same cloud on another base', async () => {
    const { tokens, state } = tokensUnder(GLOBAL);
    state.current = LOCAL;
    assert.ok(isCancellation(await rejection(tokens.authorization('default', GLOBAL))));
    // Integration tests point a real cloud at the sandbox: a request for the real host is not sent there.
    state.current = { cloud: 'global', apiBase: 'http://127.0.0.1:7071' };
    assert.ok(isCancellation(await rejection(tokens.authorization('default', GLOBAL))));
    assert.equal(state.handedOut, 0);
  });

  it('withholds a Microsoft token found after the settings moved on while looking for it', async () => {
    const { tokens, state } = tokensUnder(GLOBAL, (tenant) => {
      state.current = LOCAL;
      return Promise.resolve(`${MICROSOFT_TOKEN}-${tenant}`);
    });
    assert.ok(isCancellation(await rejection(tokens.authorization('default', GLOBAL))));
  });

  it('passes on invalid settings and a missing session as they are', async () => {
    const notSignedIn = new PartnerCenterError({ kind: 'auth', summary: 'Not signed in.' });
    const { tokens } = tokensUnder(GLOBAL, () => Promise.reject(notSignedIn));
    assert.equal(await rejection(tokens.authorization('default', GLOBAL)), notSignedIn);

    const invalid = new PartnerCenterError({ kind: 'settings', summary: 'Invalid Partner Center settings.' });
    const broken = new TargetedTokenSource({
      current: () => {
        throw invalid;
      },
      microsoftToken: () => Promise.resolve(MICROSOFT_TOKEN),
      logger: new RecordingLogger(),
    });
    assert.equal(await rejection(broken.authorization('default', LOCAL)), invalid);
  });
});
