export { AggregateEndpoint, type AggregateEndpointOptions } from './aggregate-endpoint.decorator';
export { ClientDataCommand, type ClientDataCommandOptions } from './client-data-command.decorator';
export { ClientDataRead, type ClientDataReadOptions } from './client-data-read.decorator';
export {
  type CommandBody,
  type CommandSteps,
  ENDPOINT_KIND,
  type EndpointDocs,
  type EndpointKind,
  ProblemResponses,
} from './endpoint-steps';
export { PublicEndpoint } from './public-endpoint.decorator';
