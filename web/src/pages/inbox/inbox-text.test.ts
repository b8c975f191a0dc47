import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../api/inbox.js';
import { isReferralNotification, notificationCitizen, notificationText } from './inbox-text.js';

const item: InboxItem = {
  id: 'n',
  kind: 'intervention-changed',
  citizenId: 'c',
  subjectId: 's',
  payload: { text: { da: 'Dansk', en: 'English' }, citizen: { id: 'c', name: 'Sara' } },
  actor: null,
  createdAt: '2026-11-01T00:00:00Z',
  readAt: null,
};

describe('inbox texts', () => {
  it('reads the sentence in the active language and the citizen', () => {
    expect(notificationText(item, 'en')).toBe('English');
    expect(notificationText(item, 'da')).toBe('Dansk');
    expect(notificationCitizen(item)).toBe('Sara');
  });

  it('copes with a payload without text', () => {
    expect(notificationText({ ...item, payload: {} }, 'da')).toBeNull();
    expect(notificationCitizen({ ...item, payload: { citizen: 3 } })).toBeNull();
  });

  it('tells referral notifications apart', () => {
    expect(isReferralNotification({ ...item, kind: 'referral-requested' })).toBe(true);
    expect(isReferralNotification(item)).toBe(false);
  });
});
