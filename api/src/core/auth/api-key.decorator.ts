import { SetMetadata } from '@nestjs/common';

export const ACCEPTS_API_KEY_METADATA = 'waakvlam:accepts-api-key';

/**
 * The route also accepts a partner system's API key (`X-Api-Key: <key>` or `Authorization: Bearer <key>`)
 * instead of a session. A request that presents a key is authenticated by the key alone: its cookies are ignored,
 * and CSRF does not apply (a key is never sent by a browser on its own). For `@Roles`, a key acts as `partner`.
 */
export const AcceptsApiKey = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCEPTS_API_KEY_METADATA, true);
