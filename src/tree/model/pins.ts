import * as z from 'zod/mini';
import { type CustomerRef, customerIdKey, customerRef, isCustomerGuid, tenantKey } from '../../customerRef';

/** Where pins are kept: `vscode.Memento` (globalState) has this shape; a Map-backed fake has it in unit tests. */
export interface PinStorage {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
  keys(): readonly string[];
}

export const PIN_KEY_PREFIX = 'partnerCenter.pins/';

/** One key per cloud and partner tenant: pins of the sandbox's `default` never show for a real tenant. */
export function pinKey(cloud: string, tenantId: string): string {
  return `${PIN_KEY_PREFIX}${cloud}/${tenantKey(tenantId)}`;
}

// What another version (or a hand-edited sync) may have left: anything but a list of GUIDs is read as no pins.
const storedPins = z.array(z.string());

/**
 * The pinned customers of each partner tenant, in the order pinned, kept per cloud in `storage`. Every change is
 * written at once (and synced: the caller lists `syncKeys()` with `setKeysForSync`) and announced.
 */
export class Pins {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: PinStorage,
    private readonly cloud: () => string,
  ) {}

  /** The pinned customers of a tenant, oldest pin first. */
  of(tenantId: string): CustomerRef[] {
    const parsed = storedPins.safeParse(this.storage.get(pinKey(this.cloud(), tenantId)));
    const ids = parsed.success ? parsed.data.filter(isCustomerGuid) : [];
    return ids.map((customerId) => customerRef(tenantId, customerId));
  }

  isPinned(ref: CustomerRef): boolean {
    return this.of(ref.tenantId).some((pin) => customerIdKey(pin.customerId) === customerIdKey(ref.customerId));
  }

  /** Pins a customer (last); false when it already was. */
  async pin(ref: CustomerRef): Promise<boolean> {
    if (this.isPinned(ref)) return false;
    await this.write(ref.tenantId, [...this.of(ref.tenantId).map((pin) => pin.customerId), ref.customerId]);
    return true;
  }

  /** Unpins a customer; false when it was not pinned. */
  async unpin(ref: CustomerRef): Promise<boolean> {
    const kept = this.of(ref.tenantId).filter((pin) => customerIdKey(pin.customerId) !== customerIdKey(ref.customerId));
    if (kept.length === this.of(ref.tenantId).length) return false;
    await this.write(ref.tenantId, kept.map((pin) => pin.customerId));
    return true;
  }

  /** Every key holding pins, of every cloud and tenant: what Settings Sync should carry. */
  syncKeys(): string[] {
    return this.storage.keys().filter((key) => key.startsWith(PIN_KEY_PREFIX));
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private async write(tenantId: string, customerIds: readonly string[]): Promise<void> {
    await this.storage.update(pinKey(this.cloud(), tenantId), customerIds.length ? [...customerIds] : undefined);
    for (const listener of [...this.listeners]) listener();
  }
}
