import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { NotClientData } from '../../access/client-data.decorator';
import {
  type AnswerShape,
  answerShape,
  authenticated,
  commandSteps,
  type CommandSteps,
  type EndpointDocs,
  kindAndDocs,
} from './endpoint-steps';

/** What an endpoint without client data declares besides its route. */
export type AggregateEndpointOptions = EndpointDocs & {
  /** Why no client-level data passes through it; kept with the route for review. */
  readonly noClientData: string;
} & (
    | {
        /** For a command: its body, status and retry safety. */
        readonly command: CommandSteps;
        readonly answer?: never;
      }
    | {
        readonly command?: undefined;
        /** For a read: one resource, or a page of a list (`@PageQuery()`). */
        readonly answer: AnswerShape;
      }
  );

/**
 * An authenticated endpoint that touches no client-level data (directories, the caller
 * organisation's own counts and lists): no path access check and no audit row, with the reason
 * why; problem+json and OpenAPI answers documented.
 */
export function AggregateEndpoint(options: AggregateEndpointOptions): MethodDecorator {
  return applyDecorators(
    kindAndDocs('aggregate', options),
    authenticated(),
    NotClientData(options.noClientData),
    options.command === undefined
      ? applyDecorators(
          answerShape(options.answer),
          ApiResponse({ status: 200, description: 'The answer.' }),
        )
      : commandSteps(options.command),
  );
}
