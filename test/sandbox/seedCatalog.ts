// Word lists for the sandbox's generated customers: locales (culture/language, places, people, streets,
// phone formats) and company-name parts, and `draftCustomer`, which turns them into a complete customer.
import { type Random } from './prng';
import { type CustomerFacts, type WireAddress } from './seedModel';

/** A person's name as written in the locale, and the Latin spelling used in e-mail addresses. */
type Name = readonly [native: string, latin: string];

interface Place {
  readonly city: string;
  /** Company profiles carry `region`. */
  readonly region: string;
  /** Billing addresses carry `state` (two letters) where the country uses one. */
  readonly state?: string;
  readonly postalCode: string;
}

export interface Locale {
  readonly culture: string;
  readonly language: string;
  readonly country: string;
  readonly places: readonly Place[];
  readonly firstNames: readonly Name[];
  readonly lastNames: readonly Name[];
  /** `#` is replaced by a house number. */
  readonly streets: readonly string[];
  /** `#` is replaced by a digit. */
  readonly phone: string;
  readonly legalSuffixes: readonly string[];
  /** Top-level domain of the customers' own (custom) domains. */
  readonly tld: string;
}

const locale = (l: Locale): Locale => l;

export const LOCALES = {
  'en-US': locale({
    culture: 'en-US', language: 'en', country: 'US', tld: 'com', phone: '425555####',
    places: [
      { city: 'Redmond', region: 'WA', state: 'WA', postalCode: '98052' },
      { city: 'Seattle', region: 'WA', state: 'WA', postalCode: '98101' },
      { city: 'New York', region: 'NY', state: 'NY', postalCode: '10001' },
      { city: 'Austin', region: 'TX', state: 'TX', postalCode: '78701' },
      { city: 'Chicago', region: 'IL', state: 'IL', postalCode: '60601' },
      { city: 'Boston', region: 'MA', state: 'MA', postalCode: '02110' },
      { city: 'Denver', region: 'CO', state: 'CO', postalCode: '80202' },
      { city: 'San Francisco', region: 'CA', state: 'CA', postalCode: '94105' },
    ],
    firstNames: [['Emily', 'emily'], ['Michael', 'michael'], ['Sarah', 'sarah'], ['David', 'david'], ['Jessica', 'jessica'], ['James', 'james'], ['Ashley', 'ashley'], ['Robert', 'robert']],
    lastNames: [['Johnson', 'johnson'], ['Williams', 'williams'], ['Brown', 'brown'], ['Garcia', 'garcia'], ['Miller', 'miller'], ['Davis', 'davis'], ['Martinez', 'martinez'], ['Anderson', 'anderson']],
    streets: ['# Main Street', '# Market Street', '# Pine Avenue', '# Lake Drive', '# Oak Lane', '# 1st Avenue NE', '# Microsoft Way'],
    legalSuffixes: ['Inc.', 'LLC', 'Corp.'],
  }),
  'en-GB': locale({
    culture: 'en-GB', language: 'en', country: 'GB', tld: 'co.uk', phone: '+44 20 #### ####',
    places: [
      { city: 'London', region: 'England', postalCode: 'EC1A 1BB' },
      { city: 'Manchester', region: 'England', postalCode: 'M1 1AE' },
      { city: 'Edinburgh', region: 'Scotland', postalCode: 'EH1 1YZ' },
      { city: 'Bristol', region: 'England', postalCode: 'BS1 4DJ' },
      { city: 'Cardiff', region: 'Wales', postalCode: 'CF10 1EP' },
    ],
    firstNames: [['Oliver', 'oliver'], ['Amelia', 'amelia'], ['Harry', 'harry'], ['Isla', 'isla'], ['George', 'george'], ['Poppy', 'poppy']],
    lastNames: [['Smith', 'smith'], ['Jones', 'jones'], ['Taylor', 'taylor'], ['Evans', 'evans'], ['Wright', 'wright'], ['Hughes', 'hughes']],
    streets: ['# High Street', '# Station Road', '# Victoria Road', '# King Street'],
    legalSuffixes: ['Ltd', 'plc', 'LLP'],
  }),
  'fr-FR': locale({
    culture: 'fr-FR', language: 'fr', country: 'FR', tld: 'fr', phone: '+33 1 ## ## ## ##',
    places: [
      { city: 'Paris', region: 'Île-de-France', postalCode: '75008' },
      { city: 'Lyon', region: 'Auvergne-Rhône-Alpes', postalCode: '69002' },
      { city: 'Marseille', region: "Provence-Alpes-Côte d'Azur", postalCode: '13001' },
      { city: 'Toulouse', region: 'Occitanie', postalCode: '31000' },
      { city: 'Lille', region: 'Hauts-de-France', postalCode: '59000' },
      { city: 'Nantes', region: 'Pays de la Loire', postalCode: '44000' },
      { city: 'Dijon', region: 'Bourgogne-Franche-Comté', postalCode: '21000' },
    ],
    firstNames: [['Hélène', 'helene'], ['François', 'francois'], ['Chloé', 'chloe'], ['Jérôme', 'jerome'], ['Anaïs', 'anais'], ['Léa', 'lea'], ['Théo', 'theo']],
    lastNames: [['Lefèvre', 'lefevre'], ['Dubois', 'dubois'], ['Moreau', 'moreau'], ['Girard', 'girard'], ['Rousseau', 'rousseau'], ['Bérenger', 'berenger']],
    streets: ['# rue de la République', '# avenue des Champs-Élysées', '# boulevard Haussmann', '# place Bellecour', '# quai de la Fosse'],
    legalSuffixes: ['SAS', 'SARL', 'SA'],
  }),
  'fr-CA': locale({
    culture: 'fr-CA', language: 'fr', country: 'CA', tld: 'ca', phone: '+1 514 ### ####',
    places: [
      { city: 'Montréal', region: 'QC', state: 'QC', postalCode: 'H3B 2Y5' },
      { city: 'Québec', region: 'QC', state: 'QC', postalCode: 'G1R 4P5' },
      { city: 'Gatineau', region: 'QC', state: 'QC', postalCode: 'J8X 3X7' },
      { city: 'Sherbrooke', region: 'QC', state: 'QC', postalCode: 'J1H 1Z3' },
    ],
    firstNames: [['Geneviève', 'genevieve'], ['Étienne', 'etienne'], ['Maxime', 'maxime'], ['Élise', 'elise'], ['Mathieu', 'mathieu']],
    lastNames: [['Tremblay', 'tremblay'], ['Gagnon', 'gagnon'], ['Côté', 'cote'], ['Bélanger', 'belanger'], ['Lévesque', 'levesque']],
    streets: ['# rue Sainte-Catherine', '# boulevard René-Lévesque', '# Grande Allée Est', '# rue Saint-Jean'],
    legalSuffixes: ['Inc.', 'Ltée'],
  }),
  'de-DE': locale({
    culture: 'de-DE', language: 'de', country: 'DE', tld: 'de', phone: '+49 30 ########',
    places: [
      { city: 'Berlin', region: 'Berlin', postalCode: '10115' },
      { city: 'München', region: 'Bayern', postalCode: '80331' },
      { city: 'Hamburg', region: 'Hamburg', postalCode: '20095' },
      { city: 'Köln', region: 'Nordrhein-Westfalen', postalCode: '50667' },
      { city: 'Frankfurt am Main', region: 'Hessen', postalCode: '60311' },
      { city: 'Stuttgart', region: 'Baden-Württemberg', postalCode: '70173' },
    ],
    firstNames: [['Jürgen', 'juergen'], ['Sören', 'soeren'], ['Anja', 'anja'], ['Lukas', 'lukas'], ['Käthe', 'kaethe'], ['Jörg', 'joerg']],
    lastNames: [['Müller', 'mueller'], ['Schröder', 'schroeder'], ['Weiß', 'weiss'], ['Schmidt', 'schmidt'], ['Bäcker', 'baecker'], ['Wagner', 'wagner']],
    streets: ['Hauptstraße #', 'Friedrichstraße #', 'Königsallee #', 'Maximilianstraße #', 'Schloßstraße #'],
    legalSuffixes: ['GmbH', 'AG', 'GmbH & Co. KG'],
  }),
  'ja-JP': locale({
    culture: 'ja-JP', language: 'ja', country: 'JP', tld: 'co.jp', phone: '+81 3-####-####',
    places: [
      { city: '千代田区', region: '東京都', postalCode: '100-0005' },
      { city: '大阪市北区', region: '大阪府', postalCode: '530-0001' },
      { city: '横浜市西区', region: '神奈川県', postalCode: '220-0012' },
      { city: '名古屋市中村区', region: '愛知県', postalCode: '450-0002' },
      { city: '福岡市博多区', region: '福岡県', postalCode: '812-0011' },
    ],
    firstNames: [['陽翔', 'haruto'], ['結衣', 'yui'], ['蓮', 'ren'], ['さくら', 'sakura'], ['大翔', 'hiroto']],
    lastNames: [['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'], ['渡辺', 'watanabe']],
    streets: ['丸の内1-#-1', '梅田2-#-3', 'みなとみらい3-#-1', '名駅4-#-2'],
    legalSuffixes: ['株式会社', '合同会社'],
  }),
  'zh-CN': locale({
    culture: 'zh-CN', language: 'zh-hans', country: 'CN', tld: 'cn', phone: '+86 10 ########',
    places: [
      { city: '海淀区', region: '北京市', postalCode: '100080' },
      { city: '浦东新区', region: '上海市', postalCode: '200120' },
      { city: '深圳市', region: '广东省', postalCode: '518000' },
      { city: '杭州市', region: '浙江省', postalCode: '310000' },
      { city: '成都市', region: '四川省', postalCode: '610000' },
    ],
    firstNames: [['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['静', 'jing'], ['强', 'qiang']],
    lastNames: [['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen']],
    streets: ['中关村大街#号', '世纪大道#号', '深南大道#号', '文三路#号'],
    legalSuffixes: ['有限公司'],
  }),
  'ar-SA': locale({
    culture: 'ar-SA', language: 'ar', country: 'SA', tld: 'sa', phone: '+966 11 ### ####',
    places: [
      { city: 'الرياض', region: 'منطقة الرياض', postalCode: '12211' },
      { city: 'جدة', region: 'منطقة مكة المكرمة', postalCode: '21577' },
      { city: 'الدمام', region: 'المنطقة الشرقية', postalCode: '32241' },
    ],
    firstNames: [['محمد', 'mohammed'], ['فاطمة', 'fatimah'], ['عبدالله', 'abdullah'], ['نورة', 'noura']],
    lastNames: [['العتيبي', 'alotaibi'], ['القحطاني', 'alqahtani'], ['الشمري', 'alshammari'], ['الحربي', 'alharbi']],
    streets: ['طريق الملك فهد #', 'شارع التحلية #', 'طريق الأمير محمد بن عبدالعزيز #'],
    legalSuffixes: ['LLC'],
  }),
  'ru-RU': locale({
    culture: 'ru-RU', language: 'ru', country: 'RU', tld: 'ru', phone: '+7 495 ###-##-##',
    places: [
      { city: 'Москва', region: 'Москва', postalCode: '101000' },
      { city: 'Санкт-Петербург', region: 'Санкт-Петербург', postalCode: '190000' },
      { city: 'Новосибирск', region: 'Новосибирская область', postalCode: '630099' },
      { city: 'Казань', region: 'Республика Татарстан', postalCode: '420111' },
    ],
    firstNames: [['Анна', 'anna'], ['Дмитрий', 'dmitry'], ['Екатерина', 'ekaterina'], ['Сергей', 'sergey']],
    lastNames: [['Смирнова', 'smirnova'], ['Иванов', 'ivanov'], ['Кузнецова', 'kuznetsova'], ['Попов', 'popov']],
    streets: ['ул. Тверская, д. #', 'Невский пр., д. #', 'ул. Баумана, д. #'],
    legalSuffixes: ['ООО', 'АО'],
  }),
  'es-ES': locale({
    culture: 'es-ES', language: 'es', country: 'ES', tld: 'es', phone: '+34 91 ### ## ##',
    places: [
      { city: 'Madrid', region: 'Comunidad de Madrid', postalCode: '28013' },
      { city: 'Barcelona', region: 'Cataluña', postalCode: '08002' },
      { city: 'Sevilla', region: 'Andalucía', postalCode: '41001' },
      { city: 'Valencia', region: 'Comunitat Valenciana', postalCode: '46002' },
    ],
    firstNames: [['José', 'jose'], ['María', 'maria'], ['Íñigo', 'inigo'], ['Lucía', 'lucia']],
    lastNames: [['García', 'garcia'], ['Fernández', 'fernandez'], ['Muñoz', 'munoz'], ['Núñez', 'nunez']],
    streets: ['Calle de Alcalá, #', 'Passeig de Gràcia, #', 'Avenida de la Constitución, #'],
    legalSuffixes: ['S.L.', 'S.A.'],
  }),
  'pt-BR': locale({
    culture: 'pt-BR', language: 'pt', country: 'BR', tld: 'com.br', phone: '+55 11 9####-####',
    places: [
      { city: 'São Paulo', region: 'SP', state: 'SP', postalCode: '01310-100' },
      { city: 'Rio de Janeiro', region: 'RJ', state: 'RJ', postalCode: '20040-020' },
      { city: 'Belo Horizonte', region: 'MG', state: 'MG', postalCode: '30130-010' },
      { city: 'Curitiba', region: 'PR', state: 'PR', postalCode: '80010-000' },
    ],
    firstNames: [['João', 'joao'], ['Ana', 'ana'], ['Gonçalo', 'goncalo'], ['Beatriz', 'beatriz']],
    lastNames: [['Silva', 'silva'], ['Conceição', 'conceicao'], ['Araújo', 'araujo'], ['Simões', 'simoes']],
    streets: ['Avenida Paulista, #', 'Rua da Assembleia, #', 'Rua XV de Novembro, #'],
    legalSuffixes: ['Ltda.', 'S.A.'],
  }),
  'nl-NL': locale({
    culture: 'nl-NL', language: 'nl', country: 'NL', tld: 'nl', phone: '+31 20 ### ####',
    places: [
      { city: 'Amsterdam', region: 'Noord-Holland', postalCode: '1012 JS' },
      { city: 'Rotterdam', region: 'Zuid-Holland', postalCode: '3011 AD' },
      { city: 'Utrecht', region: 'Utrecht', postalCode: '3511 LX' },
      { city: 'Eindhoven', region: 'Noord-Brabant', postalCode: '5611 AZ' },
    ],
    firstNames: [['Daan', 'daan'], ['Sanne', 'sanne'], ['Bram', 'bram'], ['Fleur', 'fleur']],
    lastNames: [['de Vries', 'devries'], ['van den Berg', 'vandenberg'], ['Jansen', 'jansen'], ['Bakker', 'bakker']],
    streets: ['Damrak #', 'Coolsingel #', 'Oudegracht #'],
    legalSuffixes: ['B.V.', 'N.V.'],
  }),
  'en-IN': locale({
    culture: 'en-IN', language: 'en', country: 'IN', tld: 'in', phone: '+91 80 #### ####',
    places: [
      { city: 'Bengaluru', region: 'Karnataka', state: 'KA', postalCode: '560001' },
      { city: 'Mumbai', region: 'Maharashtra', state: 'MH', postalCode: '400001' },
      { city: 'Hyderabad', region: 'Telangana', state: 'TS', postalCode: '500001' },
      { city: 'Pune', region: 'Maharashtra', state: 'MH', postalCode: '411001' },
    ],
    firstNames: [['Aarav', 'aarav'], ['Priya', 'priya'], ['Vihaan', 'vihaan'], ['Ananya', 'ananya']],
    lastNames: [['Sharma', 'sharma'], ['Patel', 'patel'], ['Iyer', 'iyer'], ['Reddy', 'reddy']],
    streets: ['# MG Road', '# Brigade Road', '# Linking Road'],
    legalSuffixes: ['Pvt Ltd'],
  }),
  'hi-IN': locale({
    culture: 'hi-IN', language: 'hi', country: 'IN', tld: 'in', phone: '+91 11 #### ####',
    places: [{ city: 'नई दिल्ली', region: 'दिल्ली', state: 'DL', postalCode: '110001' }],
    firstNames: [['अर्जुन', 'arjun'], ['दीपिका', 'deepika']],
    lastNames: [['शर्मा', 'sharma'], ['वर्मा', 'verma']],
    streets: ['# कनॉट प्लेस'],
    legalSuffixes: ['प्राइवेट लिमिटेड'],
  }),
  'en-AU': locale({
    culture: 'en-AU', language: 'en', country: 'AU', tld: 'com.au', phone: '+61 2 #### ####',
    places: [
      { city: 'Sydney', region: 'NSW', postalCode: '2000' },
      { city: 'Melbourne', region: 'VIC', postalCode: '3000' },
      { city: 'Brisbane', region: 'QLD', postalCode: '4000' },
      { city: 'Perth', region: 'WA', postalCode: '6000' },
    ],
    firstNames: [['Charlotte', 'charlotte'], ['Jack', 'jack'], ['Matilda', 'matilda'], ['Lachlan', 'lachlan']],
    lastNames: [['Wilson', 'wilson'], ['Thompson', 'thompson'], ['Kelly', 'kelly'], ['Nguyen', 'nguyen']],
    streets: ['# George Street', '# Collins Street', '# Queen Street'],
    legalSuffixes: ['Pty Ltd'],
  }),
  'ko-KR': locale({
    culture: 'ko-KR', language: 'ko', country: 'KR', tld: 'co.kr', phone: '+82 2-####-####',
    places: [
      { city: '강남구', region: '서울특별시', postalCode: '06236' },
      { city: '해운대구', region: '부산광역시', postalCode: '48094' },
      { city: '성남시', region: '경기도', postalCode: '13487' },
    ],
    firstNames: [['민준', 'minjun'], ['서연', 'seoyeon'], ['지호', 'jiho']],
    lastNames: [['김', 'kim'], ['이', 'lee'], ['박', 'park']],
    streets: ['테헤란로 #', '해운대로 #', '판교역로 #'],
    legalSuffixes: ['주식회사', 'Co., Ltd.'],
  }),
  'uk-UA': locale({
    culture: 'uk-UA', language: 'uk', country: 'UA', tld: 'com.ua', phone: '+380 44 ### ## ##',
    places: [
      { city: 'Київ', region: 'Київ', postalCode: '01001' },
      { city: 'Львів', region: 'Львівська область', postalCode: '79000' },
      { city: 'Одеса', region: 'Одеська область', postalCode: '65000' },
    ],
    firstNames: [['Олена', 'olena'], ['Андрій', 'andrii'], ['Оксана', 'oksana']],
    lastNames: [['Шевченко', 'shevchenko'], ['Коваленко', 'kovalenko'], ['Бондаренко', 'bondarenko']],
    streets: ['вул. Хрещатик, #', 'просп. Свободи, #', 'вул. Дерибасівська, #'],
    legalSuffixes: ['ТОВ'],
  }),
  'he-IL': locale({
    culture: 'he-IL', language: 'he', country: 'IL', tld: 'co.il', phone: '+972 2-###-####',
    places: [
      { city: 'ירושלים', region: 'מחוז ירושלים', postalCode: '9414201' },
      { city: 'תל אביב-יפו', region: 'מחוז תל אביב', postalCode: '6100000' },
      { city: 'חיפה', region: 'מחוז חיפה', postalCode: '3100001' },
    ],
    firstNames: [['נועה', 'noa'], ['יוסף', 'yosef'], ['תמר', 'tamar']],
    lastNames: [['כהן', 'cohen'], ['לוי', 'levi'], ['מזרחי', 'mizrahi']],
    streets: ['רחוב יפו #', 'שדרות רוטשילד #', 'רחוב הרצל #'],
    legalSuffixes: ['בע"מ', 'Ltd'],
  }),
} satisfies Record<string, Locale>;

export type LocaleId = keyof typeof LOCALES;

/** How often each locale appears among generated customers (a US-based partner with customers worldwide). */
export const LOCALE_WEIGHTS: readonly (readonly [LocaleId, number])[] = [
  ['en-US', 34], ['en-GB', 9], ['fr-FR', 9], ['fr-CA', 5], ['de-DE', 8], ['ja-JP', 5], ['zh-CN', 4],
  ['ar-SA', 3], ['ru-RU', 2], ['es-ES', 5], ['pt-BR', 4], ['nl-NL', 4], ['en-IN', 3], ['en-AU', 4],
  ['ko-KR', 2], ['uk-UA', 1], ['he-IL', 1],
];

/** Microsoft's fictitious company names; none starts with "Contoso" (that prefix is reserved for search tests). */
export const COMPANY_BASES: readonly string[] = [
  'Adatum', 'Adventure Works', 'Alpine Ski House', 'Awesome Computers', 'Baldwin Museum of Science',
  'Bellows College', 'Best For You Organics', 'Blue Yonder Airlines', 'City Power & Light', 'Coho Vineyard',
  'Consolidated Messenger', 'Datum', 'Fincher Architects', 'First Up Consultants', 'Fourth Coffee',
  'Graphic Design Institute', 'Humongous Insurance', 'Lakeshore Retail', 'Lamna Healthcare',
  "Liberty's Delightful Bakery", 'Litware', 'Lucerne Publishing', "Margie's Travel", 'Munson Pickles',
  'Nod Publishers', 'Olympia', 'Parnell Aerospace', 'Proseware', 'Relecloud', 'School of Fine Art',
  'Southridge Video', 'Tailspin Toys', 'Tailwind Traders', 'Trey Research', 'VanArsdel',
  'Wide World Importers', 'Wingtip Toys', 'Woodgrove Bank', 'Zava', 'Lakeview Clinics',
];

export const SECTORS: readonly string[] = [
  'Logistics', 'Health', 'Consulting', 'Manufacturing', 'Retail', 'Legal', 'Energy', 'Media', 'Foods',
  'Analytics', 'Engineering', 'Hospitality', 'Finance', 'Education', 'Biotech', 'Construction', 'Design',
  'Security', 'Travel', 'Telecom', 'Robotics', 'Marine', 'Agriculture', 'Software',
];

export const RELATIONSHIP_WEIGHTS: readonly (readonly [string, number])[] = [
  ['reseller', 70], ['advisor', 10], ['none', 8], ['syndication', 4], ['microsoft_support', 4], ['unknown', 4],
];

export function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1][0];
}

const fill = (pattern: string, digit: () => string): string => pattern.replace(/#/g, digit);

/** Lower-case ASCII letters and digits only, as in `*.onmicrosoft.com` initial domains. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** An etag as Partner Center writes them: a signed 64-bit number in a string. */
export function etag(random: Random): string {
  return `${random.chance(0.5) ? '-' : ''}${random.int(1, 9)}${random.digits(18)}`;
}

export interface Draft {
  readonly id: string;
  readonly companyName: string;
  /** The initial domain's first label (`<label>.onmicrosoft.com`). */
  readonly domainLabel: string;
  readonly locale: Locale;
}

/**
 * A complete customer in the given locale: every optional field filled, so notable records only state what
 * makes them special (markup, nulls, missing fields) on top of it.
 */
export function draftCustomer(random: Random, draft: Draft): CustomerFacts {
  const { locale: l } = draft;
  const place = random.pick(l.places);
  const first = random.pick(l.firstNames);
  const last = random.pick(l.lastNames);
  const domain = `${draft.domainLabel}.onmicrosoft.com`;
  const ownDomain = `${draft.domainLabel}.${l.tld}`;
  const phone = fill(l.phone, () => String(random.int(0, 9)));
  const street = fill(random.pick(l.streets), () => String(random.int(1, 250)));
  const secondLine = random.chance(0.2) ? `Suite ${random.int(100, 990)}` : undefined;
  const companyAddress: WireAddress = {
    country: l.country,
    region: place.region,
    city: place.city,
    addressLine1: street,
    ...(secondLine ? { addressLine2: secondLine } : {}),
    postalCode: place.postalCode,
    phoneNumber: phone,
  };
  const billingAddress: WireAddress = {
    country: l.country,
    city: place.city,
    ...(place.state ? { state: place.state } : {}),
    addressLine1: street,
    ...(secondLine ? { addressLine2: secondLine } : {}),
    postalCode: place.postalCode,
    firstName: first[0],
    lastName: last[0],
    phoneNumber: phone,
  };
  const customDomainRoll = random.next();
  return {
    id: draft.id,
    commerceId: random.guid(),
    companyName: draft.companyName,
    domain,
    companyEmail: `admin@${domain}`,
    companyAddress,
    billing: {
      id: random.guid(),
      firstName: first[0],
      lastName: last[0],
      email: `${first[1]}.${last[1]}@${customDomainRoll < 0.55 ? ownDomain : domain}`,
      culture: l.culture,
      language: l.language,
      companyName: draft.companyName,
      defaultAddress: billingAddress,
      etag: etag(random),
    },
    relationshipToPartner: weighted(random, RELATIONSHIP_WEIGHTS),
    allowDelegatedAccess: random.chance(0.2) ? undefined : random.chance(0.55),
    customDomains:
      customDomainRoll < 0.45 ? [ownDomain]
        : customDomainRoll < 0.55 ? [ownDomain, `${draft.domainLabel}.net`]
          : customDomainRoll < 0.65 ? null
            : customDomainRoll < 0.75 ? []
              : undefined,
    associatedPartnerId: undefined,
  };
}
