export { AggregateEndpoint, type AggregateEndpointOptions } from './aggregate-endpoint.decorator';
export { ClientDataList, type ClientDataListOptions } from './client-data-list.decorator';
export { ClientDataCommand, type ClientDataCommandOptions } from './client-data-command.decorator';
export { ClientDataRead, type ClientDataReadOptions } from './client-data-read.decorator';
export {
  ANSWER_SHAPE,
  type AnswerShape,
  type CommandBody,
  type CommandSteps,
  ENDPOINT_KIND,
  type EndpointDocs,
  type EndpointKind,
  ProblemResponses,
} from './endpoint-steps';
export { PublicEndpoint } from './public-endpoint.decorator';
