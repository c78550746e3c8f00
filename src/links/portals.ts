import * as l10n from '@vscode/l10n';
import type { CloudId } from '../api/clouds';
import { type TemplateValues, expandTemplate } from './linkTemplate';

/** The built-in portal ids (API: commands take them as `portal`). */
export type BuiltInPortalId =
  | 'partnerCenter'
  | 'm365Admin'
  | 'exchange'
  | 'teams'
  | 'entra'
  | 'azure'
  | 'intune'
  | 'defender'
  | 'purview'
  | 'powerPlatform';

/** One portal of one cloud: its id, its name, and the URL template (variables as in `partnerCenter.portalLinks`). */
export interface PortalRow {
  readonly id: BuiltInPortalId;
  readonly name: () => string;
  readonly template: string;
}

/** A portal offered for one customer: its id (built-in or `custom:<name>`), its name and the URL built for it. */
export interface PortalLink {
  readonly id: string;
  readonly name: string;
  readonly url: string;
}

const NAMES: Readonly<Record<BuiltInPortalId, () => string>> = {
  partnerCenter: () => l10n.t('Partner Center customer page'),
  m365Admin: () => l10n.t('Microsoft 365 admin center'),
  exchange: () => l10n.t('Exchange admin center'),
  teams: () => l10n.t('Teams admin center'),
  entra: () => l10n.t('Microsoft Entra admin center'),
  azure: () => l10n.t('Azure portal'),
  intune: () => l10n.t('Intune admin center'),
  defender: () => l10n.t('Microsoft Defender portal'),
  purview: () => l10n.t('Microsoft Purview portal'),
  powerPlatform: () => l10n.t('Power Platform admin center'),
};

const row = (id: BuiltInPortalId, template: string): PortalRow => ({ id, name: NAMES[id], template });

// One table per cloud (product.md §7, sources in REFERENCE-activity-and-links.md §C). A portal no source shows for
// a cloud has no row there: it is not offered, rather than a global URL for a 21Vianet or US Government customer.
const GLOBAL: readonly PortalRow[] = [
  row('partnerCenter', 'https://partner.microsoft.com/dashboard/v2/customers/{customerId}/account'),
  row('m365Admin', 'https://admin.cloud.microsoft/?delegatedOrg={domain}'),
  row('exchange', 'https://admin.cloud.microsoft/exchange?landingpage=homepage&form=mac_sidebar&delegatedOrg={domain}'),
  row('teams', 'https://admin.teams.microsoft.com/?delegatedOrg={domain}'),
  row('entra', 'https://entra.microsoft.com/{domain}'),
  row('azure', 'https://portal.azure.com/#@{domain}'),
  row('intune', 'https://intune.microsoft.com/{domain}'),
  row('defender', 'https://security.microsoft.com/?tid={customerId}'),
  row('purview', 'https://purview.microsoft.com/?tid={customerId}'),
  row('powerPlatform', 'https://admin.powerplatform.microsoft.com/account/login/{customerId}'),
];

const CHINA: readonly PortalRow[] = [row('azure', 'https://portal.azure.cn/#@{domain}')];

const USGOV: readonly PortalRow[] = [row('azure', 'https://portal.azure.us/#@{domain}')];

/** `local` builds the global URLs: the sandbox's tenants are not real, the links are for trying it out. */
export const PORTALS: Readonly<Record<CloudId, readonly PortalRow[]>> = { global: GLOBAL, china: CHINA, usgov: USGOV, local: GLOBAL };

/** The built-in portals this customer has in a cloud, in table order; one needing a value the customer lacks is left out. */
export function builtInPortalLinks(cloud: CloudId, values: TemplateValues): PortalLink[] {
  return PORTALS[cloud].flatMap((portal) => {
    const url = expandTemplate(portal.template, values);
    return url === undefined ? [] : [{ id: portal.id, name: portal.name(), url }];
  });
}
