import type { Sector } from '../domain/organisation/sectors.js';
import type { GoalTheme } from './goals.js';
import type { UnitKey } from './organisation.js';

/** What a citizen receives from one sector: the main intervention, others now, and history. */
export interface SectorRecipe {
  sector: Sector;
  /** The unit that holds the citizen's case in this sector; case teams deliver its general interventions. */
  home: UnitKey;
  /** One of these is the citizen's main intervention in the sector, active now. */
  anchors: readonly string[];
  /** Further current interventions (active, paused or planned) are drawn from these. */
  extras: readonly string[];
  extraCount: readonly [number, number];
  /** Ended interventions (the history) are drawn from these. */
  history: readonly string[];
  historyCount: readonly [number, number];
  /** Chance that a citizen of the archetype is in contact with this sector at all (default 1). */
  probability?: number;
}

/** A kind of citizen: who they are, which sectors help them, and what they hope for. */
export interface Archetype {
  key: string;
  weight: number;
  multiSector: boolean;
  theme: GoalTheme;
  ages: readonly [number, number];
  femaleShare: number;
  /** The unit whose caseworker coordinates the plan. */
  coordinator: UnitKey;
  sectors: readonly SectorRecipe[];
  /** Monthly benefit (the municipality's net share, in øre) booked to Forsørgelse, if any. */
  benefitMonthlyOre?: number;
  /** Chance of 1–2 interventions from civil society. */
  civilSociety?: number;
}

/** Case units: teams that hold a citizen's case in their sector. */
export const CASE_UNITS: ReadonlySet<UnitKey> = new Set<UnitKey>([
  'jobcenter-ressource',
  'jobcenter-sygdom',
  'jobcenter-unge',
  'socialpsykiatri',
  'voksenhandicap',
  'misbrugscenter',
]);

/** General case work, delivered by whichever case team holds the citizen's case in the sector. */
export const CASE_TEAM_TYPES: ReadonlySet<string> = new Set([
  'BES-SAMTALE',
  'BES-EGEN-JOBSOEG',
  'BES-AFKLARING',
  'BES-MENTOR',
  'BES-NETVAERK-JOB',
  'SOC-HANDLEPLAN',
]);

const kr = (amount: number): number => Math.round(amount * 100);

/** Citizens in contact with one sector: the large majority. */
export const SINGLE_SECTOR_ARCHETYPES: readonly Archetype[] = [
  {
    key: 'sick-leave',
    weight: 16,
    multiSector: false,
    theme: 'job',
    ages: [25, 63],
    femaleShare: 0.58,
    coordinator: 'jobcenter-sygdom',
    benefitMonthlyOre: kr(7800),
    sectors: [
      {
        sector: 'employment',
        home: 'jobcenter-sygdom',
        anchors: ['BES-JOBAFKLARING', 'BES-SAMTALE'],
        extras: [
          'BES-SAMTALE',
          'BES-FASTHOLDELSE',
          'BES-PRAKTIK',
          'BES-EGEN-JOBSOEG',
          'BES-AFKLARING',
          'BES-MENTOR',
        ],
        extraCount: [1, 3],
        history: ['BES-SAMTALE', 'BES-PRAKTIK', 'BES-AFKLARING', 'BES-FASTHOLDELSE', 'BES-EGEN-JOBSOEG'],
        historyCount: [5, 9],
      },
    ],
  },
  {
    key: 'activity-ready',
    weight: 12,
    multiSector: false,
    theme: 'job',
    ages: [22, 60],
    femaleShare: 0.5,
    coordinator: 'jobcenter-ressource',
    benefitMonthlyOre: kr(6200),
    sectors: [
      {
        sector: 'employment',
        home: 'jobcenter-ressource',
        anchors: ['BES-MENTOR', 'BES-SAMTALE', 'BES-AFKLARING'],
        extras: [
          'BES-PRAKTIK',
          'BES-MENTOR',
          'BES-EGEN-JOBSOEG',
          'BES-NETVAERK-JOB',
          'BES-IPS',
          'BES-SAMTALE',
        ],
        extraCount: [1, 3],
        history: ['BES-PRAKTIK', 'BES-AFKLARING', 'BES-SAMTALE', 'BES-EGEN-JOBSOEG', 'BES-LOENTILSKUD'],
        historyCount: [5, 9],
      },
    ],
  },
  {
    key: 'resource-pathway',
    weight: 6,
    multiSector: false,
    theme: 'job',
    ages: [28, 60],
    femaleShare: 0.6,
    coordinator: 'jobcenter-ressource',
    benefitMonthlyOre: kr(8000),
    sectors: [
      {
        sector: 'employment',
        home: 'jobcenter-ressource',
        anchors: ['BES-RESSOURCEFORLOEB'],
        extras: [
          'BES-MENTOR',
          'BES-PRAKTIK',
          'BES-AFKLARING',
          'BES-IPS',
          'BES-NETVAERK-JOB',
          'BES-FOERTIDSPENSION',
          'BES-FLEKSJOB',
        ],
        extraCount: [1, 3],
        history: ['BES-PRAKTIK', 'BES-MENTOR', 'BES-AFKLARING', 'BES-SAMTALE'],
        historyCount: [5, 9],
      },
    ],
  },
  {
    key: 'youth',
    weight: 6,
    multiSector: false,
    theme: 'youth',
    ages: [18, 29],
    femaleShare: 0.45,
    coordinator: 'jobcenter-unge',
    benefitMonthlyOre: kr(4000),
    sectors: [
      {
        sector: 'employment',
        home: 'jobcenter-unge',
        anchors: ['BES-BROBYGNING', 'BES-SAMTALE'],
        extras: ['BES-MENTOR', 'BES-PRAKTIK', 'BES-EGEN-JOBSOEG', 'BES-NETVAERK-JOB'],
        extraCount: [1, 3],
        history: ['BES-PRAKTIK', 'BES-SAMTALE', 'BES-BROBYGNING'],
        historyCount: [4, 8],
      },
    ],
  },
  {
    key: 'flexjob',
    weight: 5,
    multiSector: false,
    theme: 'job',
    ages: [30, 64],
    femaleShare: 0.6,
    coordinator: 'jobcenter-sygdom',
    benefitMonthlyOre: kr(5000),
    sectors: [
      {
        sector: 'employment',
        home: 'jobcenter-sygdom',
        anchors: ['BES-FLEKSJOB'],
        extras: ['BES-PRAKTIK', 'BES-SAMTALE', 'BES-EGEN-JOBSOEG'],
        extraCount: [1, 2],
        history: ['BES-PRAKTIK', 'BES-JOBAFKLARING', 'BES-SAMTALE'],
        historyCount: [5, 9],
      },
    ],
  },
  {
    key: 'mental-health',
    weight: 9,
    multiSector: false,
    theme: 'mental-health',
    ages: [20, 70],
    femaleShare: 0.55,
    coordinator: 'socialpsykiatri',
    sectors: [
      {
        sector: 'social-adult',
        home: 'socialpsykiatri',
        anchors: ['SOC-BOSTOETTE', 'SOC-SKP'],
        extras: [
          'SOC-RECOVERY',
          'SOC-SAMVAER',
          'SOC-EGEN-DAGSSTRUKTUR',
          'SOC-NETVAERK',
          'SOC-HANDLEPLAN',
          'SOC-SKP',
          'SOC-BOSTOETTE',
        ],
        extraCount: [1, 3],
        history: ['SOC-RECOVERY', 'SOC-SKP', 'SOC-SAMVAER', 'SOC-BOSTOETTE'],
        historyCount: [5, 9],
      },
    ],
  },
  {
    key: 'addiction',
    weight: 4,
    multiSector: false,
    theme: 'addiction',
    ages: [20, 65],
    femaleShare: 0.3,
    coordinator: 'misbrugscenter',
    sectors: [
      {
        sector: 'social-adult',
        home: 'misbrugscenter',
        anchors: ['SOC-MISBRUG-AMB', 'SOC-ALKOHOL'],
        extras: ['SOC-MISBRUG-DAG', 'SOC-EGEN-DAGSSTRUKTUR', 'SOC-NETVAERK', 'SOC-SAMVAER'],
        extraCount: [1, 2],
        history: ['SOC-MISBRUG-AMB', 'SOC-MISBRUG-DAG', 'SOC-ALKOHOL'],
        historyCount: [5, 9],
      },
    ],
  },
  {
    key: 'disability-housing',
    weight: 1.2,
    multiSector: false,
    theme: 'home',
    ages: [20, 80],
    femaleShare: 0.45,
    coordinator: 'voksenhandicap',
    sectors: [
      {
        sector: 'social-adult',
        home: 'voksenhandicap',
        anchors: ['SOC-BOTILBUD-108', 'SOC-BOTILBUD-107'],
        extras: ['SOC-BESKYTTET', 'SOC-SAMVAER', 'SOC-EGEN-DAGSSTRUKTUR', 'SOC-HANDLEPLAN'],
        extraCount: [1, 3],
        history: ['SOC-BOSTOETTE', 'SOC-SAMVAER'],
        historyCount: [4, 7],
      },
    ],
  },
  {
    key: 'disability-daytime',
    weight: 3,
    multiSector: false,
    theme: 'home',
    ages: [20, 70],
    femaleShare: 0.45,
    coordinator: 'voksenhandicap',
    sectors: [
      {
        sector: 'social-adult',
        home: 'voksenhandicap',
        anchors: ['SOC-BESKYTTET', 'SOC-SAMVAER'],
        extras: ['SOC-BOSTOETTE', 'SOC-EGEN-DAGSSTRUKTUR', 'SOC-NETVAERK', 'SOC-HANDLEPLAN'],
        extraCount: [1, 3],
        history: ['SOC-SAMVAER', 'SOC-BOSTOETTE'],
        historyCount: [4, 8],
      },
    ],
  },
  {
    key: 'home-care',
    weight: 14,
    multiSector: false,
    theme: 'elderly',
    ages: [62, 96],
    femaleShare: 0.62,
    coordinator: 'visitation',
    sectors: [
      {
        sector: 'health-care',
        home: 'visitation',
        anchors: ['SUN-PERSONLIG-PLEJE', 'SUN-PRAKTISK-HJAELP'],
        extras: ['SUN-PRAKTISK-HJAELP', 'SUN-SYGEPLEJE-MEDICIN', 'SUN-NETVAERK', 'SUN-EGEN-TRAENING'],
        extraCount: [1, 3],
        history: ['SUN-GENOPTRAENING', 'SUN-SYGEPLEJE-SAAR', 'SUN-PRAKTISK-HJAELP'],
        historyCount: [5, 9],
      },
    ],
  },
  {
    key: 'home-nursing',
    weight: 7,
    multiSector: false,
    theme: 'elderly',
    ages: [50, 95],
    femaleShare: 0.55,
    coordinator: 'hjemmesygeplejen',
    sectors: [
      {
        sector: 'health-care',
        home: 'hjemmesygeplejen',
        anchors: ['SUN-SYGEPLEJE-MEDICIN', 'SUN-SYGEPLEJE-SAAR'],
        extras: ['SUN-PRAKTISK-HJAELP', 'SUN-NETVAERK', 'SUN-EGEN-TRAENING', 'SUN-MESTRING'],
        extraCount: [1, 3],
        history: ['SUN-SYGEPLEJE-SAAR', 'SUN-GENOPTRAENING', 'SUN-FOREBYGGELSE'],
        historyCount: [5, 9],
      },
    ],
  },
  {
    key: 'rehabilitation',
    weight: 8,
    multiSector: false,
    theme: 'health',
    ages: [35, 90],
    femaleShare: 0.55,
    coordinator: 'visitation',
    sectors: [
      {
        sector: 'health-care',
        home: 'visitation',
        anchors: ['SUN-GENOPTRAENING', 'SUN-MESTRING'],
        extras: ['SUN-EGEN-TRAENING', 'SUN-FOREBYGGELSE', 'SUN-NETVAERK'],
        extraCount: [1, 2],
        history: ['SUN-GENOPTRAENING', 'SUN-FOREBYGGELSE', 'SUN-EGEN-TRAENING'],
        historyCount: [5, 9],
      },
    ],
  },
  {
    key: 'basic-skills',
    weight: 3,
    multiSector: false,
    theme: 'education',
    ages: [20, 60],
    femaleShare: 0.45,
    coordinator: 'vuc',
    sectors: [
      {
        sector: 'education',
        home: 'vuc',
        anchors: ['UDD-FVU'],
        extras: ['UDD-EGEN-LAERING', 'UDD-VEJLEDNING'],
        extraCount: [1, 2],
        history: ['UDD-FVU', 'UDD-VEJLEDNING', 'UDD-EGEN-LAERING'],
        historyCount: [5, 8],
      },
    ],
  },
  {
    key: 'stu',
    weight: 1.5,
    multiSector: false,
    theme: 'youth',
    ages: [18, 25],
    femaleShare: 0.4,
    coordinator: 'ungeindsats',
    sectors: [
      {
        sector: 'education',
        home: 'ungeindsats',
        anchors: ['UDD-STU'],
        extras: ['UDD-VEJLEDNING', 'UDD-EGEN-LAERING'],
        extraCount: [1, 2],
        history: ['UDD-VEJLEDNING', 'UDD-FVU'],
        historyCount: [4, 7],
      },
    ],
  },
  {
    key: 'housing-risk',
    weight: 3,
    multiSector: false,
    theme: 'home',
    ages: [20, 70],
    femaleShare: 0.5,
    coordinator: 'boligsocialt',
    sectors: [
      {
        sector: 'housing',
        home: 'boligsocialt',
        anchors: ['BOL-FASTHOLD'],
        extras: ['BOL-OEKONOMI', 'BOL-ANVISNING'],
        extraCount: [1, 2],
        history: ['BOL-OEKONOMI', 'BOL-ANVISNING', 'BOL-FASTHOLD'],
        historyCount: [5, 9],
      },
    ],
  },
];

/** Citizens in contact with two or more sectors at once: few, with rich plans and high costs. */
export const MULTI_SECTOR_ARCHETYPES: readonly Archetype[] = [
  {
    key: 'psychiatry-and-employment',
    weight: 4,
    multiSector: true,
    theme: 'job',
    ages: [22, 60],
    femaleShare: 0.55,
    coordinator: 'jobcenter-ressource',
    benefitMonthlyOre: kr(8000),
    civilSociety: 0.5,
    sectors: [
      {
        sector: 'employment',
        home: 'jobcenter-ressource',
        anchors: ['BES-RESSOURCEFORLOEB'],
        extras: ['BES-MENTOR', 'BES-PRAKTIK', 'BES-IPS', 'BES-AFKLARING', 'BES-NETVAERK-JOB'],
        extraCount: [1, 3],
        history: ['BES-PRAKTIK', 'BES-SAMTALE', 'BES-AFKLARING', 'BES-MENTOR'],
        historyCount: [3, 6],
      },
      {
        sector: 'social-adult',
        home: 'socialpsykiatri',
        anchors: ['SOC-BOSTOETTE', 'SOC-SKP'],
        extras: ['SOC-RECOVERY', 'SOC-SAMVAER', 'SOC-EGEN-DAGSSTRUKTUR', 'SOC-NETVAERK', 'SOC-HANDLEPLAN'],
        extraCount: [1, 3],
        history: ['SOC-SKP', 'SOC-RECOVERY', 'SOC-BOSTOETTE'],
        historyCount: [2, 5],
      },
      {
        sector: 'region-psychiatry',
        home: 'regionspsykiatri',
        anchors: ['REG-AMBULANT'],
        extras: [],
        extraCount: [0, 0],
        history: ['REG-DAGBEHANDLING', 'REG-AMBULANT'],
        historyCount: [1, 2],
      },
      {
        sector: 'health-care',
        home: 'hjemmesygeplejen',
        probability: 0.5,
        anchors: ['SUN-SYGEPLEJE-MEDICIN'],
        extras: ['SUN-FOREBYGGELSE', 'SUN-PRAKTISK-HJAELP'],
        extraCount: [0, 1],
        history: ['SUN-FOREBYGGELSE'],
        historyCount: [0, 2],
      },
    ],
  },
  {
    key: 'addiction-and-housing',
    weight: 2.5,
    multiSector: true,
    theme: 'addiction',
    ages: [22, 62],
    femaleShare: 0.3,
    coordinator: 'misbrugscenter',
    benefitMonthlyOre: kr(6200),
    civilSociety: 0.4,
    sectors: [
      {
        sector: 'social-adult',
        home: 'misbrugscenter',
        anchors: ['SOC-MISBRUG-AMB', 'SOC-ALKOHOL'],
        extras: ['SOC-MISBRUG-DAG', 'SOC-BOSTOETTE', 'SOC-SAMVAER', 'SOC-NETVAERK', 'SOC-HANDLEPLAN'],
        extraCount: [1, 3],
        history: ['SOC-MISBRUG-DAG', 'SOC-MISBRUG-AMB', 'SOC-BOTILBUD-107', 'SOC-BOSTOETTE'],
        historyCount: [3, 6],
      },
      {
        sector: 'housing',
        home: 'boligsocialt',
        anchors: ['BOL-FASTHOLD'],
        extras: ['BOL-OEKONOMI', 'BOL-ANVISNING'],
        extraCount: [1, 2],
        history: ['BOL-ANVISNING', 'BOL-OEKONOMI'],
        historyCount: [1, 3],
      },
      {
        sector: 'employment',
        home: 'jobcenter-ressource',
        probability: 0.7,
        anchors: ['BES-MENTOR', 'BES-SAMTALE'],
        extras: ['BES-PRAKTIK', 'BES-EGEN-JOBSOEG'],
        extraCount: [0, 2],
        history: ['BES-SAMTALE', 'BES-PRAKTIK'],
        historyCount: [1, 3],
      },
      {
        sector: 'health-care',
        home: 'hjemmesygeplejen',
        probability: 0.4,
        anchors: ['SUN-SYGEPLEJE-SAAR', 'SUN-SYGEPLEJE-MEDICIN'],
        extras: [],
        extraCount: [0, 0],
        history: ['SUN-SYGEPLEJE-SAAR'],
        historyCount: [0, 2],
      },
    ],
  },
  {
    key: 'elderly-with-mental-illness',
    weight: 1.5,
    multiSector: true,
    theme: 'mental-health',
    ages: [55, 90],
    femaleShare: 0.6,
    coordinator: 'socialpsykiatri',
    civilSociety: 0.5,
    sectors: [
      {
        sector: 'health-care',
        home: 'hjemmesygeplejen',
        anchors: ['SUN-SYGEPLEJE-MEDICIN'],
        extras: ['SUN-PERSONLIG-PLEJE', 'SUN-PRAKTISK-HJAELP', 'SUN-NETVAERK'],
        extraCount: [1, 3],
        history: ['SUN-GENOPTRAENING', 'SUN-SYGEPLEJE-SAAR', 'SUN-PRAKTISK-HJAELP'],
        historyCount: [2, 5],
      },
      {
        sector: 'social-adult',
        home: 'socialpsykiatri',
        anchors: ['SOC-SKP', 'SOC-BOSTOETTE'],
        extras: ['SOC-SAMVAER', 'SOC-HANDLEPLAN', 'SOC-NETVAERK'],
        extraCount: [1, 2],
        history: ['SOC-RECOVERY', 'SOC-SKP'],
        historyCount: [1, 4],
      },
      {
        sector: 'region-psychiatry',
        home: 'regionspsykiatri',
        probability: 0.8,
        anchors: ['REG-AMBULANT'],
        extras: [],
        extraCount: [0, 0],
        history: ['REG-DAGBEHANDLING'],
        historyCount: [0, 2],
      },
    ],
  },
  {
    key: 'sick-leave-and-rehabilitation',
    weight: 2,
    multiSector: true,
    theme: 'health',
    ages: [30, 63],
    femaleShare: 0.6,
    coordinator: 'jobcenter-sygdom',
    benefitMonthlyOre: kr(7800),
    civilSociety: 0.3,
    sectors: [
      {
        sector: 'employment',
        home: 'jobcenter-sygdom',
        anchors: ['BES-JOBAFKLARING'],
        extras: ['BES-SAMTALE', 'BES-FASTHOLDELSE', 'BES-PRAKTIK', 'BES-EGEN-JOBSOEG', 'BES-MENTOR'],
        extraCount: [1, 3],
        history: ['BES-SAMTALE', 'BES-AFKLARING', 'BES-PRAKTIK'],
        historyCount: [2, 5],
      },
      {
        sector: 'health-care',
        home: 'sundhedscenter',
        anchors: ['SUN-MESTRING', 'SUN-GENOPTRAENING'],
        extras: ['SUN-EGEN-TRAENING', 'SUN-FOREBYGGELSE'],
        extraCount: [1, 2],
        history: ['SUN-GENOPTRAENING', 'SUN-FOREBYGGELSE'],
        historyCount: [1, 3],
      },
      {
        sector: 'social-adult',
        home: 'socialpsykiatri',
        probability: 0.4,
        anchors: ['SOC-SKP'],
        extras: ['SOC-RECOVERY'],
        extraCount: [0, 1],
        history: ['SOC-RECOVERY'],
        historyCount: [0, 2],
      },
      {
        sector: 'region-psychiatry',
        home: 'regionspsykiatri',
        probability: 0.3,
        anchors: ['REG-AMBULANT'],
        extras: [],
        extraCount: [0, 0],
        history: [],
        historyCount: [0, 0],
      },
      {
        sector: 'education',
        home: 'vuc',
        probability: 0.2,
        anchors: ['UDD-FVU'],
        extras: ['UDD-EGEN-LAERING'],
        extraCount: [0, 1],
        history: [],
        historyCount: [0, 0],
      },
    ],
  },
  {
    key: 'young-with-complex-needs',
    weight: 1.5,
    multiSector: true,
    theme: 'youth',
    ages: [18, 29],
    femaleShare: 0.45,
    coordinator: 'jobcenter-unge',
    benefitMonthlyOre: kr(4000),
    civilSociety: 0.5,
    sectors: [
      {
        sector: 'employment',
        home: 'jobcenter-unge',
        anchors: ['BES-BROBYGNING', 'BES-MENTOR'],
        extras: ['BES-SAMTALE', 'BES-PRAKTIK', 'BES-EGEN-JOBSOEG'],
        extraCount: [1, 2],
        history: ['BES-SAMTALE', 'BES-PRAKTIK'],
        historyCount: [2, 4],
      },
      {
        sector: 'education',
        home: 'ungeindsats',
        anchors: ['UDD-VEJLEDNING', 'UDD-FVU', 'UDD-STU'],
        extras: ['UDD-EGEN-LAERING'],
        extraCount: [0, 1],
        history: ['UDD-VEJLEDNING'],
        historyCount: [1, 3],
      },
      {
        sector: 'social-adult',
        home: 'socialpsykiatri',
        anchors: ['SOC-BOSTOETTE', 'SOC-MISBRUG-AMB', 'SOC-SKP'],
        extras: ['SOC-SAMVAER', 'SOC-NETVAERK', 'SOC-EGEN-DAGSSTRUKTUR'],
        extraCount: [1, 2],
        history: ['SOC-SKP', 'SOC-MISBRUG-AMB'],
        historyCount: [1, 3],
      },
      {
        sector: 'region-psychiatry',
        home: 'regionspsykiatri',
        probability: 0.5,
        anchors: ['REG-OPUS'],
        extras: [],
        extraCount: [0, 0],
        history: [],
        historyCount: [0, 0],
      },
    ],
  },
  {
    key: 'disability-with-complex-needs',
    weight: 1,
    multiSector: true,
    theme: 'home',
    ages: [20, 75],
    femaleShare: 0.45,
    coordinator: 'voksenhandicap',
    civilSociety: 0.4,
    sectors: [
      {
        sector: 'social-adult',
        home: 'voksenhandicap',
        anchors: ['SOC-BOTILBUD-107', 'SOC-BOTILBUD-108'],
        extras: ['SOC-BESKYTTET', 'SOC-SAMVAER', 'SOC-HANDLEPLAN'],
        extraCount: [1, 3],
        history: ['SOC-BOSTOETTE', 'SOC-SKP'],
        historyCount: [2, 4],
      },
      {
        sector: 'region-psychiatry',
        home: 'regionspsykiatri',
        anchors: ['REG-AMBULANT', 'REG-DAGBEHANDLING'],
        extras: [],
        extraCount: [0, 0],
        history: ['REG-DAGBEHANDLING'],
        historyCount: [0, 2],
      },
      {
        sector: 'health-care',
        home: 'hjemmesygeplejen',
        probability: 0.6,
        anchors: ['SUN-SYGEPLEJE-MEDICIN'],
        extras: ['SUN-PERSONLIG-PLEJE'],
        extraCount: [0, 1],
        history: ['SUN-SYGEPLEJE-SAAR'],
        historyCount: [0, 2],
      },
    ],
  },
];

/** Share of citizens in contact with two or more sectors. */
export const MULTI_SECTOR_SHARE = 0.075;
