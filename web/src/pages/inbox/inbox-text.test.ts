import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../api/inbox.js';
import da from '../../i18n/da.json';
import en from '../../i18n/en.json';
import { isReferralNotification, notificationCitizen, notificationText } from './inbox-text.js';

const base = {
  id: 'n',
  citizenId: 'c',
  subjectId: 's',
  actor: { id: 'p', name: 'Karin Koordinator' },
  createdAt: '2026-11-01T00:00:00Z',
  readAt: null,
};
const citizen = { id: 'c', name: 'Sara' };
const changed: InboxItem = {
  ...base,
  kind: 'intervention-changed',
  payload: {
    citizen,
    intervention: {
      id: 'i',
      type: 'Bostøtte',
      unit: 'Socialpsykiatrien',
      sector: 'social-adult',
      status: 'active',
      startDate: '2026-01-05',
      endDate: null,
    },
    action: 'update',
    by: 'Peter Psykiatri',
    byUnit: 'Socialpsykiatrien',
  },
};

let tDa: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  const make = async (lng: 'da' | 'en'): Promise<TFunction> => {
    const i18n = createInstance();
    await i18n.init({
      resources: { da: { translation: da }, en: { translation: en } },
      lng,
      interpolation: { escapeValue: false },
    });
    return i18n.t;
  };
  [tDa, tEn] = await Promise.all([make('da'), make('en')]);
});

describe('inbox texts, said by the web from kind and data', () => {
  it('names the intervention when the reader may see it', () => {
    expect(notificationText(changed, tDa, 'da')).toBe(
      'Socialpsykiatrien har ændret indsatsen Bostøtte for en borger, du også arbejder med.',
    );
    expect(notificationText(changed, tEn, 'en')).toBe(
      'Socialpsykiatrien has changed the intervention Bostøtte for a citizen you also work with.',
    );
  });

  it('says "an intervention" when its details are hidden, and falls back to the owning unit', () => {
    const { type: _type, ...intervention } =
      changed.kind === 'intervention-changed' ? changed.payload.intervention : { type: '' };
    const hidden = {
      ...changed,
      actor: null,
      payload: { ...(changed.payload as object), intervention, by: null, byUnit: undefined },
    } as InboxItem;
    expect(notificationText(hidden, tDa, 'da')).toBe(
      'Socialpsykiatrien har ændret en indsats for en borger, du også arbejder med.',
    );
    expect(notificationText(hidden, tEn, 'en')).toBe(
      'Socialpsykiatrien has changed an intervention for a citizen you also work with.',
    );
  });

  it('says every other kind in both languages', () => {
    const referral = { referralId: 'r', citizen, status: 'requested', comment: null };
    const cases: [InboxItem, string, string][] = [
      [
        { ...base, kind: 'referral-requested', payload: referral },
        'Karin Koordinator har sendt en henvisning for en borger.',
        'Karin Koordinator has sent a referral for a citizen.',
      ],
      [
        { ...base, kind: 'referral-accepted', payload: { ...referral, status: 'accepted' } },
        'Karin Koordinator har opdateret en henvisning for en borger.',
        'Karin Koordinator has updated a referral for a citizen.',
      ],
      [
        {
          ...base,
          kind: 'meeting-invited',
          payload: { meetingId: 'm', startsAt: '2026-12-03T09:00:00Z', citizen },
        },
        'Karin Koordinator har inviteret dig til et møde med en borger 3. december 2026 kl. 10.00.',
        'Karin Koordinator has invited you to a meeting with a citizen on 3 December 2026 at 10:00.',
      ],
      [
        {
          ...base,
          kind: 'meeting-cancelled',
          payload: { meetingId: 'm', startsAt: '2026-12-03T09:00:00Z', citizen },
        },
        'Karin Koordinator har aflyst mødet med en borger 3. december 2026 kl. 10.00.',
        'Karin Koordinator has cancelled the meeting with a citizen on 3 December 2026 at 10:00.',
      ],
      [
        { ...base, kind: 'proposal-made', payload: { proposalId: 'p', citizen, unit: 'Jobcenter' } },
        'Jobcenter har foreslået en ændring af en indsats, I ejer.',
        'Jobcenter has proposed a change to an intervention your unit owns.',
      ],
      [
        { ...base, kind: 'proposal-declined', payload: { proposalId: 'p', citizen, unit: null } },
        'Karin Koordinator har afvist dit forslag til ændring af en indsats.',
        'Karin Koordinator has declined your proposed change to an intervention.',
      ],
      [
        { ...base, actor: null, kind: 'plan-approved', payload: {} },
        'Borgeren har godkendt planen.',
        'The citizen has approved the plan.',
      ],
      [
        { ...base, actor: null, kind: 'plan-commented', payload: {} },
        'Borgeren har skrevet en kommentar til planen.',
        'The citizen has commented on the plan.',
      ],
      [
        { ...base, actor: null, kind: 'hearing-answered', payload: { title: 'Afslag på bostøtte' } },
        'Borgeren har svaret i partshøringen om »Afslag på bostøtte«.',
        'The citizen has answered the hearing on “Afslag på bostøtte”.',
      ],
      [
        { ...base, actor: null, kind: 'hearing-answered', payload: { title: null } },
        'Borgeren har svaret i en partshøring.',
        'The citizen has answered a hearing.',
      ],
      [
        {
          ...base,
          kind: 'team-case-returned',
          payload: {
            teamMeetingId: '00000000-0000-4000-8000-000000000010',
            teamCaseId: '00000000-0000-4000-8000-000000000011',
            meeting: 'Rehabiliteringsteamet',
          },
        },
        'Teamet har fået en sag tilbage fra »Rehabiliteringsteamet«: afgørelsen fulgte ikke indstillingen.',
        'A case from “Rehabiliteringsteamet” is back with the team: the decision did not follow the recommendation.',
      ],
    ];
    for (const [item, danish, english] of cases) {
      expect(notificationText(item, tDa, 'da'), item.kind).toBe(danish);
      expect(notificationText(item, tEn, 'en'), item.kind).toBe(english);
    }
  });

  it('reads the citizen, and tells referral notifications apart', () => {
    expect(notificationCitizen(changed)).toBe('Sara');
    expect(notificationCitizen({ ...base, actor: null, kind: 'plan-approved', payload: {} })).toBeNull();
    expect(
      isReferralNotification({
        ...base,
        kind: 'referral-requested',
        payload: { referralId: 'r', status: 'requested', comment: null },
      }),
    ).toBe(true);
    expect(isReferralNotification(changed)).toBe(false);
  });
});

describe('reminders in the inbox', () => {
  const reminder = (kind: InboxItem['kind'], at: string): InboxItem =>
    ({ ...base, actor: null, kind, payload: { at, citizen } }) as InboxItem;

  it('say the meeting tomorrow at its Danish time, the hearing’s last day and the follow-up day', () => {
    expect(notificationText(reminder('reminder-meeting', '2026-12-07T09:00:00.000Z'), tDa, 'da')).toBe(
      'Påmindelse: møde i morgen, 7. december 2026 kl. 10.00.',
    );
    expect(notificationText(reminder('reminder-hearing-deadline', '2026-12-16'), tEn, 'en')).toBe(
      'Reminder: the hearing closes on 16 December 2026.',
    );
    expect(notificationText(reminder('reminder-follow-up', '2026-12-16'), tDa, 'da')).toBe(
      'Påmindelse: opfølgning på en indsats 16. december 2026.',
    );
    expect(notificationCitizen(reminder('reminder-follow-up', '2026-12-16'))).toBe('Sara');
  });
});
