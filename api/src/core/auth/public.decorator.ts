import { SetMetadata, applyDecorators } from '@nestjs/common';

export const PUBLIC_METADATA = 'waakvlam:public';
export const CSRF_EXEMPT_METADATA = 'waakvlam:csrf-exempt';

/**
 * The route needs no session. CSRF is still checked on state-changing methods, unless `credentialInPath`: the
 * request then carries its own secret (a self check-in link) and uses no session or other cookie, so a forged
 * request from another site could do nothing its sender could not do with the link itself.
 */
export const Public = (options: { credentialInPath?: boolean } = {}): MethodDecorator & ClassDecorator =>
  options.credentialInPath
    ? applyDecorators(SetMetadata(PUBLIC_METADATA, true), SetMetadata(CSRF_EXEMPT_METADATA, true))
    : SetMetadata(PUBLIC_METADATA, true);
