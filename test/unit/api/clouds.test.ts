import assert from 'node:assert/strict';
import { CLOUD_IDS, cloudLabel, isLoopbackHost, overrideCloudApiBase, apiBaseFor, parseLocalEndpoint } from '../../../src/api/clouds';

describe('clouds', () => {
  it('recognises loopback hosts only', () => {
    // The long IPv6 form is what a hostname may carry before URL parsing shortens it (auth.ts reads hostnames).
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', 'LOCALHOST', '0:0:0:0:0:0:0:1', '[0:0:0:0:0:0:0:1]', '127.10.200.1', '127.0.0.255']) {
      assert.equal(isLoopbackHost(host), true, host);
    }
    for (const host of ['10.0.0.1', '127.0.0.256', '128.0.0.1', 'localhost.evil.com', '127.0.0.1.nip.io', 'evil127.0.0.1', '::2', 'example.com']) {
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
    assert.throws(() => parseLocalEndpoint('http://user@127.0.0.1:7071'), /credentials/);
    // A query or fragment would be glued to every request path (or silently dropped): refused, naming the value.
    assert.throws(() => parseLocalEndpoint('http://127.0.0.1:7071/?tenant=x'), /"http:\/\/127\.0\.0\.1:7071\/\?tenant=x" must not contain credentials, a query or a fragment/);
    assert.throws(() => parseLocalEndpoint('http://127.0.0.1:7071/#top'), /a query or a fragment/);
    assert.equal(parseLocalEndpoint('https://[::1]:7071//'), 'https://[::1]:7071', 'https and trailing slashes');
    assert.equal(parseLocalEndpoint('http://[0:0:0:0:0:0:0:1]:7071'), 'http://[::1]:7071');
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

  it('sends each cloud to its own API host, and local mode to the endpoint it is given, checked', () => {
    assert.deepEqual(
      CLOUD_IDS.filter((cloud) => cloud !== 'local').map((cloud) => apiBaseFor(cloud, 'http://127.0.0.1:7071')),
      ['https://api.partnercenter.microsoft.com', 'https://partner.partnercenterapi.microsoftonline.cn', 'https://api.partnercenter.microsoft.com'],
    );
    assert.equal(apiBaseFor('local', 'http://127.0.0.1:7071/pc/'), 'http://127.0.0.1:7071/pc');
    assert.throws(() => apiBaseFor('local', 'https://api.partnercenter.microsoft.com'), /not a loopback address/);
  });

  it('names each cloud as a user reads it', () => {
    assert.deepEqual(CLOUD_IDS.map(cloudLabel), [
      'Partner Center',
      'Partner Center operated by 21Vianet',
      'Partner Center for Microsoft Cloud for US Government',
      'Local sandbox',
    ]);
  });

  it('says which value is wrong, and what is allowed, when it refuses an endpoint', () => {
    assert.throws(() => parseLocalEndpoint('ws://127.0.0.1:7071'), { message: '"ws://127.0.0.1:7071" must use http or https.' });
    assert.throws(() => parseLocalEndpoint('nope'), { message: '"nope" is not a valid URL. Use for example http://127.0.0.1:7071.' });
    assert.throws(() => parseLocalEndpoint('http://10.0.0.1'), {
      message: '"http://10.0.0.1" is not a loopback address. Local mode only talks to 127.0.0.0/8, ::1 or localhost.',
    });
    assert.throws(() => parseLocalEndpoint('http://:pw@127.0.0.1'), /credentials/, 'a password alone');
  });
});
