// The hand-picked customers that tests and the UI look for: every script, markup, CSV-hostile text, very long
// names, sparse records, every relationship value. They fill the first page of `default` and `fabrikam`.
// Ids are fixed literals so that README.md and tests can name them; everything else comes from the PRNG.
import { type LocaleId } from './seedCatalog';
import { type CustomerFacts } from './seedModel';

export const PARTNER_TENANT_IDS = {
  default: 'f18d1a70-ef81-414b-b345-a57f9f148467',
  fabrikam: '043ed702-e702-4c80-a1f9-25ce2253c885',
  empty: '6a4d154b-3189-41aa-b138-991e238a33d0',
} as const;

/** Indirect resellers selling through `default` (values of `associatedPartnerId`); Fabrikam is the first. */
export const INDIRECT_RESELLER_IDS: readonly string[] = [
  PARTNER_TENANT_IDS.fabrikam,
  '092e3d34-70b2-4c5b-b78b-68d338b6c646',
  '63abf676-5e53-4ad3-97ff-8da9226b813c',
];

export const MARKUP = {
  img: '<img src=x onerror="alert(1)">',
  script: "<script>alert('pwned')</script>",
  bold: '<b>bold</b>',
  csv: '"quotes", commas, and a newline\n',
} as const;

export interface NotableCustomer {
  readonly id: string;
  readonly locale: LocaleId;
  readonly companyName: string;
  /** `<label>.onmicrosoft.com` */
  readonly domainLabel: string;
  readonly relationship: string;
  /** `absent`: the by-id document has no `allowDelegatedAccess` key. */
  readonly delegated: boolean | 'absent';
  /** What is special beyond the name (nulls, missing fields, markup in other fields). */
  readonly customize?: (facts: CustomerFacts) => void;
}

/** Company profile without e-mail or address, billing profile all nulls, null custom domains. */
function sparse(facts: CustomerFacts): void {
  facts.companyEmail = undefined;
  facts.companyAddress = undefined;
  facts.billing = {
    ...facts.billing,
    firstName: null,
    lastName: null,
    email: null,
    culture: null,
    language: null,
    companyName: null,
    defaultAddress: null,
  };
  facts.customDomains = null;
}

export const DEFAULT_NOTABLE = {
  contoso: {
    id: 'd5df8e86-3523-4daf-a201-019d9f03294c', locale: 'en-US', companyName: 'Contoso Ltd',
    domainLabel: 'contosoltd', relationship: 'reseller', delegated: true,
    customize: (f) => {
      f.customDomains = ['contoso.com', 'contoso.net'];
      // Quirks seen in real data: a trailing space and a lower-case region.
      f.companyAddress = { ...f.companyAddress, city: 'Redmond ', region: 'wa', postalCode: '98052' };
    },
  },
  french: {
    id: '1e16ecf3-6670-49a7-a574-23f94b914f81', locale: 'fr-FR',
    companyName: "Société Générale d'Électricité Côte-d'Or", domainLabel: 'sgecotedor',
    relationship: 'advisor', delegated: false,
  },
  japanese: {
    id: '47b63448-aa02-4f4f-ac02-49a5c85bd703', locale: 'ja-JP', companyName: '株式会社さくらクラウド',
    domainLabel: 'sakuracloud', relationship: 'reseller', delegated: true,
  },
  markup: {
    id: '8d496ced-0bc1-481d-8df8-192e7ee557b0', locale: 'en-US', companyName: `${MARKUP.img}Fourth Coffee`,
    domainLabel: 'fourthcoffeemarkup', relationship: 'reseller', delegated: true,
    customize: (f) => {
      f.companyEmail = `${MARKUP.img}@fourthcoffee.com`;
      f.companyAddress = { ...f.companyAddress, addressLine1: `${MARKUP.img} 1 Microsoft Way` };
      f.billing = {
        ...f.billing,
        firstName: MARKUP.script,
        lastName: MARKUP.bold,
        // A quoted local part is valid RFC 5322, so markup can really reach an e-mail field.
        email: `"${MARKUP.script}"@fourthcoffee.com`,
        defaultAddress: { ...f.billing.defaultAddress, addressLine1: `${MARKUP.bold} 1 Microsoft Way` },
      };
      f.customDomains = ['fourthcoffee.com'];
    },
  },
  sparse: {
    id: 'afd85e98-3b13-4521-a80f-d7899e7fdfc5', locale: 'en-US', companyName: 'Trey Research',
    domainLabel: 'treyresearch', relationship: 'unknown', delegated: 'absent', customize: sparse,
  },
  chinese: {
    id: '9d40461b-5ac0-4d0a-852f-e7421fbaa130', locale: 'zh-CN', companyName: '北京云启科技有限公司',
    domainLabel: 'yunqitech', relationship: 'syndication', delegated: false,
  },
  arabic: {
    id: 'ca2528b2-b4e8-47c8-a58b-a43c5c677197', locale: 'ar-SA', companyName: 'شركة الخليج للتقنية',
    domainLabel: 'gulftech', relationship: 'microsoft_support', delegated: true,
  },
  csv: {
    id: 'efdcf6d0-031c-4af6-84ae-1c037f546b05', locale: 'en-US',
    companyName: `Litware, Inc. ${MARKUP.csv}second line`, domainLabel: 'litwareinc',
    relationship: 'reseller', delegated: false,
    customize: (f) => {
      f.billing = {
        ...f.billing,
        firstName: 'Mary "May"',
        lastName: "O'Brien, Jr.",
        defaultAddress: { ...f.billing.defaultAddress, addressLine1: '1 Main St., Suite "B"\nBuilding 2' },
      };
    },
  },
  longName: {
    id: 'd2ae1acd-fe0a-46b5-aa9f-a0e472a5d740', locale: 'en-US',
    companyName:
      'Humongous Insurance International Holdings and Reinsurance Services for the Greater Pacific Northwest, ' +
      'Alaska, Hawaii, British Columbia and the Yukon Territory – Claims Processing, Underwriting, Actuarial ' +
      'Science and Customer Care Division (Legacy Tenant, est. 2009)',
    domainLabel: 'humongousinsurancelegacy', relationship: 'reseller', delegated: true,
  },
  cyrillic: {
    id: '7a6aad65-db60-4d0c-9798-783e1794bbf6', locale: 'ru-RU', companyName: 'ООО «Северное Сияние Технологии»',
    domainLabel: 'severnoesiyanie', relationship: 'none', delegated: false,
  },
  scriptName: {
    id: '6e7008c8-c0ba-42d8-a1f1-a9eba976c231', locale: 'en-GB', companyName: `${MARKUP.script} Wingtip Toys`,
    domainLabel: 'wingtiptoysuk', relationship: 'advisor', delegated: true,
  },
  noDomain: {
    id: '0ebb3892-535e-49ef-80e3-bbdf3e4ce2c3', locale: 'en-US', companyName: 'Adatum Corporation',
    domainLabel: 'adatumcorp', relationship: 'none', delegated: false,
    customize: (f) => {
      f.domain = undefined;
      f.companyEmail = undefined;
      f.companyAddress = { country: 'US', region: null, city: null, addressLine1: null, postalCode: null };
      f.billing = {
        ...f.billing,
        email: null,
        defaultAddress: {
          country: null, city: null, state: null, addressLine1: null, postalCode: null,
          firstName: null, lastName: null, phoneNumber: null,
        },
      };
      f.customDomains = undefined;
    },
  },
  indirect: {
    id: '56cd385d-e1f2-4a1a-a8fb-2a21400d155c', locale: 'fr-FR', companyName: 'Contoso Pharma Lyon',
    domainLabel: 'contosopharmalyon', relationship: 'reseller', delegated: false,
    customize: (f) => {
      f.associatedPartnerId = INDIRECT_RESELLER_IDS[0];
    },
  },
  boldName: {
    id: 'dbb7f54f-3039-4bc0-907a-a6d053ff4499', locale: 'de-DE', companyName: `${MARKUP.bold} Proseware GmbH`,
    domainLabel: 'prosewaregmbh', relationship: 'syndication', delegated: 'absent',
  },
  markdown: {
    id: 'aa4796a6-6d31-490f-ad29-4e5c45231c4c', locale: 'en-US',
    // Markdown and codicon syntax: a tooltip built as trusted markdown would turn this into a command link.
    companyName: '[Click me](command:partnerCenter.signOut) **Lucerne** _Publishing_ `code` $(alert)',
    domainLabel: 'lucernepublishing', relationship: 'reseller', delegated: true,
  },
  longUnbroken: {
    id: '553a7a93-5cdb-49b1-8787-4120b493e7d5', locale: 'de-DE',
    companyName:
      'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft' +
      'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz' +
      'Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung GmbH',
    domainLabel: 'donaudampf', relationship: 'advisor', delegated: false,
  },
  emoji: {
    id: '5f32b33c-e7c5-4693-91ea-2eeb4bdb7d06', locale: 'en-US', companyName: 'Relecloud ☁️🚀 Ventures',
    domainLabel: 'relecloudventures', relationship: 'reseller', delegated: true,
  },
  german: {
    id: '1d24e696-1c3f-40b4-873b-09c8e496e6e8', locale: 'de-DE', companyName: 'Müller & Söhne Maschinenbau GmbH',
    domainLabel: 'muellersoehne', relationship: 'reseller', delegated: true,
    customize: (f) => {
      f.customDomains = ['mueller-soehne.de', 'müller-söhne.de'];
      f.associatedPartnerId = INDIRECT_RESELLER_IDS[1];
    },
  },
  pharmaCanada: {
    id: 'd3639f72-f3f7-46b3-afc3-3dfee0c31de9', locale: 'fr-CA', companyName: 'Contoso Pharmaceuticals Canada Ltée',
    domainLabel: 'contosopharmaca', relationship: 'reseller', delegated: true,
  },
  quebec: {
    id: '36c2b5fa-9f5b-4981-b867-5c480dcb8cce', locale: 'fr-CA', companyName: 'Coopérative Érablière du Québec',
    domainLabel: 'erablierequebec', relationship: 'advisor', delegated: false,
    customize: (f) => {
      f.associatedPartnerId = INDIRECT_RESELLER_IDS[2];
    },
  },
  lowercase: {
    id: '8532c931-4368-41b4-8a71-62c33f405b78', locale: 'en-US', companyName: 'contoso labs',
    domainLabel: 'contosolabs', relationship: 'reseller', delegated: 'absent',
  },
  hebrew: {
    id: '13b72389-9e14-41f7-8c49-c066d6575a3f', locale: 'he-IL', companyName: 'עמותת ענן ירושלים',
    domainLabel: 'jerusalemcloud', relationship: 'advisor', delegated: true,
  },
  korean: {
    id: '5412adc8-a390-4ecf-b67a-2c22ff7b2220', locale: 'ko-KR', companyName: '서울클라우드 주식회사',
    domainLabel: 'seoulcloud', relationship: 'reseller', delegated: false,
  },
  hindi: {
    id: '5b3ff464-8fce-4c2f-aa54-e35d00099ac5', locale: 'hi-IN', companyName: 'भारत क्लाउड सेवाएँ प्राइवेट लिमिटेड',
    domainLabel: 'bharatcloud', relationship: 'syndication', delegated: true,
  },
  decomposed: {
    id: '5aaf5190-f42c-40ca-91a1-c2d2e0293c1b', locale: 'es-ES',
    // Combining accents (NFD): looks like "Café Ñandú S.L." but is a different code-point sequence.
    companyName: 'Cafe\u0301 N\u0303andu\u0301 S.L.',
    domainLabel: 'cafenandu', relationship: 'reseller', delegated: 'absent',
  },
} satisfies Record<string, NotableCustomer>;

/** The last customer of `default` in list order (the end of paging). */
export const DEFAULT_LAST: NotableCustomer = {
  id: '0bb95e8a-d3d6-418e-ae3c-b368eab92ad9', locale: 'en-GB', companyName: 'Zava Zephyr Outfitters Ltd',
  domainLabel: 'zavazephyr', relationship: 'reseller', delegated: true,
};

/** More customers whose names start with "Contoso", spread through `default` (search returns several pages). */
export const CONTOSO_FAMILY: readonly (readonly [name: string, locale: LocaleId])[] = [
  ['Contoso Bank', 'en-US'], ['Contoso Electronics', 'en-US'], ['Contoso Healthcare', 'en-GB'],
  ['Contoso Hotels & Resorts', 'en-AU'], ['Contoso Retail', 'en-US'], ['Contoso Motors', 'de-DE'],
  ['Contoso Energy', 'nl-NL'], ['Contoso Airlines', 'en-US'], ['Contoso University', 'en-IN'],
  ['Contoso Foods', 'fr-FR'], ['Contoso Pharma GmbH', 'de-DE'], ['Contoso Pharma UK Ltd', 'en-GB'],
  ['Contoso Pharma Research', 'en-US'], ['Contoso Pharma Japan 合同会社', 'ja-JP'],
  ['Contoso Pharma Iberia S.L.', 'es-ES'], ['Contoso Pharma Nederland B.V.', 'nl-NL'],
  ['Contoso Pharma Analytics', 'en-US'], ['CONTOSO STEEL', 'en-US'], ['Contoso-Nord SAS', 'fr-FR'],
  ['Contoso Marine', 'en-AU'], ['Contoso Suites', 'pt-BR'], ['Contosoville Council', 'en-GB'],
];

export const FABRIKAM_NOTABLE = {
  french: {
    id: '4050d0d6-571f-41e2-bb7c-ffcf7e687ad1', locale: 'fr-FR', companyName: 'Boulangerie Pâtisserie Élodie & Fils',
    domainLabel: 'boulangerieelodie', relationship: 'advisor', delegated: true,
  },
  japanese: {
    id: '085e4048-7052-474a-b611-1c6916fd3bae', locale: 'ja-JP', companyName: '東京データサービス株式会社',
    domainLabel: 'tokyodataservice', relationship: 'reseller', delegated: false,
  },
  markup: {
    id: '1f2d1be6-96da-416e-be52-6d97fe9c0ff1', locale: 'en-US',
    companyName: `Alpine Ski House ${MARKUP.img} ${MARKUP.bold}`, domainLabel: 'alpineskihouse',
    relationship: 'reseller', delegated: true,
    customize: (f) => {
      f.billing = {
        ...f.billing,
        firstName: MARKUP.bold,
        lastName: MARKUP.script,
        email: `"${MARKUP.bold}"@alpineskihouse.com`,
        defaultAddress: { ...f.billing.defaultAddress, addressLine1: `${MARKUP.img} 12 Main Street` },
      };
    },
  },
  sparse: {
    id: 'a09426cb-d8f3-441d-a0cc-36ad96d48f6c', locale: 'en-US', companyName: 'Tailwind Traders',
    domainLabel: 'tailwindtraders', relationship: 'none', delegated: 'absent', customize: sparse,
  },
  chinese: {
    id: '52d1b38d-5cc3-4083-9be6-dcca81b3f83e', locale: 'zh-CN', companyName: '上海数据港有限公司',
    domainLabel: 'shanghaidataport', relationship: 'syndication', delegated: true,
  },
  arabic: {
    id: 'abfa3fd0-919d-422a-9fcd-a6edc8a6cc03', locale: 'ar-SA', companyName: 'مؤسسة النخيل للحلول الرقمية',
    domainLabel: 'palmdigital', relationship: 'microsoft_support', delegated: false,
  },
  csv: {
    id: '432bc738-aae2-453c-88a8-790419278f62', locale: 'en-GB',
    companyName: `Bellows College ${MARKUP.csv}Annex, Room 2`, domainLabel: 'bellowscollege',
    relationship: 'reseller', delegated: true,
  },
  ukrainian: {
    id: 'cef29bc1-595e-4681-b740-8b1f4b0340e3', locale: 'uk-UA', companyName: 'ТОВ «Київські Хмарні Рішення»',
    domainLabel: 'kyivcloud', relationship: 'advisor', delegated: false,
  },
  longName: {
    id: '5d08e49f-6812-438b-aba5-d1b756191453', locale: 'en-GB',
    companyName:
      "Margie's Travel Agency and Corporate Events Planning Services for Small and Medium-Sized Businesses, " +
      'Non-Profit Organizations, Schools, Universities and Public Sector Institutions across Western Europe ' +
      'and North Africa (Head Office)',
    domainLabel: 'margiestravel', relationship: 'reseller', delegated: true,
  },
  unknownRelationship: {
    id: 'a11d8c6e-db35-47a0-9295-7dae418fb229', locale: 'en-US', companyName: 'Wide World Importers',
    domainLabel: 'wideworldimporters', relationship: 'unknown', delegated: 'absent',
  },
} satisfies Record<string, NotableCustomer>;
