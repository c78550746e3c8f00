// Partner Center's X-Locale takes a culture (`en-US`, `fr-FR`); VS Code's display language is a
// language tag (`en`, `fr`, `zh-cn`, `pt-br`). Map one to the other.

/** The usual culture of languages whose tag has no region. */
const DEFAULT_REGION: Readonly<Record<string, string>> = {
  en: 'US',
  fr: 'FR',
  de: 'DE',
  es: 'ES',
  it: 'IT',
  ja: 'JP',
  ko: 'KR',
  pt: 'BR',
  ru: 'RU',
  tr: 'TR',
  pl: 'PL',
  cs: 'CZ',
  hu: 'HU',
  nl: 'NL',
  sv: 'SE',
  da: 'DK',
  nb: 'NO',
  fi: 'FI',
  ar: 'SA',
  he: 'IL',
  zh: 'CN',
  uk: 'UA',
};

export function toXLocale(displayLanguage: string | undefined): string {
  const [language = '', region] = (displayLanguage ?? '').toLowerCase().split(/[-_]/);
  if (!/^[a-z]{2,3}$/.test(language)) return 'en-US';
  if (region && /^[a-z]{2}$/.test(region)) return `${language}-${region.toUpperCase()}`;
  const defaultRegion = DEFAULT_REGION[language];
  return defaultRegion ? `${language}-${defaultRegion}` : 'en-US';
}
