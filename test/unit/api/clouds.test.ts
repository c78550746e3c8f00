import assert from 'node:assert/strict';
import { isLoopbackHost, overrideCloudApiBase, apiBaseFor, parseLocalEndpoint } from '../../../src/api/clouds';

describe('clouds', () => {
  it('recognises loopback hosts only', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', 'LOCALHOST']) {
      assert.equal(isLoopbackHost(host), true, host);
    }
    for (const host of ['10.0.0.1', '127.0.0.256', '128.0.0.1', 'localhost.evil.com', '127.0.0.1.nip.io', '::2', 'example.com']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });

  it('normalises a local endpoint and refuses anything that could leak', () => {
    assert.equal(parseLocalEndpoint('http://127.0.0.1:7071/'), 'http://127.0.0.1:7071');
    assert.equal(parseLocalEndpoint('http://localhost:9000/pc/'), 'http://localhost:9000/pc');
    assert.throws(() => parseLocalEndpoint('not a url'), /not a valid URL/);
    assert.throws(() => parseLocalEndpoint('ftp://127.0.0.1'), /http or https/);
    assert.throws(() => parseLocalEndpoint('https://api.partnercenter.microsoft.com'), /not a loopback address/);
    assert.throws(() => parseLocalEndpoint('http://user:pw@127.0.0.1:7071'), /credentials/);
  });

  it('lets tests point a real cloud at a loopback server only', () => {
    assert.throws(() => overrideCloudApiBase('global', 'https://example.com'), /not a loopback address/);
    overrideCloudApiBase('global', 'http://127.0.0.1:9999');
    try {
      assert.equal(apiBaseFor('global', ''), 'http://127.0.0.1:9999');
    } finally {
      overrideCloudApiBase('global', undefined);
    }
    assert.equal(apiBaseFor('global', ''), 'https://api.partnercenter.microsoft.com');
  });
});
