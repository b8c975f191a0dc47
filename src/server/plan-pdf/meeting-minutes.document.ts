import type { MeetingView } from '../../domain/meetings/meeting.schemas.js';
import { formatDay, formatMoment, type PdfBlock, type PdfLayout } from './plan-pdf.layout.js';
import { type MinutesTextKey, minutesTexts } from './meeting-minutes.texts.js';
import { fill, type PdfLanguage } from './plan-pdf.texts.js';

export interface MinutesOptions {
  language: PdfLanguage;
  /** The Danish day the PDF is made. */
  today: string;
  citizenName: string;
  /** When the next meeting starts, if one is planned. */
  nextStartsAt?: string | null;
}

/**
 * The minutes of a held network meeting as a PdfLayout, drawn by the plan PDF's renderer (one
 * DKFDS look): when and where, who came, the agenda, what was said, reflections, open questions,
 * the agreements and whether they are in the plan, and the next meeting. The meeting comes from
 * the meetings presenter, so the reader never gets more than the meeting view shows them.
 */
export function composeMinutesPdf(meeting: MeetingView, options: MinutesOptions): PdfLayout {
  const { language } = options;
  const t = (key: MinutesTextKey, values?: Record<string, string | number>) =>
    fill(minutesTexts[language][key], values);
  const roleKeys: Record<string, MinutesTextKey> = {
    coordinator: 'roleCoordinator',
    facilitator: 'roleFacilitator',
    reflecting: 'roleReflecting',
  };
  const roleWord = (role: string) => {
    const key = roleKeys[role];
    return key ? t(key) : null;
  };
  const agreementState = (agreement: MeetingView['agreements'][number]): string | null => {
    if (agreement.outcome === 'written') return t('agreementWritten');
    if (agreement.outcome === 'proposed')
      return t('agreementProposed', { unit: agreement.ownerUnit?.name ?? '' });
    return meeting.citizenPresent === true ? t('agreementWaiting') : null;
  };
  const blocks: PdfBlock[] = [{ kind: 'paragraph', text: t('intro'), tone: 'lead' }];
  const where = [meeting.place, meeting.online ? t('online') : null].filter(Boolean).join(' · ');
  blocks.push(
    { kind: 'heading', text: t('when'), level: 2 },
    { kind: 'paragraph', text: `${formatMoment(meeting.startsAt, language)}${where ? ` · ${where}` : ''}` },
    { kind: 'heading', text: t('who'), level: 2 },
    {
      kind: 'paragraph',
      text: t(meeting.citizenPresent === false ? 'citizenAway' : 'citizenThere', {
        name: options.citizenName,
      }),
    },
    {
      kind: 'list',
      items: [
        `${meeting.organiser.name} (${meeting.organiser.unit.name})`,
        ...meeting.participants.map((person) => {
          const extra = [
            person.unit?.name,
            roleWord(person.role),
            person.attended === false ? t('cameNot') : null,
          ].filter(Boolean);
          return extra.length > 0 ? `${person.name} (${extra.join(', ')})` : person.name;
        }),
      ],
    },
  );
  const agenda = meeting.agendaPoints?.map((point) => point.text) ?? [];
  if (agenda.length > 0)
    blocks.push({ kind: 'heading', text: t('agenda'), level: 2 }, { kind: 'list', items: agenda });
  const prose = (key: MinutesTextKey, text: string | null) => {
    if (text?.trim()) blocks.push({ kind: 'heading', text: t(key), level: 2 }, { kind: 'paragraph', text });
  };
  prose('summary', meeting.summary);
  prose('reflections', meeting.reflections);
  prose('openQuestions', meeting.openQuestions);
  blocks.push({ kind: 'heading', text: t('agreements'), level: 2 });
  if (meeting.agreements.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('agreementsNone') });
  } else {
    blocks.push({
      kind: 'list',
      items: meeting.agreements.map((agreement) => {
        const state = agreementState(agreement);
        return state ? `${agreement.text} ${state}` : agreement.text;
      }),
    });
    if (meeting.citizenPresent !== true)
      blocks.push({ kind: 'paragraph', text: t('agreementsAway'), tone: 'notice' });
  }
  blocks.push(
    { kind: 'heading', text: t('next'), level: 2 },
    {
      kind: 'paragraph',
      text: options.nextStartsAt
        ? t('nextSet', { date: formatMoment(options.nextStartsAt, language) })
        : t('nextNone'),
    },
  );
  const title = t('title');
  const date = formatDay(meeting.startsAt, language);
  return {
    language,
    title,
    band: t('band'),
    meta: [
      t('about', { name: options.citizenName }),
      date,
      t('made', { date: formatDay(options.today, language) }),
    ],
    blocks,
    running: t('running', { title, date }),
    pageTemplate: t('page'),
  };
}
