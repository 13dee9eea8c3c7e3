import { DevMailbox } from './dev-mailbox.store';

const message = (subject: string) => ({
  receivedAt: '2026-11-22T08:00:00.000Z',
  from: 'no-reply@waakvlam.local',
  to: ['a@voorbeeld.nl'],
  subject,
  text: 'Hallo',
  html: null,
});

describe('DevMailbox', () => {
  it('lists the newest message first and keeps only the most recent ones', () => {
    const box = new DevMailbox(2);
    box.add(message('one'));
    box.add(message('two'));
    box.add(message('three'));
    expect(box.list().map((m) => m.subject)).toEqual(['three', 'two']);
  });

  it('empties on clear', () => {
    const box = new DevMailbox();
    box.add(message('one'));
    box.clear();
    expect(box.list()).toEqual([]);
  });
});
