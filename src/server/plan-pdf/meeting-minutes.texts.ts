import type { PdfLanguage } from './plan-pdf.texts.js';

/**
 * The fixed words of a network meeting's minutes. Everyone involved reads the same minutes, the
 * citizen first, so they are plain Danish: short sentences, everyday words (src/plain-language.test.ts
 * holds them to LIX 40 with the citizen's screens).
 */
const minutesDa = {
  title: 'Referat af netværksmøde',
  band: 'Samspil · Referat',
  about: 'Mødet om {name}',
  made: 'Lavet {date}',
  intro: 'Her kan du læse, hvad vi talte om på mødet. Spørg gerne, hvis noget er uklart.',
  when: 'Hvornår og hvor',
  online: 'Online',
  who: 'Hvem var med',
  citizenThere: '{name} var med.',
  citizenAway: '{name} var ikke med.',
  cameNot: 'kom ikke',
  agenda: 'Det ville vi tale om',
  summary: 'Det talte vi om',
  reflections: 'Tanker fra dem, der lyttede',
  openQuestions: 'Det er stadig åbent',
  agreements: 'Det aftalte vi',
  agreementsNone: 'Vi lavede ingen aftaler.',
  agreementWritten: 'Det står nu i planen.',
  agreementProposed: '{unit} skal sige ja til det.',
  agreementWaiting: 'Det kommer i planen snart.',
  agreementsAway: 'Aftalerne kommer først i planen, når du har været med til at lave dem.',
  next: 'Næste møde',
  nextNone: 'Vi har ikke sat en dato for næste møde.',
  nextSet: 'Vi ses igen {date}.',
  running: '{title} · {date}',
  page: 'Side {page} af {pages}',
  roleCoordinator: 'tovholder',
  roleFacilitator: 'leder mødet',
  roleReflecting: 'lytter og giver sine tanker',
} as const;

export type MinutesTextKey = keyof typeof minutesDa;

const minutesEn: Record<MinutesTextKey, string> = {
  title: 'Minutes of the network meeting',
  band: 'Samspil · Minutes',
  about: 'The meeting about {name}',
  made: 'Made {date}',
  intro: 'Here you can read what we talked about at the meeting. Ask if something is unclear.',
  when: 'When and where',
  online: 'Online',
  who: 'Who took part',
  citizenThere: '{name} took part.',
  citizenAway: '{name} did not take part.',
  cameNot: 'did not come',
  agenda: 'What we wanted to talk about',
  summary: 'What we talked about',
  reflections: 'Thoughts from those who listened',
  openQuestions: 'Still open',
  agreements: 'What we agreed',
  agreementsNone: 'We made no agreements.',
  agreementWritten: 'It is now in the plan.',
  agreementProposed: '{unit} must say yes to it.',
  agreementWaiting: 'It will be in the plan soon.',
  agreementsAway: 'The agreements go into the plan only once you have made them with us.',
  next: 'Next meeting',
  nextNone: 'We have not set a date for the next meeting.',
  nextSet: 'We meet again {date}.',
  running: '{title} · {date}',
  page: 'Page {page} of {pages}',
  roleCoordinator: 'holds the thread',
  roleFacilitator: 'leads the meeting',
  roleReflecting: 'listens and shares thoughts',
};

export const minutesTexts: Record<PdfLanguage, Record<MinutesTextKey, string>> = {
  da: minutesDa,
  en: minutesEn,
};
