import { HttpException } from '@nestjs/common';
import type { ProblemDetails } from './problem-details';

/**
 * An error that already knows its RFC 9457 answer: the problem details filter sends `problem`
 * as it is, adding only `instance`.
 */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem.title, problem.status);
  }
}
