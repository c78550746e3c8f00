// A barrier for "nothing more was sent": a marker request through the extension's own client, queued behind
// anything an action may still have queued for the tenant (the tenant's lane is first in, first out). Once the
// sandbox has logged the marker, what the action sent is in the log before it.
import type { PartnerCenterExports } from '../../../src/extension';
import { type LoggedRequest, routeOf, sandboxRequests } from './sandbox';
import { waitFor } from './waitFor';

let markers = 0;

/** The requests the sandbox logged before a marker sent now for `tenant` (the marker itself excluded). */
export async function requestsBeforeMarker(api: PartnerCenterExports, tenant: string): Promise<readonly LoggedRequest[]> {
  const marker = `request-log-marker-${++markers}`;
  // An unknown customer: the sandbox answers 404, which is all a marker needs.
  await api.client.getCustomer(tenant, marker, { bypassCache: true }).then(undefined, () => undefined);
  const log = await waitFor('the marker request', async () => {
    const requests = await sandboxRequests();
    return requests.some((r) => routeOf(r) === `/customers/${marker}`) ? requests : undefined;
  });
  return log.slice(0, log.findIndex((r) => routeOf(r) === `/customers/${marker}`));
}
