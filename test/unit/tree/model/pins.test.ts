// Pins: per cloud and partner tenant, in the order pinned, written at once, announced, and read defensively.
import assert from 'node:assert/strict';
import { type PinStorage, Pins, pinKey } from '../../../../src/tree/model/pins';

const A = 'd5df8e86-3523-4daf-a201-019d9f03294c';
const B = '1d24e696-1c3f-40b4-873b-09c8e496e6e8';

function memoryStorage(initial: Record<string, unknown> = {}): PinStorage & { readonly data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (key) => data.get(key),
    update: async (key, value) => {
      if (value === undefined) data.delete(key);
      else data.set(key, value);
    },
    keys: () => [...data.keys()],
  };
}

describe('pins', () => {
  it('keeps pins per cloud and tenant, oldest first, and says what to sync', async () => {
    const storage = memoryStorage({ unrelated: 1 });
    let cloud = 'global';
    const pins = new Pins(storage, () => cloud);
    assert.equal(await pins.pin({ tenantId: 'Contoso.onmicrosoft.com', customerId: A }), true);
    assert.equal(await pins.pin({ tenantId: 'contoso.onmicrosoft.com', customerId: B }), true);
    assert.equal(await pins.pin({ tenantId: 'contoso.onmicrosoft.com', customerId: A.toUpperCase() }), false, 'already pinned, in another case');
    assert.deepEqual(pins.of('contoso.onmicrosoft.com').map((p) => p.customerId), [A, B]);
    assert.deepEqual(storage.data.get(pinKey('global', 'contoso.onmicrosoft.com')), [A, B]);
    assert.deepEqual(pins.of('fabrikam'), []);
    cloud = 'usgov';
    assert.deepEqual(pins.of('contoso.onmicrosoft.com'), [], 'another cloud has its own pins');
    assert.deepEqual(pins.syncKeys(), ['partnerCenter.pins/global/contoso.onmicrosoft.com']);
  });

  it('unpins, removing the key with the last pin, and announces each change', async () => {
    const storage = memoryStorage();
    const pins = new Pins(storage, () => 'local');
    let changes = 0;
    const subscription = pins.onDidChange(() => changes++);
    await pins.pin({ tenantId: 'default', customerId: A });
    assert.equal(await pins.unpin({ tenantId: 'default', customerId: B }), false);
    assert.equal(await pins.unpin({ tenantId: 'DEFAULT', customerId: A.toUpperCase() }), true);
    assert.equal(pins.isPinned({ tenantId: 'default', customerId: A }), false);
    assert.deepEqual(storage.keys(), []);
    assert.equal(changes, 2);
    subscription.dispose();
    await pins.pin({ tenantId: 'default', customerId: A });
    assert.equal(changes, 2);
  });

  it('reads anything but a list of customer ids as no pins, and drops what is not a GUID', () => {
    const storage = memoryStorage({ [pinKey('local', 'default')]: [A, '../x', 42, B], [pinKey('local', 'other')]: 'nonsense' });
    const pins = new Pins(storage, () => 'local');
    assert.deepEqual(pins.of('other'), []);
    assert.deepEqual(pins.of('default'), []);
    storage.data.set(pinKey('local', 'default'), [A, '../x', B]);
    assert.deepEqual(pins.of('default').map((p) => p.customerId), [A, B]);
  });
});
