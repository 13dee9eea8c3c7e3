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

  it('answers 503 when PostgreSQL cannot be reached, and 500 for a statement that fails', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shuttingDown = Object.assign(new Error('query failed'), {
      driverError: Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
    });
    const cut = new Error('Connection terminated unexpectedly');
    for (const error of [refused, shuttingDown, cut, new AggregateError([refused])])
      expect(toProblem(error, '/api/reactivations')).toMatchObject({
        type: PROBLEM_TYPES.serviceUnavailable,
        status: 503,
        detail: 'The service is briefly unavailable. Try again in a moment.',
      });
    const violation = Object.assign(new Error('duplicate key value'), { code: '23505' });
    expect(toProblem(violation, '/x').status).toBe(500);
  });

  it('reveals nothing of an unexpected error', () => {
    const problem = toProblem(new Error('password column missing for jan@example.nl'), '/x');
    expect(problem.status).toBe(500);
    expect(problem.type).toBe(PROBLEM_TYPES.internal);
    expect(JSON.stringify(problem)).not.toContain('jan@example.nl');
  });
});
