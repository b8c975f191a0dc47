import type { Random } from './random.js';

/**
 * Names for synthetic people. Given names are ordinary Danish names; family names are made up
 * so that no generated person can be mistaken for a real one.
 */
export const FEMALE_GIVEN_NAMES = [
  'Anne',
  'Kirsten',
  'Mette',
  'Hanne',
  'Helle',
  'Susanne',
  'Lene',
  'Maria',
  'Marianne',
  'Lone',
  'Camilla',
  'Pia',
  'Louise',
  'Charlotte',
  'Bente',
  'Tina',
  'Gitte',
  'Inge',
  'Karen',
  'Julie',
  'Sofie',
  'Emma',
  'Ida',
  'Laura',
  'Freja',
  'Signe',
  'Cecilie',
  'Maja',
  'Line',
  'Katrine',
  'Rikke',
  'Stine',
  'Birgitte',
  'Jette',
  'Dorthe',
  'Malene',
  'Nanna',
  'Amalie',
  'Sara',
  'Ulla',
  'Grethe',
  'Ellen',
  'Aisha',
  'Fatima',
  'Agnieszka',
  'Mia',
  'Josefine',
  'Astrid',
] as const;

/** Ordinary Danish male given names (the list above is female). */
export const MALE_GIVEN_NAMES = [
  'Peter',
  'Jens',
  'Lars',
  'Michael',
  'Henrik',
  'Thomas',
  'Søren',
  'Jan',
  'Niels',
  'Christian',
  'Martin',
  'Anders',
  'Morten',
  'Jesper',
  'Mads',
  'Rasmus',
  'Jørgen',
  'Hans',
  'Per',
  'Ole',
  'Kim',
  'Mikkel',
  'Frederik',
  'Mathias',
  'Jonas',
  'Emil',
  'Lucas',
  'Oliver',
  'William',
  'Kasper',
  'Brian',
  'Torben',
  'Bo',
  'Steen',
  'Klaus',
  'Erik',
  'Poul',
  'Flemming',
  'Carsten',
  'Allan',
  'Kenneth',
  'Dennis',
  'Ali',
  'Mohammed',
  'Tomasz',
  'Magnus',
  'Victor',
  'Tobias',
] as const;

/** Family names that sound Danish but announce that the person is synthetic. */
export const SYNTHETIC_FAMILY_NAMES = [
  'Prøvesen',
  'Eksempelsen',
  'Fiktivsen',
  'Syntesen',
  'Demosen',
  'Testrup',
  'Opdigtsen',
  'Modelsen',
  'Attrapsen',
  'Skabelonsen',
  'Fantasen',
  'Udkastsen',
  'Forsøgsen',
  'Skitsesen',
  'Kopisen',
  'Prøvegaard',
  'Eksempelgaard',
  'Testholm',
  'Fiktivgaard',
  'Demolund',
  'Syntbjerg',
  'Opdigtrup',
  'Modelholt',
  'Attrapgaard',
  'Prøvekær',
  'Eksempelbæk',
  'Testmose',
  'Fiktivdal',
  'Demoskov',
  'Syntholt',
  'Skabelonlund',
  'Udkastrup',
  'Fantasgaard',
  'Prøvelund',
  'Testbjerg',
  'Demogaard',
] as const;

/** Sex as the CPR number's last digit records it. */
export type Sex = 'female' | 'male';

/** A synthetic person's given and family name. */
export function personName(random: Random, sex: Sex): { givenName: string; familyName: string } {
  const givenName = random.pick(sex === 'female' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
  const familyName = random.chance(0.12)
    ? `${random.pick(SYNTHETIC_FAMILY_NAMES)}-${random.pick(SYNTHETIC_FAMILY_NAMES)}`
    : random.pick(SYNTHETIC_FAMILY_NAMES);
  return { givenName, familyName };
}

/**
 * A phone number that cannot be dialled: Danish subscriber numbers never start with 0, so
 * "+45 0x xx xx xx" is clearly made up.
 */
export function syntheticPhone(random: Random): string {
  const digits = Array.from({ length: 7 }, () => random.int(0, 9)).join('');
  return `+45 0${digits.slice(0, 1)} ${digits.slice(1, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)}`;
}

/** The local part of an e-mail address: lower case ASCII letters, dots and hyphens. */
export function emailLocalPart(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

/** Relatives and other private persons around a citizen, with the help they typically give. */
export const NETWORK_RELATIONS: readonly { relation: string; sex: Sex | null; roles: readonly string[] }[] = [
  { relation: 'Søster', sex: 'female', roles: ['Støtteperson til møder', 'Hjælper med post og økonomi'] },
  { relation: 'Bror', sex: 'male', roles: ['Kører til aftaler', 'Hjælper med flytning og praktiske ting'] },
  {
    relation: 'Mor',
    sex: 'female',
    roles: ['Støtteperson til møder', 'Ringer dagligt', 'Hjælper med indkøb'],
  },
  { relation: 'Far', sex: 'male', roles: ['Kører til aftaler', 'Hjælper med økonomi'] },
  { relation: 'Datter', sex: 'female', roles: ['Pårørende med fuldmagt', 'Hjælper med medicin og indkøb'] },
  { relation: 'Søn', sex: 'male', roles: ['Pårørende med fuldmagt', 'Hjælper med have og praktiske ting'] },
  { relation: 'Ægtefælle', sex: null, roles: ['Nærmeste pårørende', 'Hjælper i hverdagen'] },
  { relation: 'Kæreste', sex: null, roles: ['Støtteperson til møder', 'Hjælper i hverdagen'] },
  { relation: 'Nabo', sex: null, roles: ['Kigger forbi et par gange om ugen', 'Hjælper med indkøb'] },
  { relation: 'Ven', sex: null, roles: ['Går tur med borgeren', 'Støtteperson til møder'] },
  { relation: 'Tidligere kollega', sex: null, roles: ['Hjælper med jobkontakter'] },
];

/** Volunteer organisations and roles; every name says it is synthetic. */
export const CIVIL_SOCIETY_ACTORS: readonly { organisation: string; role: string; relation: string }[] = [
  { organisation: 'Røde Kors-lignende forening (syntetisk)', role: 'Besøgsven', relation: 'Frivillig' },
  { organisation: 'Frivillig mentorforening (syntetisk)', role: 'Frivillig mentor', relation: 'Frivillig' },
  {
    organisation: 'Psykiatriforeningens lokalafdeling (syntetisk)',
    role: 'Pårørenderådgiver',
    relation: 'Forening',
  },
  {
    organisation: 'Idrætsforening Fællesskab (syntetisk)',
    role: 'Træner og kontaktperson',
    relation: 'Forening',
  },
  {
    organisation: 'Gældsrådgivning for alle (syntetisk)',
    role: 'Frivillig gældsrådgiver',
    relation: 'Frivillig',
  },
  { organisation: 'Spisefællesskabet Torvet (syntetisk)', role: 'Værtsfrivillig', relation: 'Frivillig' },
  { organisation: 'Selvhjælpsgruppe Ny Start (syntetisk)', role: 'Gruppeleder', relation: 'Frivillig' },
  { organisation: 'Lektiecafé for voksne (syntetisk)', role: 'Lektiehjælper', relation: 'Frivillig' },
];
