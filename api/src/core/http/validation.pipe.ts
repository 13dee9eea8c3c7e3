import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { PROBLEM_TYPES, type FieldError } from '@waakvlam/contracts';
import { ProblemException } from './problem.exception';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, 'is not a known field'),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The fields of an input (body, query, path) whose text holds a NUL character: PostgreSQL cannot store one in
 * text, so such input is a 400 naming the field, never a 500 from the database.
 */
export function fieldsWithNul(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || '(value)'] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => fieldsWithNul(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => fieldsWithNul(item, path ? `${path}.${key}` : key));
  return [];
}

const invalid = (errors: FieldError[]): ProblemException =>
  new ProblemException(PROBLEM_TYPES.validation, 400, 'Invalid input', {
    detail: 'One or more fields are missing or wrong.',
    errors,
  });

/** Validates DTOs, and first refuses text that PostgreSQL cannot store. */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const nul = fieldsWithNul(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (nul.length > 0)
        throw invalid(nul.map((field) => ({ field, message: 'must not contain a NUL character' })));
    }
    return super.transform(value, metadata);
  }
}

/** Strips nothing silently: unknown fields and wrong values are a 400 problem that names each field. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
}
