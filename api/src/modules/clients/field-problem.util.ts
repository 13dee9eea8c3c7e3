import { PROBLEM_TYPES } from '@waakvlam/contracts';
import { ProblemException } from '../../core/http/problem.exception';

/** A 400 validation problem naming one field, like the validation pipe's own. */
export function fieldProblem(field: string, message: string): ProblemException {
  return new ProblemException(PROBLEM_TYPES.validation, 400, 'Invalid input', {
    detail: 'One or more fields are missing or wrong.',
    errors: [{ field, message }],
  });
}

/** A 409 conflict problem. */
export function conflictProblem(detail: string): ProblemException {
  return new ProblemException(PROBLEM_TYPES.conflict, 409, 'Conflict', { detail });
}

/** PostgreSQL unique violation (23505) of the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e.driverError?.code ?? e.code;
  const name = e.driverError?.constraint ?? e.constraint;
  return code === '23505' && name === constraint;
}

/** Escapes `%`, `_` and `\` so user input is matched literally by (I)LIKE. */
export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
