import { SECTOR_LABELS, type Sector } from '../../domain/organisation/sectors.js';
import type { ExportConsent } from '../consent/consent.presenter.js';
import type { AccessLogEntry } from '../audit/access-log.presenter.js';
import {
  citizenPlanBlocks,
  citizenWords,
  composePlanPdf,
  type PlanPdfOptions,
  type PresentedPlan,
} from './plan-pdf.document.js';
import { formatDay, formatMoment, type PdfBlock, type PdfLayout } from './plan-pdf.layout.js';
import type { CitizenPdfTextKey } from './plan-pdf.texts.js';

/** What the citizen's data export holds: the same as its JSON form. */
export interface ExportPdfData {
  plan: PresentedPlan;
  consents: readonly ExportConsent[];
  accessLog: readonly AccessLogEntry[];
  accessLogTruncated: boolean;
}

/** How many access-log lines the readable copy shows (the JSON file has them all). */
export const EXPORT_PDF_LOG_LINES = 2_000;

const CATEGORY_KEYS: Record<string, CitizenPdfTextKey> = {
  'intervention-details': 'citizenCategoryInterventionDetails',
  goals: 'citizenCategoryGoals',
  measures: 'citizenCategoryMeasures',
  health: 'citizenCategoryHealth',
  documents: 'citizenCategoryDocuments',
};
const PURPOSE_KEYS: Record<string, CitizenPdfTextKey> = {
  coordination: 'citizenPurposeCoordination',
  'case-processing': 'citizenPurposeCaseProcessing',
  treatment: 'citizenPurposeTreatment',
  'rehabilitation-team': 'citizenPurposeRehabilitationTeam',
};

/**
 * The citizen's data export as a readable document, with headings in plain Danish: my plan, who
 * may see my data (consents, in words), and who has looked (the access log's own words). The
 * same data as the JSON export. A professional's export is their plan PDF, titled as an export.
 */
export function composeExportPdf(data: ExportPdfData, options: PlanPdfOptions): PdfLayout {
  if (options.audience === 'professional') return composePlanPdf(data.plan, { ...options, export: true });
  const audience = options.audience;
  const { language } = options;
  const base = composePlanPdf(data.plan, { ...options, export: true });
  const { t, tv } = citizenWords(data.plan, audience, language);
  const day = (value: string): string => formatDay(value, language);
  /** A purpose in the reader's words; one without a text of its own is shown as stored. */
  const purposeText = (purpose: string): string => {
    const key = PURPOSE_KEYS[purpose];
    return key ? t(key) : purpose;
  };
  const blocks: PdfBlock[] = [
    { kind: 'paragraph', tone: 'lead', text: t('citizenExportIntro') },
    { kind: 'heading', level: 2, text: tv('citizenTitleOwn', 'citizenTitleRelative') },
    ...citizenPlanBlocks(data.plan, audience, language).map(
      (block): PdfBlock => (block.kind === 'heading' ? { ...block, level: 3 } : block),
    ),
  ];

  blocks.push({ kind: 'heading', level: 2, text: tv('citizenConsentsOwn', 'citizenConsentsRelative') });
  if (data.consents.length === 0) blocks.push({ kind: 'paragraph', text: t('citizenConsentsNone') });
  else
    blocks.push({
      kind: 'table',
      columns: [
        { label: t('citizenConsentWho'), width: 0.25 },
        { label: t('citizenConsentWhat'), width: 0.27 },
        { label: t('citizenConsentWhy'), width: 0.26 },
        { label: t('citizenConsentWhen'), width: 0.22 },
      ],
      rows: data.consents.map((consent) => [
        consent.granteeUnit ??
          (consent.granteeSector && consent.granteeSector in SECTOR_LABELS
            ? t('citizenConsentAll', { sector: SECTOR_LABELS[consent.granteeSector as Sector][language] })
            : '–'),
        consent.categories
          .map((category) => (CATEGORY_KEYS[category] ? t(CATEGORY_KEYS[category]) : category))
          .join(', '),
        [purposeText(consent.purpose), consent.basis === 'legal_provision' ? t('citizenConsentLaw') : null]
          .filter(Boolean)
          .join('. '),
        [
          consent.validUntil
            ? t('citizenConsentFromTo', { start: day(consent.validFrom), end: day(consent.validUntil) })
            : t('citizenConsentFrom', { start: day(consent.validFrom) }),
          consent.withdrawnAt ? t('citizenConsentWithdrawn', { date: day(consent.withdrawnAt) }) : null,
        ]
          .filter(Boolean)
          .join('\n'),
      ]),
    });

  blocks.push({ kind: 'heading', level: 2, text: tv('citizenLogOwn', 'citizenLogRelative') });
  if (data.accessLog.length === 0) blocks.push({ kind: 'paragraph', text: t('citizenLogNone') });
  else {
    const shown = data.accessLog.slice(0, EXPORT_PDF_LOG_LINES);
    blocks.push({
      kind: 'table',
      columns: [
        { label: t('citizenLogWhen'), width: 0.2 },
        { label: t('citizenLogWho'), width: 0.28 },
        { label: t('citizenLogWhat'), width: 0.3 },
        { label: t('citizenLogWhy'), width: 0.22 },
      ],
      rows: shown.map((entry) => [
        formatMoment(entry.at, language),
        [entry.who.name, entry.who.unit].filter(Boolean).join(', ') || entry.who.role,
        entry.description[language],
        entry.why ? purposeText(entry.why) : t('citizenLogNoReason'),
      ]),
    });
    if (data.accessLogTruncated || data.accessLog.length > shown.length)
      blocks.push({ kind: 'paragraph', tone: 'muted', text: t('citizenLogMore') });
  }
  return { ...base, blocks };
}
