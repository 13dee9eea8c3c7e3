import { PROBLEM_TYPE_BASE, PROBLEM_TYPES } from './problem';

describe('problem types', () => {
  it('are stable, unique URIs under one base', () => {
    const values = Object.values(PROBLEM_TYPES);
    expect(new Set(values).size).toBe(values.length);
    for (const type of values) {
      expect(type.startsWith(PROBLEM_TYPE_BASE)).toBe(true);
      expect(type.slice(PROBLEM_TYPE_BASE.length)).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });
});
