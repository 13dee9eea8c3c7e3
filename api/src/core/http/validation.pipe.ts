import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** Strips nothing silently: unknown fields and wrong values are a 400 problem that names each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new ProblemException(PROBLEM_TYPES.validation, 400, 'Invalid input', {
        detail: 'One or more fields are missing or wrong.',
        errors: flatten(errors),
      }),
  });
}
