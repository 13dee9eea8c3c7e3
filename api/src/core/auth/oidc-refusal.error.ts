/** Why an OIDC sign-in was refused (logged and audited; the console shows one neutral message). */
export class OidcRefusal extends Error {
  constructor(readonly reason: string) {
    super(`OIDC sign-in refused: ${reason}`);
  }
}
