import { describe, expect, it } from 'vitest';
import { isAnonymousPath, loggedPath } from './logging.js';

const TOKEN = 'q3V0Zx8yS1f2mRk9aP4uWc7LbNd6EhJt5GoYiTs0vXw';

describe('the path a request is logged with', () => {
  it('drops the query string', () => {
    expect(loggedPath('/api/citizens/search?name=Bodil')).toBe('/api/citizens/search');
    expect(isAnonymousPath('/api/citizens/search?name=Bodil')).toBe(false);
  });

  it("replaces a survey link's token, in the API and in the page the link opens", () => {
    expect(loggedPath(`/api/survey-invitations/${TOKEN}`)).toBe('/api/survey-invitations/:token');
    expect(loggedPath(`/api/survey-invitations/${TOKEN}/answers?x=1`)).toBe(
      '/api/survey-invitations/:token/answers',
    );
    expect(loggedPath(`/svar/${TOKEN}`)).toBe('/svar/:token');
    expect(loggedPath(`/api/calendar/${TOKEN}.ics`)).toBe('/api/calendar/:token');
    // The owner's list of links is not a secret path.
    expect(loggedPath('/api/calendar-feeds')).toBe('/api/calendar-feeds');
    expect(isAnonymousPath(`/svar/${TOKEN}`)).toBe(true);
  });

  it('matches an encoded path as decoded, so an escape does not step around it', () => {
    expect(loggedPath(`/api/survey-%69nvitations/${TOKEN}`)).toBe('/api/survey-invitations/:token');
    expect(loggedPath(`/%73var/${TOKEN}`)).toBe('/svar/:token');
    expect(loggedPath(`/api/survey-invitations/${TOKEN}%ZZ`)).toBe('/api/survey-invitations/:token');
  });
});
