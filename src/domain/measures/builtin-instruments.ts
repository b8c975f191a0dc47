import { type Instrument, type InstrumentInput, instrumentSchema } from './instrument.js';

/**
 * The instruments Samspil ships: free ones (WHO-5) and its own (session feedback, function
 * levels). Licensed instruments (ORS/SRS, the Outcome Star, the official RC Survey items) are
 * loaded by a municipality that holds the licence, never shipped.
 */

type Options = InstrumentInput['items'][number]['options'];

/** Items from [linkId, Danish, English] triples, all with the same options. */
function items(
  texts: readonly (readonly [string, string, string])[],
  options: Options,
): InstrumentInput['items'] {
  return texts.map(([linkId, da, en]) => ({ linkId, text: { da, en }, options }));
}

const WHO5_OPTIONS: Options = [
  { code: '5', score: 5, display: { da: 'Hele tiden', en: 'All of the time' } },
  { code: '4', score: 4, display: { da: 'Det meste af tiden', en: 'Most of the time' } },
  {
    code: '3',
    score: 3,
    display: { da: 'Lidt mere end halvdelen af tiden', en: 'More than half of the time' },
  },
  {
    code: '2',
    score: 2,
    display: { da: 'Lidt mindre end halvdelen af tiden', en: 'Less than half of the time' },
  },
  { code: '1', score: 1, display: { da: 'Lidt af tiden', en: 'Some of the time' } },
  { code: '0', score: 0, display: { da: 'På intet tidspunkt', en: 'At no time' } },
];

/** WHO-5 Well-Being Index (1998 version; Topp, Østergaard, Søndergaard & Bech 2015). */
export const WHO5: InstrumentInput = {
  code: 'who-5',
  version: '1998',
  title: { da: 'WHO-5 Trivselsindeks', en: 'WHO-5 Well-Being Index' },
  licence:
    'Free to use (WHO Collaborating Centre in Mental Health, Psychiatric Centre North Zealand). ' +
    'Answers cover the last two weeks.',
  respondents: ['citizen'],
  items: items(
    [
      ['cheerful', 'Jeg har været glad og i godt humør', 'I have felt cheerful and in good spirits'],
      ['calm', 'Jeg har følt mig rolig og afslappet', 'I have felt calm and relaxed'],
      ['active', 'Jeg har følt mig aktiv og energisk', 'I have felt active and vigorous'],
      ['rested', 'Jeg er vågnet frisk og udhvilet', 'I woke up feeling fresh and rested'],
      [
        'interest',
        'Min dagligdag har været fyldt med ting, der interesserer mig',
        'My daily life has been filled with things that interest me',
      ],
    ] as const,
    WHO5_OPTIONS,
  ),
  // Raw 0–25, × 4 → 0–100.
  scoring: { method: 'sum', transform: { multiply: 4, add: 0 }, decimals: 0 },
  bands: [
    {
      code: 'screen-for-depression',
      atMost: 28,
      label: { da: 'Tal om screening for depression', en: 'Suggests screening for depression' },
    },
    { code: 'poor', atMost: 50, label: { da: 'Lav trivsel', en: 'Poor well-being' } },
    { code: 'good', label: { da: 'God trivsel', en: 'Good well-being' } },
  ],
};

const AGREEMENT: Options = [
  { code: '1', score: 1, display: { da: 'Slet ikke', en: 'Not at all' } },
  { code: '2', score: 2, display: { da: 'Kun lidt', en: 'A little' } },
  { code: '3', score: 3, display: { da: 'Delvist', en: 'Partly' } },
  { code: '4', score: 4, display: { da: 'For det meste', en: 'Mostly' } },
  { code: '5', score: 5, display: { da: 'I høj grad', en: 'Very much' } },
];

/** Samspil's own four questions to the citizen after a meeting. */
export const SESSION_FEEDBACK: InstrumentInput = {
  code: 'session-feedback',
  version: '1',
  title: { da: 'Hvordan var mødet?', en: 'How was the meeting?' },
  licence: 'Samspil’s own items, MIT licence.',
  respondents: ['citizen', 'relative'],
  items: items(
    [
      ['heard', 'Følte du dig hørt?', 'Did you feel heard?'],
      ['matters', 'Arbejdede vi med det, der betyder noget for dig?', 'Did we work on what matters to you?'],
      ['approach', 'Passede måden, vi arbejdede på, dig?', 'Did the way we worked suit you?'],
      ['overall', 'Hvordan var mødet alt i alt?', 'How was the meeting overall?'],
    ] as const,
    AGREEMENT,
  ),
  scoring: { method: 'mean', decimals: 2 },
  bands: [],
};

const FUNCTION_LEVEL_OPTIONS: Options = [
  { code: '0', score: 0, display: { da: 'Ingen begrænsninger', en: 'No limitation' } },
  { code: '1', score: 1, display: { da: 'Lette begrænsninger', en: 'Light limitation' } },
  { code: '2', score: 2, display: { da: 'Moderate begrænsninger', en: 'Moderate limitation' } },
  { code: '3', score: 3, display: { da: 'Svære begrænsninger', en: 'Severe limitation' } },
  { code: '4', score: 4, display: { da: 'Totale begrænsninger', en: 'Total limitation' } },
  { code: '9', score: null, display: { da: 'Ikke relevant', en: 'Not relevant' } },
];

/** Function levels 0–4 (9 = not relevant) on themes after VUM 2.0, as a profile (no total). */
export const FUNCTION_LEVELS: InstrumentInput = {
  code: 'function-levels',
  version: '1',
  title: { da: 'Funktionsniveau', en: 'Function levels' },
  licence: 'Samspil’s own rating after the public VUM 2.0 themes, MIT licence.',
  respondents: ['professional', 'citizen', 'independent-assessor'],
  items: items(
    [
      ['practical', 'Praktiske opgaver i hjemmet', 'Practical tasks at home'],
      ['self-care', 'Egenomsorg', 'Self-care'],
      ['communication', 'Kommunikation', 'Communication'],
      ['mobility', 'Mobilitet', 'Mobility'],
      ['community', 'Samfundsliv (uddannelse, job, økonomi)', 'Community life (education, work, money)'],
      ['social', 'Socialt liv', 'Social life'],
      ['health', 'Sundhed', 'Health'],
    ] as const,
    FUNCTION_LEVEL_OPTIONS,
  ),
  scoring: { method: 'none', decimals: 0 },
  bands: [],
};

/**
 * The citizen's own rating of one of her steps, −2..+2 like GAS but in her words: how she
 * thinks it is going. Recorded with the step as its context (context kind `sub-goal`).
 */
export const OWN_RATING: InstrumentInput = {
  code: 'own-rating',
  version: '1',
  title: { da: 'Min egen vurdering', en: 'My own rating' },
  licence: 'Samspil’s own item, MIT licence.',
  respondents: ['citizen'],
  items: [
    {
      linkId: 'progress',
      text: { da: 'Hvordan går det med skridtet?', en: 'How is the step going?' },
      options: [
        { code: '-2', score: -2, display: { da: 'Det går slet ikke', en: 'Not at all' } },
        { code: '-1', score: -1, display: { da: 'Det går trægt', en: 'Slowly' } },
        { code: '0', score: 0, display: { da: 'Det går som aftalt', en: 'As agreed' } },
        { code: '1', score: 1, display: { da: 'Det går bedre', en: 'Better' } },
        { code: '2', score: 2, display: { da: 'Det går meget bedre', en: 'Much better' } },
      ],
    },
  ],
  scoring: { method: 'sum', decimals: 0 },
  bands: [],
};

/** The shipped instruments, validated as any loaded one is. */
export const BUILTIN_INSTRUMENTS: readonly Instrument[] = [
  WHO5,
  SESSION_FEEDBACK,
  FUNCTION_LEVELS,
  OWN_RATING,
].map((input) => instrumentSchema.parse(input));

export function builtinInstrument(code: string): Instrument | undefined {
  return BUILTIN_INSTRUMENTS.find((instrument) => instrument.code === code);
}

/** WHO-5 as parsed, for its fixed API (answers in item order, 0–5). */
export const WHO5_INSTRUMENT = builtinInstrument('who-5') as Instrument;

/** WHO-5 answers in item order (0–5) as the evaluator's answers. */
export function who5Answers(answers: readonly number[]): Record<string, string> {
  return Object.fromEntries(
    WHO5_INSTRUMENT.items.map((item, index) => [item.linkId, String(answers[index])]),
  );
}
