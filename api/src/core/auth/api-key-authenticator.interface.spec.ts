import type { FastifyRequest } from 'fastify';
import { presentedApiKey } from './api-key-authenticator.interface';

const request = (headers: Record<string, string | string[]>): FastifyRequest =>
  ({ headers }) as unknown as FastifyRequest;

describe('presentedApiKey', () => {
  it('reads X-Api-Key first, then a Bearer token', () => {
    expect(presentedApiKey(request({ 'x-api-key': ' wvk_abc ' }))).toBe('wvk_abc');
    expect(presentedApiKey(request({ 'x-api-key': ['wvk_a', 'wvk_b'] }))).toBe('wvk_a');
    expect(presentedApiKey(request({ authorization: 'Bearer wvk_abc' }))).toBe('wvk_abc');
    expect(presentedApiKey(request({ authorization: 'bearer   wvk_abc  ' }))).toBe('wvk_abc');
    expect(presentedApiKey(request({ 'x-api-key': 'wvk_x', authorization: 'Bearer wvk_y' }))).toBe('wvk_x');
  });

  it('is null when the request presents no key (an empty X-Api-Key is a wrong key, not none)', () => {
    expect(presentedApiKey(request({}))).toBeNull();
    expect(presentedApiKey(request({ authorization: 'Basic dXNlcjpwYXNz' }))).toBeNull();
    expect(presentedApiKey(request({ authorization: 'Bearer' }))).toBeNull();
    expect(presentedApiKey(request({ 'x-api-key': '' }))).toBe('');
  });
});
