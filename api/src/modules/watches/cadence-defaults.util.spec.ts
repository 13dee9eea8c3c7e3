import { defaultCadenceBounds } from './cadence-defaults.util';

describe('defaultCadenceBounds', () => {
  it.each([
    [7, 7, 14],
    [14, 7, 28],
    [15, 8, 30],
    [28, 14, 56],
    [60, 30, 90],
    [90, 45, 90],
  ])('interval %p gives %p–%p', (interval, min, max) => {
    expect(defaultCadenceBounds(interval)).toEqual({ min, max });
  });
});
