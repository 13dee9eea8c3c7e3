import type * as OpenIdClient from 'openid-client' with { 'resolution-mode': 'import' };

export type OpenIdClientModule = typeof OpenIdClient;

let loaded: OpenIdClientModule | undefined;

/**
 * openid-client (v6) is an ES module. Node 20.19+ loads ES modules with require (require(esm)), which keeps this
 * CommonJS build synchronous; the test runner compiles the package to CommonJS (test/jest.projects.cjs).
 */
export function openIdClient(): OpenIdClientModule {
  loaded ??= require('openid-client') as OpenIdClientModule;
  return loaded;
}
