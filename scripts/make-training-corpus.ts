import { writeFileSync } from 'node:fs';

/**
 * Writes the generated part of the identifying-details training corpus
 * (`tests/fixtures/identifying-details/uk-corpus.training.txt`): first-person narratives put together from
 * sentence templates and made-up people, places and organisations from all four UK nations, labelled inline as
 * `[[KIND|text]]`. It is deterministic (a fixed seed), so the file only changes when this script does. The
 * held-out slice is hand-written in other words and is never generated.
 *
 *   node --import tsx scripts/make-training-corpus.ts
 */

let seed = 20_2026;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

interface Nation {
  name: string;
  towns: string[];
  districts: string[];
  streets: string[];
  orgs: string[];
  schools: string[];
  postcodes: string[];
  phones: string[];
  months: string[];
}

const englishMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const welshMonths = [
  'Ionawr',
  'Chwefror',
  'Mawrth',
  'Ebrill',
  'Mai',
  'Mehefin',
  'Gorffennaf',
  'Awst',
  'Medi',
  'Hydref',
  'Tachwedd',
  'Rhagfyr',
];

const nations: Nation[] = [
  {
    name: 'england',
    towns: [
      'Telford',
      'Wolverhampton',
      'Oldham',
      'Rochdale',
      'Stoke-on-Trent',
      'Derby',
      'Luton',
      'Bradford',
      'Hull',
      'Blackpool',
      'Wellington',
      'Shrewsbury',
      'Walsall',
      'Keighley',
      'Huddersfield',
      'Norwich',
      'Ipswich',
      'Exeter',
      'Gloucester',
      'Northampton',
    ],
    districts: [
      'Madeley',
      'Oakengates',
      'Hadley',
      'Ketley',
      'Woodside',
      'Hollinswood',
      'Lawley',
      'Leegomery',
      'Brookside',
      'Chapeltown',
      'Harehills',
      'Handsworth',
      'Sparkbrook',
      'Levenshulme',
      'Everton',
      'Anfield',
      'Tilbury',
      'Moulsecoomb',
      'Whitley Bay',
      'Kirkby',
    ],
    streets: [
      'Church Street',
      'High Street',
      'Station Road',
      'Mill Lane',
      'Victoria Road',
      'Queen Street',
      'Park Avenue',
      'Holyhead Road',
      'Bridge Street',
      'Albert Road',
    ],
    orgs: [
      'Tasty Bites',
      'Golden Dragon',
      'Star Cars',
      'Ace Taxis',
      'Woodland Grange',
      'Halesfield Care Home',
      'Premier Inn Telford',
      'Pizza Palace',
      'Crown Hotel',
      'Greenacres Holiday Park',
      'Sunrise Youth Project',
      'Chicken Express',
      'Royal Shrewsbury Hospital',
      'Orchard House',
      'Beacon Youth Club',
    ],
    schools: [
      'Thomas Telford School',
      'Hadley Learning Community',
      "St Peter's Academy",
      'Abraham Darby Academy',
      'Burton Borough School',
      'HLC',
      'TTS',
      'Madeley Academy',
      'Telford College',
      'Ormiston Sir Stanley Matthews Academy',
    ],
    postcodes: ['TF3 4HL', 'tf1 1dx', 'WV10 9QP', 'B11 4AA', 'LS7 3RT', 'OL1 2JD', 'M13 9PL', 'BD8 7ES'],
    phones: [
      '07700 900321',
      '0121 496 0558',
      '07700900462',
      '0113 496 0199',
      '020 7946 0872',
      '0161 496 0344',
      '+44 7700 900 613',
    ],
    months: englishMonths,
  },
  {
    name: 'wales',
    towns: [
      'Wrexham',
      'Cardiff',
      'Swansea',
      'Newport',
      'Llanelli',
      'Caerphilly',
      'Rhyl',
      'Bangor',
      'Pontypridd',
      'Carmarthen',
      'Aberdare',
      'Barry',
      'Neath',
      'Port Talbot',
    ],
    districts: [
      'Caerdydd',
      'Abertawe',
      'Casnewydd',
      'Caerfyrddin',
      'Pontypridd',
      'Glynrhedynog',
      'Grangetown',
      'Ely',
      'Penparcau',
      'Sgeti',
      'Trelái',
      'Ystrad Mynach',
      'Ynys Môn',
      'Llandudno Junction',
    ],
    streets: [
      'Heol y Frenhines',
      'Stryd Fawr',
      'Ffordd yr Orsaf',
      'Church Street',
      'High Street',
      'Cowbridge Road',
      'Heol Isaf',
      'Lôn Las',
    ],
    orgs: [
      'Canolfan Soar',
      'Clwb Rygbi Treorci',
      'Caffi Cwtch',
      'Clwb Ieuenctid Penparcau',
      'Menter Iaith Conwy',
      'Valleys Kebab House',
      'Dragon Taxis',
      'Ysbyty Gwynedd',
      'Canolfan Hamdden Caerfyrddin',
      'Bay Leaf Café',
    ],
    schools: [
      'Ysgol Glan Clwyd',
      'Ysgol Bro Myrddin',
      'Ysgol Gyfun Cwm Rhondda',
      'Ysgol y Creuddyn',
      'Cathays High School',
      'Coleg Cambria',
      'YGGCR',
      'Coleg Gwent',
    ],
    postcodes: ['CF10 1EP', 'sa1 3sn', 'LL57 2DG', 'NP20 1FJ', 'CF242AB', 'SY23 1HY'],
    phones: ['029 2018 0456', '07700 900781', '01632 960 227', '029 2018 0911'],
    months: [...englishMonths, ...welshMonths],
  },
  {
    name: 'scotland',
    towns: [
      'Glasgow',
      'Dundee',
      'Aberdeen',
      'Paisley',
      'Kilmarnock',
      'Falkirk',
      'Motherwell',
      'Perth',
      'Ayr',
      'Stirling',
      'Greenock',
      'Livingston',
    ],
    districts: [
      'Glaschu',
      'Obar Dheathain',
      'Dùn Èideann',
      'Easterhouse',
      'Drumchapel',
      'Pilton',
      'Niddrie',
      'Whitfield',
      'Ferguslie Park',
      'Muirhouse',
      'Possilpark',
      'Torry',
    ],
    streets: [
      'Sauchiehall Street',
      'Leith Walk',
      'Union Street',
      'Church Street',
      'High Street',
      'Dumbarton Road',
      'Great Western Road',
    ],
    orgs: [
      'Dolphin Fish Bar',
      'Glasgow Taxis',
      'Ardmore House',
      'Clydeside Youth Project',
      'Bella Napoli',
      'The Corner Café',
      'Rosebank Care Home',
      'Highland Lodge Hotel',
      'Whitfield Boxing Club',
    ],
    schools: [
      'Springburn Academy',
      "St Mungo's High",
      'Govan High School',
      'Craigroyston Community High',
      'Braeview Academy',
      'GHS',
      'Perth College',
    ],
    postcodes: ['G21 4QE', 'eh4 4pt', 'DD4 9DF', 'AB11 5RS', 'G402AD', 'PA3 1XR'],
    phones: ['0141 496 0213', '07700 900540', '0131 496 0627', '01382 496012'],
    months: englishMonths,
  },
  {
    name: 'northern-ireland',
    towns: [
      'Belfast',
      'Newry',
      'Lisburn',
      'Ballymena',
      'Craigavon',
      'Omagh',
      'Strabane',
      'Coleraine',
      'Enniskillen',
      'Bangor',
      'Armagh',
      'Dungannon',
    ],
    districts: [
      'Béal Feirste',
      'Andersonstown',
      'Ballybeen',
      'Rathcoole',
      'Creggan',
      'Twinbrook',
      'Shankill',
      'Ardoyne',
      'Short Strand',
      'Dunmurry',
    ],
    streets: ['Falls Road', 'Antrim Road', 'Church Street', 'High Street', 'Shore Road', 'Ormeau Road', 'Main Street'],
    orgs: [
      'fonaCAB',
      'Lagan Lounge',
      'Belmont Chippy',
      "Glenview Children's Home",
      'Clonard Youth Club',
      'Royal Victoria Hospital',
      'Europa Hotel',
      'Sandy Row Boxing Club',
    ],
    schools: [
      "St Louise's",
      "Belfast Boys' Model",
      'Coláiste Feirste',
      "Ashfield Girls' High",
      "St Mary's Grammar",
      'BRA',
      'Belfast Met',
    ],
    postcodes: ['BT12 6FR', 'bt9 5aa', 'BT48 0LQ', 'BT356HJ', 'BT71 4DR'],
    phones: ['028 9018 0342', '07700 900119', '028 9018 0777'],
    months: englishMonths,
  },
];

const people = {
  first: [
    'Aaliyah',
    'Kyle',
    'Jordan',
    'Tyler',
    'Chantelle',
    'Jade',
    'Liam',
    'Amir',
    'Zara',
    'Farah',
    'Nadia',
    'Bilal',
    'Sukhdeep',
    'Harjit',
    'Manpreet',
    'Anjali',
    'Ravi',
    'Deepa',
    'Olumide',
    'Funmilayo',
    'Chidi',
    'Emeka',
    'Ama',
    'Kojo',
    'Abdi',
    'Hodan',
    'Faduma',
    'Mei',
    'Li Na',
    'Thanh',
    'Piotr',
    'Kasia',
    'Magdalena',
    'Jakub',
    'Rūta',
    'Mantas',
    'Gintarė',
    'Andrius',
    'Cerys',
    'Rhys',
    'Ffion',
    'Carys',
    'Dafydd',
    'Siân',
    'Elin',
    'Iwan',
    'Catriona',
    'Ruairidh',
    'Morag',
    'Fraser',
    'Kirsty',
    'Eilish',
    'Seán',
    'Niamh',
    'Orla',
    'Aoife',
    'Darragh',
    'Connor',
    'Shannon',
    'Kayleigh',
    'Reece',
    'Leon',
    'Jamal',
    'Tyrone',
    'Keisha',
    'Mohammed',
    'Yusuf',
    'Ayesha',
    'Imani',
    'Tariq',
    'Nasreen',
  ],
  commonWordNames: [
    'Dawn',
    'Autumn',
    'Hope',
    'Summer',
    'Faith',
    'Grace',
    'Joy',
    'Holly',
    'Rose',
    'Sky',
    'Precious',
    'Blessing',
    'Mark',
    'Will',
    'Bob',
    'Jack',
    'Ruby',
    'Amber',
    'Crystal',
    'Destiny',
  ],
  surnames: [
    'Okafor',
    'Mensah',
    'Begum',
    'Hussain',
    'Khan',
    'Patel',
    'Singh',
    'Kaur',
    'Ahmed',
    'Nowak',
    'Kowalczyk',
    'Kazlauskas',
    'Petrauskas',
    'Jones',
    'Williams',
    'Davies',
    'Evans',
    'MacDonald',
    'Campbell',
    'Murphy',
    "O'Neill",
    'McCann',
    'Nguyen',
    'Chen',
    'Adeyemi',
    'Osei',
    'Abdullahi',
    'Warsame',
    'Smith',
    'Hughes',
    'Roberts',
    'Ali',
  ],
  doubleBarrelled: [
    'Hughes-Mensah',
    'Smith-Okafor',
    'Lloyd-Williams',
    'Campbell-Bannerman',
    'Khan-Davies',
    'Price-Jones',
    'Wynne-Thomas',
    'Allen-Begum',
  ],
  nicknames: [
    'Smudge',
    'Tiny',
    'Big Mac',
    'Ginger',
    'Taff',
    'Scouse',
    'Lil Dee',
    'Kez',
    'Shaz',
    'Bossman',
    'Dee Dee',
    'Wee Davie',
  ],
  titles: ['Mrs', 'Mr', 'Ms', 'Miss', 'PC', 'DC', 'DS', 'Dr', 'Sgt'],
  initials: ['Ms T', 'Mr K', 'Miss J', 'Mr D', 'Mrs B'],
};

const handles = [
  'lil.dee_x',
  'kez_tfd',
  'shaz.x.x',
  'bigmac_93',
  'daddy_k.official',
  'tfd.youngen',
  'zara_b_xx',
  'cardiff.boi',
  'g_money_gla',
  'belfast_baby01',
];
const discords = ['smudge#0412', 'nightowl#2231', 'ghostie#7710', 'kingpin#0099'];
const emails = [
  'jade.m@example.com',
  'kyle1999@example.org',
  'tasha.w@example.net',
  'mr.k@example.co.uk',
  'abdi.warsame@example.com',
];
const plates = ['AB12 CDE', 'wv68 lkp', 'YS19XRT', 'CV70 HNM', 'SN15 ZZP', 'ln13 bxx', 'FY66 TKO', 'BT51 OPL'];
const carBrands = [
  'Vauxhall Corsa',
  'BMW',
  'Mercedes',
  'Ford Fiesta',
  'Audi A3',
  'VW Golf',
  'Range Rover',
  'Nissan Qashqai',
  'Toyota Yaris',
];
const ageWords = ['eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen'];

const P = (text: string): string => `[[PERSON|${text}]]`;
const L = (text: string): string => `[[PLACE|${text}]]`;
const O = (text: string): string => `[[ORG|${text}]]`;
const D = (text: string): string => `[[DATE|${text}]]`;

function personName(): string {
  const roll = random();
  if (roll < 0.3) return P(pick(people.first));
  if (roll < 0.45) return P(`${pick(people.first)} ${pick(people.surnames)}`);
  if (roll < 0.55) return P(`${pick(people.first)} ${pick(people.doubleBarrelled)}`);
  if (roll < 0.7) return P(`${pick(people.titles)} ${pick([...people.surnames, ...people.doubleBarrelled])}`);
  if (roll < 0.8) return P(pick(people.initials));
  if (roll < 0.9) return P(pick(people.nicknames));
  return P(pick(people.commonWordNames));
}

function lowerChatName(): string {
  return P(pick(people.first).toLowerCase());
}

const year = (): string => String(2004 + Math.floor(random() * 19));

function dateOf(nation: Nation): string {
  const month = pick(nation.months);
  const roll = random();
  if (roll < 0.25) return D(`${month} ${year()}`);
  if (roll < 0.45) return D(`${1 + Math.floor(random() * 28)} ${month} ${year()}`);
  if (roll < 0.6) return D(`${pick(['summer', 'spring', 'autumn', 'winter'])} ${year()}`);
  if (roll < 0.75) return D(`${1 + Math.floor(random() * 28)}/${1 + Math.floor(random() * 12)}/${year().slice(2)}`);
  return D(year());
}

/** A date with the preposition it takes: "in March 2019", "on 3 March 2019", "in 2019". */
function whenOf(nation: Nation): string {
  const date = dateOf(nation);
  return /\[\[DATE\|\d{1,2}[ /]/.test(date) ? `on ${date}` : `in ${date}`;
}

function ageOf(): string {
  const roll = random();
  if (roll < 0.35) return `I was ${D(pick(ageWords))}`;
  if (roll < 0.55) return `I was ${D(String(11 + Math.floor(random() * 7)))}`;
  if (roll < 0.75) return `I was ${D(`aged ${11 + Math.floor(random() * 7)}`)}`;
  return `I was a ${D(`${pick(ageWords)}-year-old`)}`;
}

type Template = (nation: Nation) => string;

const openings: Template[] = [
  (n) => `I grew up in ${L(pick(n.districts))}, on the edge of ${L(pick(n.towns))}.`,
  (n) => `When ${ageOf()} we were living in ${L(pick(n.towns))}.`,
  (n) => `My family moved to ${L(pick(n.towns))} ${whenOf(n)}, and ${ageOf()}.`,
  (n) => `Home was a flat off ${L(pick(n.streets))} in ${L(pick(n.districts))}.`,
  (n) => `${ageOf().replace(/^I was/, 'I was only')} when it started, in ${L(pick(n.towns))}.`,
  (n) => `Most of it happened around ${L(pick(n.districts))} and the estate behind ${O(pick(n.orgs))}.`,
  (n) => `I was at ${O(pick(n.schools))} in ${L(pick(n.towns))} when I first met him.`,
];

const middles: Template[] = [
  () => `A man called ${personName()} started buying me things.`,
  () => `My friend ${personName()} introduced me to ${personName()}, who was much older.`,
  (n) => `He worked at ${O(pick(n.orgs))} and gave us free food.`,
  (n) =>
    `They took us to a house at [[ADDRESS|${1 + Math.floor(random() * 90)} ${pick(n.streets)}]], ${L(pick(n.towns))}.`,
  (n) =>
    `The address was [[ADDRESS|Flat ${1 + Math.floor(random() * 9)}, ${1 + Math.floor(random() * 60)} ${pick(n.streets)}]], [[POSTCODE|${pick(n.postcodes)}]].`,
  () => `He drove a ${pick(carBrands)}, registration [[VEHICLE|${pick(plates)}]].`,
  () => `His car was a ${pick(carBrands)} and I memorised the plate, [[VEHICLE|${pick(plates)}]].`,
  (n) => `He gave me his number, [[PHONE|${pick(n.phones)}]], and told me to delete it.`,
  () => `He messaged me on Snapchat as [[HANDLE|${pick(handles)}]].`,
  () => `On Instagram she was [[HANDLE|@${pick(handles)}]].`,
  () => `On Discord he went by [[HANDLE|${pick(discords)}]].`,
  () => `I used the email [[EMAIL|${pick(emails)}]] for everything back then.`,
  (n) => `It went on from ${D(year())} to ${D(year())}, mostly in ${L(pick(n.districts))}.`,
  (n) => `The first time I went missing was ${whenOf(n)}.`,
  (n) => `My social worker, ${personName()}, moved me to ${O(pick(n.orgs))} in ${L(pick(n.towns))}.`,
  (n) => `The police found me at ${O(pick(n.orgs))}, near ${L(pick(n.streets))}.`,
  () => `${personName()} was ${D(pick(ageWords))} and already working for them; I was ${D(pick(ageWords))}.`,
  (n) => `Every Friday we waited by ${L(pick(n.streets))} for the car.`,
  (n) => `I told a teacher at ${O(pick(n.schools))} ${whenOf(n)}.`,
  (n) => `We were taken to parties in ${L(pick(n.districts))} and ${L(pick(n.towns))}.`,
  () => `in the chat it was like "${lowerChatName()} come to the park at 8" and i just went.`,
  (n) =>
    `the texts said things like meet me at ${L(pick(n.districts).toLowerCase())} after school, don't tell ${lowerChatName()}.`,
  (n) =>
    `i wrote down his plate [[VEHICLE|${pick(plates).toLowerCase()}]] and the postcode [[POSTCODE|${pick(n.postcodes).toLowerCase()}]] on my hand.`,
  () => `My nan and my brother never knew, and Mum only found out later.`,
  () => `I had a key worker who saw me every week at the bus station.`,
];

const advice: string[] = [
  "A ten-year-old can't consent to that, whatever anyone says.",
  'Remember that a fifteen-year-old who seems streetwise is still a child.',
  'If a 14-year-old has two phones, ask why.',
  'Children of twelve or thirteen are often targeted because they are easy to impress.',
  'A sixteen-year-old can still be groomed, even if the law treats her differently.',
  'Look at the car, not just the BMW or the Mercedes outside the school gate: write down the plate.',
  "Please don't treat missing episodes as a behaviour problem.",
  'Ask the second question, and the third.',
  'Nobody at the youth club or the takeaway is "just" a bystander.',
  'Professionals talk about risk; we needed someone to talk to us.',
  'A thirteen-year-old in a taxi at midnight is a safeguarding concern, not a nuisance.',
  'Most of us did not call it abuse at the time.',
  "Don't wait for a child to use the right words.",
];

function narrative(index: number): { id: string; nation: string; text: string } {
  const nation = nations[index % nations.length] as Nation;
  const parts = [pick(openings)(nation)];
  const count = 4 + Math.floor(random() * 3);
  const used = new Set<number>();
  while (parts.length < count + 1) {
    const choice = Math.floor(random() * middles.length);
    if (used.has(choice)) continue;
    used.add(choice);
    parts.push((middles[choice] as Template)(nation));
  }
  parts.push(pick(advice));
  if (random() < 0.5) parts.push(pick(advice));
  return { id: `gen-${String(index + 1).padStart(3, '0')}`, nation: nation.name, text: parts.join(' ') };
}

const out = Array.from({ length: 80 }, (_, index) => narrative(index))
  .map((item) => `### ${item.id} ${item.nation}\n${item.text}`)
  .join('\n');
writeFileSync(new URL('../tests/fixtures/identifying-details/uk-corpus.training.txt', import.meta.url), `${out}\n`);
