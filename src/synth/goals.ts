import type { Category } from './catalogue.js';

/** Themes of a citizen's own goal; each archetype speaks from one. */
export type GoalTheme =
  | 'job'
  | 'health'
  | 'mental-health'
  | 'addiction'
  | 'home'
  | 'education'
  | 'elderly'
  | 'youth';

/** Overall goals in the citizen's own words: hopes and wishes, not diagnoses. */
export const OWN_WORDS_GOALS: Record<GoalTheme, readonly string[]> = {
  job: [
    'Jeg vil gerne have et arbejde, hvor jeg kan bruge mine hænder.',
    'Jeg vil tilbage til et job, hvor jeg har kolleger og kan mærke, at jeg gør en forskel.',
    'Jeg vil gerne kunne forsørge mig selv og mine børn igen.',
    'Jeg drømmer om at arbejde med dyr, gerne på et landbrug.',
    'Jeg vil have et job med faste rammer, hvor jeg ved, hvad der skal ske hver dag.',
    'Jeg vil gerne arbejde nogle timer om ugen, så jeg har noget at stå op til.',
    'Jeg vil tilbage på lageret, men med opgaver min ryg kan holde til.',
    'Jeg vil vise mine børn, at man kan komme videre, selv om det har været svært.',
    'Jeg vil gerne prøve at arbejde i et køkken og måske tage en uddannelse bagefter.',
    'Jeg vil have et arbejde, hvor der er plads til, at jeg har dårlige dage.',
  ],
  health: [
    'Jeg vil kunne gå en tur i skoven med mit barnebarn uden at skulle hvile.',
    'Jeg vil have mindre ondt, så jeg kan sove om natten.',
    'Jeg vil klare trapperne selv, så jeg kan blive boende i min lejlighed.',
    'Jeg vil have overskud til at lave mad selv igen.',
    'Jeg vil tilbage til min cykel og min badmintonklub.',
    'Jeg vil lære at leve med min sygdom i stedet for at den styrer mig.',
  ],
  'mental-health': [
    'Jeg vil have en hverdag, hvor angsten ikke bestemmer, om jeg går ud af døren.',
    'Jeg vil gerne have nogen at være sammen med og ikke være så alene.',
    'Jeg vil kunne tage bussen alene og handle ind selv.',
    'Jeg vil have ro i hovedet og sove bedre.',
    'Jeg vil gerne have en fast rytme i dagen og noget meningsfuldt at lave.',
    'Jeg vil have det godt nok til at se min datter hver weekend.',
    'Jeg vil gerne kunne passe min lejlighed og have gæster igen.',
    'Jeg vil forstå mine symptomer, så jeg kan sige fra, før det går galt.',
  ],
  addiction: [
    'Jeg vil være stoffri og have en almindelig hverdag.',
    'Jeg vil drikke mindre, så jeg kan være der for mine børn.',
    'Jeg vil have styr på min økonomi og ikke skylde penge væk.',
    'Jeg vil have nye venner, der ikke tager stoffer.',
    'Jeg vil gerne have mit kørekort igen og et arbejde.',
  ],
  home: [
    'Jeg vil have min egen lejlighed og kunne klare den selv.',
    'Jeg vil beholde min bolig og have styr på huslejen.',
    'Jeg vil have et hjem, hvor jeg føler mig tryg.',
    'Jeg vil kunne lave mad og gøre rent selv, så det er rart at komme hjem.',
    'Jeg vil gerne bo tættere på min familie.',
  ],
  education: [
    'Jeg vil gerne kunne læse breve fra kommunen selv.',
    'Jeg vil tage en uddannelse som tømrer.',
    'Jeg vil blive bedre til matematik, så jeg kan komme ind på SOSU-skolen.',
    'Jeg vil gerne hjælpe mine børn med lektierne.',
  ],
  elderly: [
    'Jeg vil blive boende i mit hus så længe som muligt.',
    'Jeg vil selv kunne gå ned efter avisen hver morgen.',
    'Jeg vil gerne komme med i den lokale seniorklub igen.',
    'Jeg vil klare mig selv med lidt hjælp og ikke være en byrde for mine børn.',
    'Jeg vil passe min have igen til foråret.',
  ],
  youth: [
    'Jeg vil have en uddannelse og et arbejde som alle andre.',
    'Jeg vil flytte hjemmefra og klare mig selv.',
    'Jeg vil gerne arbejde med computere eller spil.',
    'Jeg vil have nogle venner og noget at stå op til.',
    'Jeg vil gøre min mor stolt og tage en uddannelse.',
  ],
};

/** How a professional might word the same goal, for some plans. */
export const PROFESSIONAL_GOALS: Record<GoalTheme, readonly string[]> = {
  job: [
    'Borgeren ønsker ordinær beskæftigelse på nedsat tid med gradvis optrapning.',
    'Afklaring af arbejdsevne med henblik på job, evt. fleksjob.',
  ],
  health: ['Genvinde funktionsevne i dagligdagen og mestre kronisk sygdom.'],
  'mental-health': ['Øget mestring af psykiske symptomer og styrket socialt netværk.'],
  addiction: ['Reduktion af forbrug og stabilisering af bolig og økonomi.'],
  home: ['Stabil boligsituation og mestring af praktiske opgaver i hjemmet.'],
  education: ['Styrkede basale færdigheder med henblik på uddannelse.'],
  elderly: ['Bevare funktionsevne og tryghed i eget hjem.'],
  youth: ['Påbegynde og gennemføre en ungdomsuddannelse.'],
};

/** A sub-goal's title and how progress toward it is measured. */
export interface SubGoalTemplate {
  title: string;
  measure: string;
}

/** Dated steps toward the goal, by what they are about. */
export const SUB_GOALS: Record<Exclude<Category, 'coordination'>, readonly SubGoalTemplate[]> = {
  job: [
    { title: 'Være i virksomhedspraktik 10 timer om ugen', measure: 'Antal timer i praktik pr. uge' },
    { title: 'Øge arbejdstiden til 20 timer om ugen', measure: 'Timer pr. uge, registreret af arbejdsgiver' },
    {
      title: 'Finde en praktikplads inden for lager eller logistik',
      measure: 'Aftale om praktik underskrevet',
    },
    { title: 'Møde stabilt på arbejdspladsen', measure: 'Fremmøde i procent over fire uger' },
    {
      title: 'Afklare hvilke arbejdsopgaver jeg kan klare',
      measure: 'Arbejdsprøvning afsluttet med beskrivelse',
    },
    { title: 'Søge fem relevante job om måneden', measure: 'Antal ansøgninger i joblog' },
  ],
  'disability-pension-prep': [
    { title: 'Få sagen belyst til rehabiliteringsteamet', measure: 'Sagen forelagt teamet' },
    { title: 'Få lægelig dokumentation samlet', measure: 'Attester modtaget' },
  ],
  education: [
    { title: 'Gennemføre FVU-læsning trin 2', measure: 'Bestået trinprøve' },
    { title: 'Starte på en erhvervsuddannelse', measure: 'Optaget og startet' },
    { title: 'Møde op til undervisningen hver uge', measure: 'Fremmøde i procent' },
    { title: 'Vælge en uddannelse efter brobygning', measure: 'Ansøgning sendt' },
  ],
  'mental-health': [
    { title: 'Tage bussen alene til byen', measure: 'Antal ture alene pr. måned' },
    { title: 'Sove mindst seks timer om natten', measure: 'Søvndagbog, nætter med 6+ timer pr. uge' },
    { title: 'Bruge min kriseplan, når det bliver svært', measure: 'Kriseplan lavet og brugt' },
    { title: 'Være sammen med andre to gange om ugen', measure: 'Antal sociale aktiviteter pr. uge' },
    { title: 'Forbedre min trivsel', measure: 'WHO-5 over 50' },
  ],
  addiction: [
    { title: 'Være stoffri i tre måneder', measure: 'Negative urinprøver' },
    { title: 'Drikke højst 7 genstande om ugen', measure: 'Drikkedagbog' },
    { title: 'Holde mine aftaler i behandlingen', measure: 'Fremmøde i procent' },
  ],
  'daily-living': [
    { title: 'Lave mad selv tre gange om ugen', measure: 'Antal dage med egen madlavning' },
    { title: 'Holde styr på mine aftaler med kalender', measure: 'Andel aftaler overholdt' },
    { title: 'Klare morgenrutinen selv', measure: 'Funktionsniveau for personlig pleje (0–4)' },
    { title: 'Gøre rent i lejligheden hver uge', measure: 'Selvvurdering hver måned' },
    { title: 'Åbne og forstå min post', measure: 'Post gennemgået hver uge' },
  ],
  housing: [
    { title: 'Finde en bolig jeg kan betale', measure: 'Lejekontrakt underskrevet' },
    {
      title: 'Blive klar til at flytte i egen bolig',
      measure: 'Funktionsvurdering af praktiske færdigheder',
    },
    { title: 'Undgå udsættelse af lejligheden', measure: 'Husleje betalt til tiden tre måneder i træk' },
  ],
  economy: [
    { title: 'Lave et budget der holder', measure: 'Budget fulgt i tre måneder' },
    { title: 'Få overblik over min gæld', measure: 'Gældsoversigt lavet' },
  ],
  health: [
    { title: 'Gå 500 meter uden pause', measure: 'Gangdistance målt ved genoptræning' },
    { title: 'Tage min medicin som aftalt', measure: 'Doseringsæske tømt korrekt hver uge' },
    { title: 'Stoppe med at ryge', measure: 'Røgfri i antal uger' },
    { title: 'Klare trapperne selv', measure: 'Test af funktionsevne (0–4)' },
    { title: 'Få såret til at hele', measure: 'Sårets størrelse i cm' },
  ],
  network: [
    { title: 'Deltage i en fast aktivitet hver uge', measure: 'Antal deltagelser pr. måned' },
    { title: 'Se min familie oftere', measure: 'Antal besøg pr. måned' },
    { title: 'Lære nye mennesker at kende', measure: 'Selvvurdering af ensomhed' },
  ],
};

/** Why an intervention ended (the follow-up outcome "end" in words). */
export const END_REASONS: readonly (readonly [string, number])[] = [
  ['Målet er nået', 4],
  ['Afsluttet efter planen', 4],
  ['Ændret til en anden indsats', 2],
  ['Borgeren ønskede at stoppe', 1],
  ['Revurderet: ikke den rette indsats', 1],
  ['Afbrudt på grund af sygdom', 1],
  ['Virksomheden kunne ikke fortsætte praktikken', 0.5],
];

/** Why a sub-goal ended without being achieved. */
export const SUB_GOAL_END_REASONS = ['Ikke længere relevant', 'Erstattet af et nyt delmål'] as const;

/** The team role a professional has, said the way the citizen would understand it. */
export const TEAM_ROLES: Record<string, string> = {
  socialrådgiver: 'Sagsbehandler',
  jobkonsulent: 'Jobkonsulent',
  mentor: 'Mentor',
  socialpædagog: 'Kontaktperson',
  pædagog: 'Kontaktperson',
  sygeplejerske: 'Kontaktsygeplejerske',
  'SOSU-hjælper': 'Fast hjælper',
  'SOSU-assistent': 'Fast hjælper',
  ergoterapeut: 'Ergoterapeut',
  fysioterapeut: 'Træningsansvarlig',
  psykolog: 'Behandler',
  læge: 'Behandlende læge',
  lærer: 'Underviser',
  uddannelsesvejleder: 'Vejleder',
  frivilligkoordinator: 'Frivilligkoordinator',
  'boligsocial medarbejder': 'Boligsocial kontakt',
};
