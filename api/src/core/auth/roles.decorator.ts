import { SetMetadata } from '@nestjs/common';
import type { UserRole } from '@waakvlam/contracts';

export const ROLES_METADATA = 'waakvlam:roles';

/** Only these roles may use the route (a method's list replaces its controller's). */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_METADATA, roles);
