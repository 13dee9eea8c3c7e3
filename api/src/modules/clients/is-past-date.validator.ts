import {
  registerDecorator,
  type ValidationOptions,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** `YYYY-MM-DD` before today (UTC; a date of birth is never close enough to today for the zone to matter). */
@ValidatorConstraint({ name: 'isPastDate' })
export class IsPastDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCalendarDate(value) && value < new Date().toISOString().slice(0, 10);
  }

  defaultMessage(): string {
    return 'must be a date (YYYY-MM-DD) in the past';
  }
}

export function IsPastDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      target: target.constructor,
      propertyName: String(propertyKey),
      options,
      validator: IsPastDateConstraint,
    });
}
