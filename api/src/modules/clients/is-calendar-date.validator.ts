import {
  registerDecorator,
  type ValidationOptions,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isCalendarDate } from './is-past-date.validator';

/** A real calendar date `YYYY-MM-DD`. */
@ValidatorConstraint({ name: 'isCalendarDate' })
export class IsCalendarDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCalendarDate(value);
  }

  defaultMessage(): string {
    return 'must be a date (YYYY-MM-DD)';
  }
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      target: target.constructor,
      propertyName: String(propertyKey),
      options,
      validator: IsCalendarDateConstraint,
    });
}
