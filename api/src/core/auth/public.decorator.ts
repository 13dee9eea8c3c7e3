import { SetMetadata } from '@nestjs/common';

export const PUBLIC_METADATA = 'waakvlam:public';

/** The route needs no session (CSRF is still checked on state-changing methods). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_METADATA, true);
