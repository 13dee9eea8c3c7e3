import { BadRequestException, NotFoundException } from '@nestjs/common';
import { PROBLEM_TYPES } from '@waakvlam/contracts';
import { ProblemException } from './problem.exception';
import { toProblem } from './problem-mapper.util';

describe('toProblem', () => {
  it('keeps the type, title and field errors of a ProblemException', () => {
    const problem = toProblem(
      new ProblemException(PROBLEM_TYPES.validation, 400, 'Invalid input', {
        errors: [{ field: 'email', message: 'email must be an email' }],
      }),
      '/api/auth/login',
    );
    expect(problem).toEqual({
      type: PROBLEM_TYPES.validation,
      title: 'Invalid input',
      status: 400,
      errors: [{ field: 'email', message: 'email must be an email' }],
      instance: '/api/auth/login',
    });
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toProblem(new NotFoundException('Cannot GET /api/nope'), '/api/nope')).toMatchObject({
      type: PROBLEM_TYPES.notFound,
      status: 404,
    });
    expect(toProblem(new BadRequestException('bad'), '/x')).toMatchObject({
      type: PROBLEM_TYPES.badRequest,
      detail: 'bad',
    });
  });

  it('explains a body that is not JSON', () => {
    const error = Object.assign(new Error('Unexpected token'), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    expect(toProblem(error, '/x')).toMatchObject({
      status: 400,
      detail: 'The request body is not valid JSON.',
    });
  });

  it('reveals nothing of an unexpected error', () => {
    const problem = toProblem(new Error('password column missing for jan@example.nl'), '/x');
    expect(problem.status).toBe(500);
    expect(problem.type).toBe(PROBLEM_TYPES.internal);
    expect(JSON.stringify(problem)).not.toContain('jan@example.nl');
  });
});
