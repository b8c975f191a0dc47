import { FREQUENCY_RECODE, RC_DIMENSIONS, type RcDimension } from './relational-coordination.js';

/**
 * The collaboration survey as a respondent answers it through an invitation link: for every
 * work group (their own included) one question per dimension, in Samspil's own plain wording,
 * each with five answers coded 1–5. The frequency question's answers are not ordinal as asked;
 * their codes are Gittell's recode (FREQUENCY_RECODE), shown in the order a person reads them.
 */
export interface RcText {
  da: string;
  en: string;
}

export interface RcQuestion {
  key: RcDimension;
  label: RcText;
  question: RcText;
  options: ({ code: number } & RcText)[];
}

const FREQUENCY_WORDS: Record<keyof typeof FREQUENCY_RECODE, RcText> = {
  'not-nearly-enough': { da: 'Alt for sjældent', en: 'Not nearly enough' },
  'not-enough': { da: 'For sjældent', en: 'Not enough' },
  'just-right': { da: 'Tilpas', en: 'Just right' },
  'too-often': { da: 'For tit', en: 'Too often' },
  'much-too-often': { da: 'Alt for tit', en: 'Much too often' },
};

/** The frequency answers as read, from too seldom to too often, each with its recoded code. */
export const FREQUENCY_OPTIONS = (
  ['not-nearly-enough', 'not-enough', 'just-right', 'too-often', 'much-too-often'] as const
).map((key) => ({ key, code: FREQUENCY_RECODE[key], ...FREQUENCY_WORDS[key] }));

const HOW_OFTEN: RcText[] = [
  { da: 'Aldrig', en: 'Never' },
  { da: 'Sjældent', en: 'Rarely' },
  { da: 'Af og til', en: 'Sometimes' },
  { da: 'Tit', en: 'Often' },
  { da: 'Altid', en: 'Always' },
];

const HOW_MUCH: RcText[] = [
  { da: 'Slet ikke', en: 'Not at all' },
  { da: 'Lidt', en: 'A little' },
  { da: 'Noget', en: 'Somewhat' },
  { da: 'Meget', en: 'A lot' },
  { da: 'Helt', en: 'Completely' },
];

const QUESTIONS: Record<RcDimension, { question: RcText; scale: RcText[] | 'frequency' }> = {
  frequent: {
    question: {
      da: 'Hvor tit taler de med dig om de borgere, I har sammen?',
      en: 'How often do they talk with you about the citizens you share?',
    },
    scale: 'frequency',
  },
  timely: {
    question: {
      da: 'Får du det, de skal fortælle dig, i god tid?',
      en: 'Do they tell you what you need to know in good time?',
    },
    scale: HOW_OFTEN,
  },
  accurate: {
    question: {
      da: 'Passer det, de siger til dig?',
      en: 'Is what they tell you correct?',
    },
    scale: HOW_OFTEN,
  },
  problem_solving: {
    question: {
      da: 'Når noget går galt, løser de det så sammen med dig?',
      en: 'When something goes wrong, do they solve it together with you?',
    },
    scale: HOW_OFTEN,
  },
  shared_goals: {
    question: {
      da: 'Hvor meget har de de samme mål for borgerne som dig?',
      en: 'How much do they share your goals for the citizens?',
    },
    scale: HOW_MUCH,
  },
  shared_knowledge: {
    question: {
      da: 'Hvor meget ved de om det arbejde, du gør?',
      en: 'How much do they know about the work you do?',
    },
    scale: HOW_MUCH,
  },
  mutual_respect: {
    question: {
      da: 'Hvor meget respekterer de det arbejde, du gør?',
      en: 'How much do they respect the work you do?',
    },
    scale: HOW_MUCH,
  },
};

/** The seven questions in the dimensions' order, each with its answers coded 1–5. */
export const RC_QUESTIONS: RcQuestion[] = RC_DIMENSIONS.map((dimension) => {
  const { question, scale } = QUESTIONS[dimension.key];
  return {
    key: dimension.key,
    label: { da: dimension.da, en: dimension.en },
    question,
    options:
      scale === 'frequency'
        ? FREQUENCY_OPTIONS.map(({ code, da, en }) => ({ code, da, en }))
        : scale.map((text, index) => ({ code: index + 1, ...text })),
  };
});
