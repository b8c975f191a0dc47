/**
 * The audit trail in words: what each audit action and resource kind means to a person, in Danish
 * and English. The supervisors' audit search shows one row per page visit (audit-visits.ts) and
 * says it with these texts ("Så Sara Eksempelsens plan"), never with the codes the trail stores
 * ("read · plan_history"). Every action and resource kind the server records has a text here; a
 * test scans the server for the kinds it records and fails when one has none.
 */

/** Every action the audit trail records. */
export const AUDIT_ACTIONS = [
  'read',
  'list',
  'search',
  'create',
  'update',
  'end',
  'login',
  'logout',
  'export',
  'break-glass',
  'reveal',
  'withdraw',
  'disable',
  'delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type Language = 'da' | 'en';
export interface Texts {
  da: string;
  en: string;
}

/**
 * A resource kind in words. `what` is the object of a sentence, with `{of}` for the citizen's
 * genitive ("Sara Eksempelsens", "en borgers") and `{unit}` for a unit named in the resource;
 * `part` is the short name the "what was seen" column lists.
 */
interface KindText {
  what: Texts;
  part: Texts;
}

const k = (whatDa: string, whatEn: string, partDa: string, partEn: string): KindText => ({
  what: { da: whatDa, en: whatEn },
  part: { da: partDa, en: partEn },
});

/** Every resource kind (the part of a resource code before ":" or ","), in words. */
export const RESOURCE_TEXTS = {
  plan: k('{of} plan', '{of} plan', 'plan', 'plan'),
  plan_history: k('{of} planhistorik', '{of} plan history', 'historik', 'history'),
  plan_pdf: k('{of} plan som PDF', '{of} plan as a PDF', 'plan som PDF', 'plan as PDF'),
  export_pdf: k('en kopi af {of} data som PDF', 'a copy of {of} data as a PDF', 'kopi (PDF)', 'copy (PDF)'),
  flags: k(
    'koordineringssignalerne i {of} plan',
    'the coordination flags on {of} plan',
    'koordineringssignaler',
    'coordination flags',
  ),
  flag: k(
    'et koordineringssignal i {of} plan',
    'a coordination flag on {of} plan',
    'koordineringssignal',
    'coordination flag',
  ),
  meetings: k('{of} møder', '{of} meetings', 'møder', 'meetings'),
  meeting: k('et møde i {of} forløb', 'a meeting in {of} pathway', 'møde', 'meeting'),
  'follow-up': k('en opfølgning i {of} plan', 'a follow-up in {of} plan', 'opfølgning', 'follow-up'),
  'follow-ups': k('{of} opfølgninger', '{of} follow-ups', 'opfølgninger', 'follow-ups'),
  'calendar-feed': k(
    '{of} kalender-abonnement',
    '{of} calendar feed',
    'kalender-abonnement',
    'calendar feed',
  ),
  reminders: k('{of} påmindelser', '{of} reminders', 'påmindelser', 'reminders'),
  consent: k('{of} samtykker', '{of} consents', 'samtykker', 'consents'),
  'reporting-objection': k(
    '{of} indsigelse mod ledelsestal',
    '{of} objection to management figures',
    'indsigelse mod ledelsestal',
    'objection to management figures',
  ),
  delegation: k('{of} fuldmagter', '{of} powers of attorney', 'fuldmagter', 'powers of attorney'),
  cpr: k('{of} fulde CPR-nummer', '{of} full CPR number', 'fuldt CPR-nummer', 'full CPR number'),
  citizen: k('{of} stamdata', '{of} details', 'stamdata', 'details'),
  referral: k('en henvisning for {of} forløb', 'a referral in {of} pathway', 'henvisning', 'referral'),
  referrals: k('{of} henvisninger', '{of} referrals', 'henvisninger', 'referrals'),
  'referrals-incoming': k(
    'listen over modtagne henvisninger',
    'the list of received referrals',
    'modtagne henvisninger',
    'received referrals',
  ),
  'referrals-outgoing': k(
    'listen over sendte henvisninger',
    'the list of sent referrals',
    'sendte henvisninger',
    'sent referrals',
  ),
  proposals: k('forslagene til {of} plan', 'the proposals for {of} plan', 'forslag', 'proposals'),
  proposal: k('et forslag til {of} plan', 'a proposal for {of} plan', 'forslag', 'proposal'),
  goal: k('målet i {of} plan', 'the goal in {of} plan', 'mål', 'goal'),
  sub_goal: k('et delmål i {of} plan', 'a sub-goal in {of} plan', 'delmål', 'sub-goal'),
  own_step: k('et eget skridt i {of} plan', 'a step of their own in {of} plan', 'eget skridt', 'own step'),
  plan_comment: k('en kommentar til {of} plan', 'a comment on {of} plan', 'kommentar', 'comment'),
  decision: k('en afgørelse om {of} sag', 'a decision on {of} case', 'afgørelse', 'decision'),
  decisions: k('{of} afgørelser', '{of} decisions', 'afgørelser', 'decisions'),
  decision_letter: k(
    'et brev om en afgørelse i {of} sag',
    'a letter on a decision in {of} case',
    'afgørelsesbrev',
    'decision letter',
  ),
  team_meeting: k('et teammøde om {of} sag', 'a team meeting on {of} case', 'teammøde', 'team meeting'),
  team_meetings: k('teammøderne', 'the team meetings', 'teammøder', 'team meetings'),
  team_case: k('{of} sag på et teammøde', '{of} case at a team meeting', 'teamsag', 'team case'),
  intervention: k('en indsats i {of} plan', 'an intervention in {of} plan', 'indsats', 'intervention'),
  team_member: k('{of} team', '{of} team', 'team', 'team'),
  pathway: k('et forløb i {of} plan', 'a pathway in {of} plan', 'forløb', 'pathway'),
  access_log: k('{of} adgangslog', '{of} access log', 'adgangslog', 'access log'),
  measure: k('en måling i {of} plan', 'a measurement in {of} plan', 'måling', 'measurement'),
  measures: k('{of} målinger', '{of} measurements', 'målinger', 'measurements'),
  break_glass: k('nødadgang til {of} plan', 'emergency access to {of} plan', 'nødadgang', 'emergency access'),
  caseload: k('listen Mine borgere', 'the list My citizens', 'Mine borgere', 'My citizens'),
  'my-day': k('Mit overblik', 'My day', 'Mit overblik', 'My day'),
  'my-day-flags': k(
    'signalerne på Mit overblik',
    'the flags on My day',
    'signaler på Mit overblik',
    'flags on My day',
  ),
  'unit-overview': k(
    'enhedens overblik over {unit}',
    'the unit overview of {unit}',
    'enhedens overblik',
    'unit overview',
  ),
  'coordination-overview': k(
    'koordineringsoverblikket',
    'the coordination overview',
    'koordineringsoverblik',
    'coordination overview',
  ),
  'next-steps': k('{of} næste skridt', '{of} next steps', 'næste skridt', 'next steps'),
  'coordination-flags': k(
    'en liste over koordineringssignaler',
    'a list of coordination flags',
    'koordineringssignaler',
    'coordination flags',
  ),
  'coordination-trends': k(
    'udviklingen i koordineringssignaler',
    'the trend of coordination flags',
    'signaludvikling',
    'flag trend',
  ),
  'unit-citizens': k(
    'en liste over borgere i {unit}',
    'a list of citizens in {unit}',
    'enhedens borgere',
    "the unit's citizens",
  ),
  'coordination-rule': k(
    'en koordineringsregel',
    'a coordination rule',
    'koordineringsregel',
    'coordination rule',
  ),
  inbox: k('indbakken', 'the inbox', 'indbakke', 'inbox'),
  audit: k('logningen', 'the audit trail', 'logning', 'audit trail'),
  audit_settings: k(
    'logningens indstillinger',
    'the audit settings',
    'logningens indstillinger',
    'audit settings',
  ),
  analytics: k('nøgletallene', 'the management figures', 'nøgletal', 'management figures'),
  costs: k('udgiftsdata', 'cost data', 'udgiftsdata', 'cost data'),
  instrument: k('et måleinstrument', 'a measurement instrument', 'måleinstrument', 'measurement instrument'),
  'collaboration-survey': k(
    'en samarbejdsmåling',
    'a collaboration survey',
    'samarbejdsmåling',
    'collaboration survey',
  ),
  'quality-survey': k('en kvalitetsmåling', 'a quality survey', 'kvalitetsmåling', 'quality survey'),
  'survey-invitation': k(
    'links til en samarbejdsmåling',
    'links to a collaboration survey',
    'links til måling',
    'survey links',
  ),
  professional: k('en medarbejders adgang', 'a colleague’s access', 'medarbejderadgang', 'colleague access'),
  identity_link: k(
    'en medarbejders login-kobling',
    'a colleague’s login link',
    'login-kobling',
    'login link',
  ),
  session: k('Samspil', 'Samspil', 'login', 'login'),
  citizen_data: k('{of} oplysninger', '{of} data', 'alle oplysninger', 'all data'),
  retention: k(
    'reglen for, hvor længe oplysninger gemmes',
    'the retention rule',
    'opbevaringsregel',
    'retention rule',
  ),
  pathway_template_version: k(
    'en forløbsskabelon',
    'a pathway template',
    'forløbsskabelon',
    'pathway template',
  ),
} as const satisfies Record<string, KindText>;
export type ResourceKind = keyof typeof RESOURCE_TEXTS;

/** Verbs of the actions: the start of the sentence, before the resource in words. */
export const ACTION_TEXTS: Record<AuditAction, Texts> = {
  read: { da: 'Så', en: 'Saw' },
  list: { da: 'Så', en: 'Saw' },
  search: { da: 'Søgte i', en: 'Searched' },
  create: { da: 'Oprettede', en: 'Created' },
  update: { da: 'Ændrede', en: 'Changed' },
  end: { da: 'Afsluttede', en: 'Ended' },
  login: { da: 'Loggede ind i', en: 'Logged in to' },
  logout: { da: 'Loggede ud af', en: 'Logged out of' },
  export: { da: 'Hentede', en: 'Downloaded' },
  'break-glass': { da: 'Brød glasset og fik', en: 'Broke the glass for' },
  reveal: { da: 'Så', en: 'Saw' },
  withdraw: { da: 'Trak tilbage:', en: 'Withdrew' },
  disable: { da: 'Spærrede', en: 'Disabled' },
  delete: { da: 'Slettede', en: 'Deleted' },
};

/** The kind of a resource code, without ids: "flag:…" → "flag", "plan,cpr" → "plan". */
export function resourceKind(resource: string): string {
  const head = resource.split(/[:,]/, 1)[0] ?? resource;
  return head.startsWith('analytics') ? 'analytics' : head;
}

function isKind(kind: string): kind is ResourceKind {
  return Object.hasOwn(RESOURCE_TEXTS, kind);
}

function isAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** The genitive of a name: Danish adds -s (or an apostrophe after s, x, z), English 's. */
export function genitive(name: string, language: Language): string {
  if (language === 'da') return /[sxz]$/i.test(name) ? `${name}’` : `${name}s`;
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}

/** The short name of a resource kind, for the "what was seen" column. */
export function partText(kind: string): Texts {
  return isKind(kind) ? RESOURCE_TEXTS[kind].part : { da: kind, en: kind };
}

/** What a visit did, to be said in words. */
export interface VisitWords {
  action: string;
  /** The resource kind the visit was about (its first, or the plan when it saw the plan). */
  kind: string;
  outcome: 'allowed' | 'denied';
  /** The citizen's name, where the viewer may see it; null for "a citizen" or no citizen. */
  citizenName: string | null;
  /** The unit a unit-level resource names (the unit overview). */
  unitName: string | null;
  /** The visit showed the citizen in a list (not a read of their record). */
  inList: boolean;
}

/**
 * One visit in a sentence, in both languages: "Så Sara Eksempelsens plan", "Så enhedens overblik
 * over Jobcenter", "Så Sara Eksempelsen på Mit overblik"; a refused act says so.
 */
export function describeVisit(visit: VisitWords): Texts {
  const say = (language: Language): string => {
    const fallback =
      language === 'da' ? { of: 'en borgers', unit: 'en enhed' } : { of: 'a citizen’s', unit: 'a unit' };
    const kindText = isKind(visit.kind) ? RESOURCE_TEXTS[visit.kind].what[language] : visit.kind;
    const what = kindText
      .replaceAll('{of}', visit.citizenName ? genitive(visit.citizenName, language) : fallback.of)
      .replaceAll('{unit}', visit.unitName ?? fallback.unit);
    const action = isAction(visit.action) ? visit.action : 'read';
    let sentence: string;
    if (visit.inList && visit.citizenName) {
      sentence =
        language === 'da' ? `Så ${visit.citizenName} på ${what}` : `Saw ${visit.citizenName} on ${what}`;
    } else if (action === 'login' || action === 'logout') {
      sentence = ACTION_TEXTS[action][language].replace(/ (i|af|to|of)$/, '');
    } else {
      sentence = `${ACTION_TEXTS[action][language]} ${what}`;
    }
    if (visit.outcome === 'denied') sentence += language === 'da' ? ' – afvist' : ' – refused';
    return sentence;
  };
  return { da: say('da'), en: say('en') };
}
