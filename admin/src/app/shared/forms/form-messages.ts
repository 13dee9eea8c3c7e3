import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { POSTCODE_PATTERN } from '@waakvlam/contracts';
import { fieldErrorsOf } from '../problem/problem.util';

/** A message to show: a translation key with parameters, or text from the API as it came. */
export interface Message {
  key: string;
  params?: Record<string, unknown>;
}

/** One line of an error summary: the field's element id, its label key and the message. */
export interface SummaryEntry {
  id: string;
  labelKey: string;
  message: Message;
}

/** Same shape checks as the API. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits, spaces, dashes and brackets with an optional leading +; 8 to 20 characters. */
export const PHONE_PATTERN = /^\+?[0-9 ()-]{8,20}$/;
export { POSTCODE_PATTERN };

/** Translation key of a message that shows the API's own text. */
export const SERVER_MESSAGE_KEY = 'forms.errors.server';

/** The first message for a control's client-side errors, or undefined when it is valid. */
export function controlMessage(control: AbstractControl): Message | undefined {
  const errors: ValidationErrors | null = control.errors;
  if (!errors) {
    return undefined;
  }
  if (errors['required']) return { key: 'forms.errors.required' };
  if (errors['email']) return { key: 'forms.errors.email' };
  if (errors['postcode']) return { key: 'forms.errors.postcode' };
  if (errors['phone']) return { key: 'forms.errors.phone' };
  if (errors['min'] || errors['max'] || errors['integer']) {
    const range = errors['range'] as { min: number; max: number } | undefined;
    return range ? { key: 'forms.errors.range', params: range } : { key: 'forms.errors.number' };
  }
  if (errors['maxlength']) {
    return {
      key: 'forms.errors.maxLength',
      params: { max: (errors['maxlength'] as { requiredLength: number }).requiredLength },
    };
  }
  if (errors['date']) return { key: 'forms.errors.date' };
  if (errors['pattern']) return { key: 'forms.errors.invalid' };
  return { key: 'forms.errors.invalid' };
}

/** Optional text that must match `pattern` when filled in; the error is `{ [name]: true }`. */
export function optionalPattern(pattern: RegExp, name: string): ValidatorFn {
  return (control) => {
    const value = typeof control.value === 'string' ? control.value.trim() : '';
    return value === '' || pattern.test(value) ? null : { [name]: true };
  };
}

/** Whole number between min and max; error carries the range for the message. */
export function integerBetween(min: number, max: number): ValidatorFn {
  return (control) => {
    const raw: unknown = control.value;
    if (raw === null || raw === '' || raw === undefined) {
      return null;
    }
    const value = Number(raw);
    if (!Number.isInteger(value)) {
      return { integer: true, range: { min, max } };
    }
    if (value < min) return { min: true, range: { min, max } };
    if (value > max) return { max: true, range: { min, max } };
    return null;
  };
}

/** A `YYYY-MM-DD` date (what `<input type=date>` gives). */
export const isoDateValidator: ValidatorFn = (control) => {
  const value = typeof control.value === 'string' ? control.value : '';
  return value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : { date: true };
};

/**
 * The API's field errors (400 problem+json) for the fields this form knows, keyed by form field.
 * `fieldFor` maps the API's dotted path to a form field, or null when the form has no such field.
 */
export function serverFieldMessages<F extends string>(
  error: unknown,
  fieldFor: (apiField: string) => F | null,
): Partial<Record<F, Message>> {
  const result: Partial<Record<F, Message>> = {};
  for (const { field, message } of fieldErrorsOf(error)) {
    const target = fieldFor(field);
    if (target && !result[target]) {
      result[target] = { key: SERVER_MESSAGE_KEY, params: { message } };
    }
  }
  return result;
}
