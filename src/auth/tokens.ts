import { type ApiTarget, type TokenSource, sameTarget, sandboxAuthorization } from '../api/auth';
import type { CloudId } from '../api/clouds';
import { PartnerCenterError } from '../api/errors';
import type { Logger } from '../api/logger';
import type { TenantId } from '../api/types';

// Which Authorization header a request gets.

/** A cloud that signs in with a Microsoft account (every cloud but `local`). */
export type SignInCloud = Exclude<CloudId, 'local'>;

export interface TargetedTokenSourceOptions<S extends ApiTarget> {
  /** The settings now; throws (a `settings` PartnerCenterError) when they are invalid. */
  readonly current: () => S;
  /** The tenant's Microsoft access token under `settings`; throws a PartnerCenterError when there is none. */
  readonly microsoftToken: (tenant: TenantId, settings: S & { readonly cloud: SignInCloud }) => Promise<string>;
  readonly logger: Logger;
}

/**
 * The token follows the target a request was built for, and only while the settings still point at it. A
 * request queued for the local sandbox and released after a switch to a real cloud (or the other way round)
 * is cancelled, never sent: a Microsoft token must not reach a loopback server, nor a sandbox token a cloud.
 */
export class TargetedTokenSource<S extends ApiTarget> implements TokenSource {
  constructor(private readonly options: TargetedTokenSourceOptions<S>) {}

  async authorization(tenant: TenantId, target: ApiTarget): Promise<string> {
    const settings = this.stillCurrent(target);
    if (!signsIn(settings)) return sandboxAuthorization(tenant);
    const token = await this.options.microsoftToken(tenant, settings);
    // Finding the session is asynchronous: the settings may have moved on meanwhile.
    this.stillCurrent(target);
    return `Bearer ${token}`;
  }

  private stillCurrent(target: ApiTarget): S {
    const settings = this.options.current();
    if (sameTarget(settings, target)) return settings;
    this.options.logger.info(
      `A request for ${target.apiBase} (${target.cloud}) was not sent: the settings now point at ${settings.apiBase} (${settings.cloud})`,
    );
    throw PartnerCenterError.cancelled();
  }
}

function signsIn<S extends ApiTarget>(settings: S): settings is S & { readonly cloud: SignInCloud } {
  return settings.cloud !== 'local';
}
