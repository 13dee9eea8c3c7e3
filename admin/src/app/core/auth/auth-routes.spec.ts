import { safeReturnUrl } from './auth-routes';

describe('safeReturnUrl', () => {
  it('keeps paths inside the console', () => {
    expect(safeReturnUrl('/wie-ben-ik')).toBe('/wie-ben-ik');
    expect(safeReturnUrl('/dev-mailbox?x=1')).toBe('/dev-mailbox?x=1');
  });

  it.each([
    null,
    '',
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/inloggen',
  ])('turns %p into the start page', (value) => {
    expect(safeReturnUrl(value)).toBe('/');
  });
});
