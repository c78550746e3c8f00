import type { SettingsResult } from '../../settings';

/**
 * Whether a settings change changes which customers the tree shows (another cloud, endpoint, tenant set,
 * account app, page size). Throttle and cache settings do not: loaded pages stay.
 */
export function affectsCustomerLists(previous: SettingsResult, current: SettingsResult): boolean {
  if (!previous.ok || !current.ok) return true;
  const a = previous.settings;
  const b = current.settings;
  return (
    a.cloud !== b.cloud ||
    a.apiBase !== b.apiBase ||
    a.clientId !== b.clientId ||
    a.pageSize !== b.pageSize ||
    a.tenants.length !== b.tenants.length ||
    a.tenants.some((tenant, index) => tenant !== b.tenants[index])
  );
}
