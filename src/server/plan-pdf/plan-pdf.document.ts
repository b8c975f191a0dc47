import type { z } from 'zod';
import { possessive } from '../../domain/language/possessive.js';
import { LEGAL_BASES } from '../../domain/organisation/legal-bases.js';
import { PYRAMID_LABELS, SECTOR_LABELS } from '../../domain/organisation/sectors.js';
import type { InterventionView, TeamMemberView } from '../../domain/plan/plan.types.js';
import type { presentedPlanSchema, restrictedInterventionSchema } from '../plan/plan.presenter.js';
import { formatDay, formatMoney, type PdfBlock, type PdfLayout } from './plan-pdf.layout.js';
import {
  type CitizenPdfTextKey,
  citizenPdfTexts,
  fill,
  type PdfLanguage,
  type ProfessionalPdfTextKey,
  professionalPdfTexts,
  STATUS_WORDS,
} from './plan-pdf.texts.js';

/** The plan exactly as the plan presenter shaped it for this reader. */
export type PresentedPlan = z.infer<typeof presentedPlanSchema>;
type RestrictedIntervention = z.infer<typeof restrictedInterventionSchema>;
type PresentedIntervention = InterventionView | RestrictedIntervention;

/** Who reads the PDF: a professional, the citizen, or a relative with a power of attorney. */
export type PdfAudience = 'professional' | 'citizen' | 'relative';

export interface PlanPdfOptions {
  audience: PdfAudience;
  language: PdfLanguage;
  /** Today, YYYY-MM-DD (Danish calendar day): the date on every page. */
  today: string;
  /** For an export: the title says so. */
  export?: boolean;
}

function isRestricted(item: PresentedIntervention): item is RestrictedIntervention {
  return 'detailsHidden' in item && item.detailsHidden === true;
}

/**
 * The plan's PDF layout for its reader, from the presented plan alone: what the presenter hid
 * stays hidden (a restricted intervention is "Indsats i <unit> – detaljerne er ikke synlige for
 * dig" with its category, contact and period). The citizen and a relative get the citizen's
 * version in plain language: no cost, no legal references, no codes.
 */
export function composePlanPdf(plan: PresentedPlan, options: PlanPdfOptions): PdfLayout {
  return options.audience === 'professional' ? professionalPlan(plan, options) : citizenPlan(plan, options);
}

// --- The professional's plan --------------------------------------------------------------

function professionalPlan(plan: PresentedPlan, options: PlanPdfOptions): PdfLayout {
  const { language } = options;
  const tx = professionalPdfTexts[language];
  const t = (key: ProfessionalPdfTextKey, values?: Record<string, string | number>): string =>
    fill(tx[key], values);
  const day = (value: string | null): string => (value ? formatDay(value, language) : t('none'));
  const status = (value: string): string => STATUS_WORDS[language][value] ?? value;
  const period = (start: string, end: string | null): string =>
    end ? t('fromTo', { start: day(start), end: day(end) }) : t('from', { start: day(start) });
  const name = `${plan.citizen.givenName} ${plan.citizen.familyName}`;
  const title = t(options.export ? 'exportTitle' : 'title', { name });
  const printed = formatDay(options.today, language);
  const blocks: PdfBlock[] = [{ kind: 'paragraph', tone: 'notice', text: t('notice') }];

  blocks.push({ kind: 'heading', level: 2, text: t('goal') });
  if (plan.goal) {
    if (plan.goal.ownWords) {
      blocks.push({ kind: 'paragraph', tone: 'strong', text: t('goalOwnWords') });
      blocks.push({ kind: 'paragraph', tone: 'lead', text: plan.goal.ownWords });
    }
    if (plan.goal.professionalWording) {
      blocks.push({ kind: 'paragraph', tone: 'strong', text: t('goalProfessional') });
      blocks.push({ kind: 'paragraph', text: plan.goal.professionalWording });
    }
  } else {
    blocks.push({ kind: 'paragraph', tone: 'muted', text: t('goalMissing') });
  }

  const all = plan.sectors.flatMap((group) => group.interventions);
  const typeName = new Map(all.map((item) => [item.id, isRestricted(item) ? null : item.type.name]));
  blocks.push({ kind: 'heading', level: 2, text: t('subGoals') });
  if (plan.subGoals.length === 0) blocks.push({ kind: 'paragraph', tone: 'muted', text: t('subGoalsNone') });
  else
    blocks.push({
      kind: 'table',
      columns: [
        { label: t('subGoalTitle'), width: 0.3 },
        { label: t('subGoalMeasure'), width: 0.22 },
        { label: t('subGoalTarget'), width: 0.14 },
        { label: t('subGoalStatus'), width: 0.1 },
        { label: t('subGoalGas'), width: 0.06 },
        { label: t('subGoalServedBy'), width: 0.18 },
      ],
      rows: plan.subGoals.map((goal) => [
        goal.title,
        goal.measure ?? t('none'),
        day(goal.targetDate),
        status(goal.status),
        goal.gasLevel === null ? t('none') : String(goal.gasLevel),
        goal.interventionIds
          .map((id) => typeName.get(id))
          .filter(Boolean)
          .join(', ') || t('none'),
      ]),
    });

  const subGoalTitle = new Map(plan.subGoals.map((goal) => [goal.id, goal.title]));
  blocks.push({ kind: 'heading', level: 2, text: t('interventions') });
  const current = plan.sectors
    .map((group) => ({
      ...group,
      interventions: group.interventions.filter((item) => item.status !== 'ended'),
    }))
    .filter((group) => group.interventions.length > 0);
  if (current.length === 0) blocks.push({ kind: 'paragraph', tone: 'muted', text: t('interventionsNone') });
  for (const group of current) {
    blocks.push({ kind: 'heading', level: 3, text: SECTOR_LABELS[group.sector][language] });
    for (const item of group.interventions) blocks.push(interventionCard(item));
  }
  const ended = all.filter((item) => item.status === 'ended');
  if (ended.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: t('ended') });
    blocks.push({
      kind: 'table',
      columns: [
        { label: t('category'), width: 0.3 },
        { label: t('unit'), width: 0.3 },
        { label: t('period'), width: 0.25 },
        { label: t('endReason'), width: 0.15 },
      ],
      rows: ended.map((item) => [
        isRestricted(item) ? t('hidden', { unit: item.unit.name }) : item.type.name,
        item.unit.name,
        period(item.startDate, item.endDate),
        isRestricted(item) ? t('none') : (item.endReason ?? t('none')),
      ]),
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: t('team') });
  if (plan.team.length === 0) blocks.push({ kind: 'paragraph', tone: 'muted', text: t('teamNone') });
  else
    blocks.push({
      kind: 'table',
      columns: [
        { label: t('teamName'), width: 0.25 },
        { label: t('teamRole'), width: 0.25 },
        { label: t('teamUnit'), width: 0.25 },
        { label: t('teamContact'), width: 0.25 },
      ],
      rows: plan.team.map((member) => [
        member.name,
        [member.isCoordinator ? t('coordinator') : null, member.role, member.profession, member.relation]
          .filter(Boolean)
          .join(' · ') || t('none'),
        member.unit?.name ?? t('none'),
        [member.phone, member.email].filter(Boolean).join('\n') || t('none'),
      ]),
    });

  if (plan.pathways.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: t('pathways') });
    blocks.push({
      kind: 'list',
      items: plan.pathways.map(
        (pathway) => `${pathway.name[language]}: ${period(pathway.startDate, pathway.endDate)}`,
      ),
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: t('gaps') });
  const gaps: string[] = [];
  if (plan.gaps.missingGoal) gaps.push(t('gapGoal'));
  if (plan.gaps.missingCoordinator) gaps.push(t('gapCoordinator'));
  for (const id of plan.gaps.subGoalsWithoutIntervention)
    gaps.push(t('gapSubGoal', { title: subGoalTitle.get(id) ?? '' }));
  if (plan.gaps.interventionsWithoutSubGoal.length > 0)
    gaps.push(t('gapIntervention', { count: plan.gaps.interventionsWithoutSubGoal.length }));
  blocks.push(gaps.length > 0 ? { kind: 'list', items: gaps } : { kind: 'paragraph', text: t('gapsNone') });

  return {
    language,
    title,
    band: t('band'),
    meta: [
      t('cpr', { cpr: plan.citizen.cprMasked }),
      t('version', { version: plan.version }),
      t('printed', { date: printed }),
      ...(plan.updatedAt && Date.parse(plan.updatedAt) > 0
        ? [
            plan.updatedBy
              ? t('updatedBy', { date: day(plan.updatedAt), name: plan.updatedBy.name })
              : t('updated', { date: day(plan.updatedAt) }),
          ]
        : []),
    ],
    blocks,
    running: t('running', { title, date: printed, version: plan.version }),
    pageTemplate: tx.page,
  };

  function interventionCard(item: PresentedIntervention): PdfBlock {
    const contact = item.responsible
      ? [item.responsible.name, item.responsible.profession, item.responsible.phone, item.responsible.email]
          .filter(Boolean)
          .join(' · ')
      : t('none');
    const common = [
      `${t('unit')}: ${item.unit.name}`,
      `${t('responsible')}: ${contact}`,
      `${t('period')}: ${period(item.startDate, item.endDate)} · ${t('status')}: ${status(item.status)}`,
    ];
    if (item.awaitingConfirmation) common.push(t('awaiting'));
    if (isRestricted(item)) {
      return {
        kind: 'card',
        muted: true,
        title: t('hidden', { unit: item.unit.name }),
        lines: [`${t('category')}: ${item.type.category}`, ...common, t('hiddenWhy')],
      };
    }
    const basis = LEGAL_BASES[item.legalBasis];
    const linked = item.subGoalIds.map((id) => subGoalTitle.get(id)).filter(Boolean);
    return {
      kind: 'card',
      title: item.type.name,
      lines: [
        ...common,
        ...(item.purpose ? [`${t('purpose')}: ${item.purpose}`] : []),
        `${t('legalBasis')}: ${basis.law} ${basis.section} (${basis.title})`,
        ...(item.frequency ? [`${t('frequency')}: ${item.frequency}`] : []),
        ...(item.followUpDate ? [`${t('followUp')}: ${day(item.followUpDate)}`] : []),
        `${t('pyramid')}: ${item.pyramidLevel} – ${PYRAMID_LABELS[item.pyramidLevel][language]}`,
        `${t('cost')}: ${formatMoney(item.costOre, language)}`,
        ...(linked.length > 0 ? [`${t('linkedSubGoals')}: ${linked.join(', ')}`] : []),
      ],
    };
  }
}

// --- The citizen's plan, in plain language --------------------------------------------------

/** The words for the citizen's (or the relative's) view, with owner names filled in. */
export function citizenWords(
  plan: PresentedPlan,
  audience: Exclude<PdfAudience, 'professional'>,
  language: PdfLanguage,
): {
  t: (key: CitizenPdfTextKey, values?: Record<string, string | number>) => string;
  /** The own-or-relative variant of a text. */
  tv: (
    own: CitizenPdfTextKey,
    relative: CitizenPdfTextKey,
    values?: Record<string, string | number>,
  ) => string;
} {
  const tx = citizenPdfTexts[language];
  const names = {
    owner: possessive(plan.citizen.givenName, language),
    given: language === 'da' ? possessive(plan.citizen.givenName, language) : plan.citizen.givenName,
  };
  const t = (key: CitizenPdfTextKey, values: Record<string, string | number> = {}): string =>
    fill(tx[key], { ...names, ...values });
  const tv = (
    own: CitizenPdfTextKey,
    relative: CitizenPdfTextKey,
    values?: Record<string, string | number>,
  ) => t(audience === 'relative' ? relative : own, values);
  return { t, tv };
}

function citizenPlan(plan: PresentedPlan, options: PlanPdfOptions): PdfLayout {
  const audience = options.audience === 'relative' ? 'relative' : 'citizen';
  const { language } = options;
  const { t, tv } = citizenWords(plan, audience, language);
  const title = options.export
    ? tv('citizenExportTitleOwn', 'citizenExportTitleRelative')
    : tv('citizenTitleOwn', 'citizenTitleRelative');
  const printed = formatDay(options.today, language);
  return {
    language,
    title,
    band: 'Samspil',
    meta: [
      `${plan.citizen.givenName} ${plan.citizen.familyName}`,
      `${t('citizenPrinted', { date: printed })} · ${t('citizenVersion', { version: plan.version })}`,
    ],
    blocks: [
      { kind: 'paragraph', tone: 'lead', text: tv('citizenIntroOwn', 'citizenIntroRelative') },
      ...citizenPlanBlocks(plan, audience, language),
    ],
    running: t('citizenRunning', { title, date: printed, version: plan.version }),
    pageTemplate: citizenPdfTexts[language].citizenPage,
  };
}

/** The citizen's plan as blocks: goal, whom to call, steps, who does what and why, network. */
/** How the citizen's PDF names a sub-goal's status. */
const STEP_STATUS_KEYS: Record<PresentedPlan['subGoals'][number]['status'], CitizenPdfTextKey> = {
  active: 'citizenStepActive',
  achieved: 'citizenStepAchieved',
  ended: 'citizenStepEnded',
};

/** The citizen's PDF says when help has not started yet or is paused (active help needs no word). */
const HELP_STATE_KEYS: Partial<Record<PresentedIntervention['status'], CitizenPdfTextKey>> = {
  planned: 'citizenHelpPlanned',
  paused: 'citizenHelpPaused',
};

export function citizenPlanBlocks(
  plan: PresentedPlan,
  audience: Exclude<PdfAudience, 'professional'>,
  language: PdfLanguage,
): PdfBlock[] {
  const { t, tv } = citizenWords(plan, audience, language);
  const day = (value: string): string => formatDay(value, language);
  const blocks: PdfBlock[] = [];

  blocks.push({ kind: 'heading', level: 2, text: tv('citizenGoalOwn', 'citizenGoalRelative') });
  if (plan.goal?.ownWords) {
    blocks.push({
      kind: 'paragraph',
      tone: 'muted',
      text: tv('citizenGoalWordsOwn', 'citizenGoalWordsRelative'),
    });
    blocks.push({ kind: 'paragraph', tone: 'lead', text: plan.goal.ownWords });
  } else if (plan.goal?.professionalWording) {
    blocks.push({ kind: 'paragraph', tone: 'muted', text: t('citizenGoalStaff') });
    blocks.push({ kind: 'paragraph', tone: 'lead', text: plan.goal.professionalWording });
  } else {
    blocks.push({ kind: 'paragraph', text: t('citizenGoalNone') });
  }

  blocks.push({ kind: 'heading', level: 2, text: tv('citizenCallOwn', 'citizenCallRelative') });
  const coordinator = plan.team.find((member) => member.isCoordinator);
  if (coordinator) {
    blocks.push({
      kind: 'card',
      title: tv('citizenCallMain', 'citizenCallMainRelative', { name: coordinator.name }),
      lines: contactLines(coordinator),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: t('citizenCallNone') });
  }
  const others = plan.team.filter((member) => !member.isCoordinator && member.kind === 'professional');
  if (others.length > 0) {
    blocks.push({ kind: 'paragraph', tone: 'strong', text: t('citizenOthers') });
    blocks.push({
      kind: 'list',
      items: others.map((member) =>
        [member.name, member.unit?.name, ...contactLines(member)].filter(Boolean).join(' · '),
      ),
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: tv('citizenStepsOwn', 'citizenStepsRelative') });
  if (plan.subGoals.length === 0) blocks.push({ kind: 'paragraph', text: t('citizenStepsNone') });
  for (const goal of plan.subGoals) {
    const lines = [t(STEP_STATUS_KEYS[goal.status])];
    if (goal.status === 'active' && goal.gasLevel !== null) lines.push(progressWords(goal.gasLevel));
    if (goal.targetDate) lines.push(t('citizenStepWhen', { date: day(goal.targetDate) }));
    blocks.push({ kind: 'card', title: goal.title, lines, muted: goal.status !== 'active' });
  }

  blocks.push({ kind: 'heading', level: 2, text: tv('citizenHelpOwn', 'citizenHelpRelative') });
  const current = plan.sectors
    .flatMap((group) => group.interventions)
    .filter((item) => item.status !== 'ended');
  if (current.length === 0) blocks.push({ kind: 'paragraph', text: t('citizenHelpNone') });
  const stepTitle = new Map(plan.subGoals.map((goal) => [goal.id, goal.title]));
  for (const item of current) {
    const when = item.endDate
      ? t('citizenHelpFromTo', { start: day(item.startDate), end: day(item.endDate) })
      : t('citizenHelpFrom', { start: day(item.startDate) });
    const contact = item.responsible
      ? [t('citizenHelpContact', { name: item.responsible.name }), item.responsible.phone]
          .filter(Boolean)
          .join(' · ')
      : null;
    const stateKey = HELP_STATE_KEYS[item.status];
    const state = stateKey ? t(stateKey) : null;
    if (isRestricted(item)) {
      blocks.push({
        kind: 'card',
        title: t('citizenHelpHidden', { unit: item.unit.name }),
        lines: [when, ...(contact ? [contact] : [])],
        muted: true,
      });
      continue;
    }
    const steps = item.subGoalIds.map((id) => stepTitle.get(id)).filter(Boolean);
    blocks.push({
      kind: 'card',
      title: `${item.unit.name}: ${item.type.name}`,
      lines: [
        ...(item.purpose ? [t('citizenHelpWhy', { why: item.purpose })] : []),
        ...(steps.length > 0 ? [t('citizenHelpSteps', { steps: steps.join(', ') })] : []),
        ...(item.frequency ? [t('citizenHelpHow', { how: item.frequency })] : []),
        ...(state ? [state] : []),
        when,
        ...(contact ? [contact] : []),
      ],
    });
  }

  const network = plan.team.filter((member) => member.kind !== 'professional');
  if (network.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: tv('citizenNetworkOwn', 'citizenNetworkRelative') });
    blocks.push({
      kind: 'list',
      items: network.map((member) =>
        [member.name, member.relation ?? member.role, ...contactLines(member)].filter(Boolean).join(' · '),
      ),
    });
  }
  return blocks;

  function contactLines(member: TeamMemberView): string[] {
    return [
      ...(member.phone ? [t('citizenPhone', { phone: member.phone })] : []),
      ...(member.email ? [t('citizenMail', { email: member.email })] : []),
    ];
  }

  function progressWords(level: number): string {
    if (level <= -2) return t('citizenProgressMinus2');
    if (level === -1) return t('citizenProgressMinus1');
    if (level === 0) return t('citizenProgressZero');
    if (level === 1) return t('citizenProgressPlus1');
    return t('citizenProgressPlus2');
  }
}
