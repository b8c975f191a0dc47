import { describe, expect, it } from 'vitest';
import { checkCollaborationDraft, checkQualityDraft, nextItemCode } from './survey-drafts.js';

describe('a new collaboration survey', () => {
  it('is sent trimmed, without an empty project', () => {
    expect(
      checkCollaborationDraft({
        title: ' Samarbejde 2027 ',
        project: ' ',
        groups: ['Jobkonsulenter ', 'Mentorer'],
      }),
    ).toEqual({ ok: true, body: { title: 'Samarbejde 2027', groups: ['Jobkonsulenter', 'Mentorer'] } });
  });

  it('names each field that is wrong: no title, an empty group, a group given twice, too long', () => {
    const result = checkCollaborationDraft({
      title: '  ',
      project: 'x'.repeat(201),
      groups: ['Mentorer', '', 'mentorer ', 'y'.repeat(81)],
    });
    expect(result).toEqual({
      ok: false,
      problems: {
        title: 'required',
        project: 'tooLong',
        'group-1': 'required',
        'group-2': 'repeated',
        'group-3': 'tooLong',
      },
    });
  });

  it('needs two to twelve groups', () => {
    expect(checkCollaborationDraft({ title: 'T', project: '', groups: ['A'] })).toEqual({
      ok: false,
      problems: { groups: 'tooFew' },
    });
    const thirteen = Array.from({ length: 13 }, (_, index) => `Gruppe ${index + 1}`);
    expect(checkCollaborationDraft({ title: 'T', project: '', groups: thirteen })).toEqual({
      ok: false,
      problems: { groups: 'tooMany' },
    });
    expect(checkCollaborationDraft({ title: 'T', project: '', groups: thirteen.slice(0, 12) }).ok).toBe(true);
  });
});

describe('a new quality survey', () => {
  it('is sent trimmed with its statements in order', () => {
    expect(
      checkQualityDraft({
        title: 'Kvalitet',
        project: 'Sammen om forløb',
        items: [
          { code: 'q1', text: ' Der er en plan ' },
          { code: 'roller_2', text: 'Rollerne er kendt' },
        ],
      }),
    ).toEqual({
      ok: true,
      body: {
        title: 'Kvalitet',
        project: 'Sammen om forløb',
        items: [
          { code: 'q1', text: 'Der er en plan' },
          { code: 'roller_2', text: 'Rollerne er kendt' },
        ],
      },
    });
  });

  it('names a missing, malformed or repeated code and a missing statement', () => {
    expect(
      checkQualityDraft({
        title: 'Kvalitet',
        project: '',
        items: [
          { code: '', text: 'a' },
          { code: 'Q 2', text: 'b' },
          { code: 'q3', text: '' },
          { code: 'q3', text: 'c' },
          { code: 'x'.repeat(21), text: 'd' },
        ],
      }),
    ).toEqual({
      ok: false,
      problems: {
        'item-0-code': 'required',
        'item-1-code': 'code',
        'item-2-text': 'required',
        'item-3-code': 'repeated',
        'item-4-code': 'code',
      },
    });
    expect(checkQualityDraft({ title: 'Kvalitet', project: '', items: [] })).toEqual({
      ok: false,
      problems: { items: 'tooFew' },
    });
  });

  it('numbers a new statement with the first free code', () => {
    expect(nextItemCode([])).toBe('q1');
    expect(nextItemCode([{ code: 'q1' }])).toBe('q2');
    expect(nextItemCode([{ code: 'q2' }, { code: 'q3' }])).toBe('q4');
    expect(nextItemCode([{ code: 'roller' }])).toBe('q2');
  });
});
