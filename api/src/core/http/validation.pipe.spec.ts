import { fieldsWithNul } from './validation.pipe';

describe('fieldsWithNul', () => {
  it('names every field whose text holds a NUL character, nested and in lists', () => {
    expect(
      fieldsWithNul({
        name: 'An\u0000na',
        plan: { red: { signs: 'ok', actions: '\u0000' } },
        tags: ['a', 'b\u0000'],
      }),
    ).toEqual(['name', 'plan.red.actions', 'tags[1]']);
  });

  it('passes ordinary text, numbers and nulls', () => {
    expect(fieldsWithNul({ name: 'Anna de Vries', n: 0, none: null, when: '2026-12-03' })).toEqual([]);
  });

  it('names a bare path parameter by its name', () => {
    expect(fieldsWithNul('abc\u0000', 'id')).toEqual(['id']);
  });
});
