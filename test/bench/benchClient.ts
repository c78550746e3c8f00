import { SandboxTokenSource } from '../../src/api/auth';
import { PartnerCenterClient } from '../../src/api/client';
import { silentLogger } from '../../src/api/logger';
import type { Pacing } from '../../src/api/rateLimiter';
import { parseSettings } from '../../src/settings';

export interface Limits {
  readonly requests: number;
  readonly windowMs: number;
}

/** The project's client against the sandbox, with the bench's (scaled) quota as its settings. */
export function createClient(url: string, limits: Limits, cacheSeconds: number, pacing?: Pacing): PartnerCenterClient {
  const parsed = parseSettings({
    cloud: 'local',
    localEndpoint: url,
    'rateLimit.requests': limits.requests,
    'rateLimit.windowSeconds': limits.windowMs / 1000,
    cacheSeconds,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return new PartnerCenterClient({
    settings: () => parsed.settings,
    tokens: new SandboxTokenSource(),
    logger: silentLogger,
    clientVersion: 'bench',
    locale: () => 'en-US',
    pacing,
  });
}

/**
 * What a caller without the project's client does: one GET per customer, body read, no retries on an answer.
 * A kept-alive socket the server closed as it was reused (idle for the server's keep-alive timeout) is tried
 * once more: that race is the transport's, not the throttling's, and the request never reached the server.
 */
export async function rawGet(url: string, tenant: string, id: string): Promise<void> {
  const get = () =>
    fetch(`${url}/v1/customers/${id}`, { headers: { Accept: 'application/json', Authorization: `Bearer sandbox:${tenant}` } });
  const response = await get().catch((error: unknown) => {
    if ((error as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET') return get();
    throw error;
  });
  await response.arrayBuffer();
}
