import { HttpException } from '@nestjs/common';
import type { FieldError, ProblemType } from '@waakvlam/contracts';

/** An error with its problem+json `type` and, for validation, the offending fields. */
export class ProblemException extends HttpException {
  constructor(
    readonly type: ProblemType,
    status: number,
    readonly title: string,
    readonly extra: { detail?: string; errors?: FieldError[] } = {},
  ) {
    super(title, status);
  }
}
