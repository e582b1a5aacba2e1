import {
  BACKEND_SERVICE_NAMES,
  CONTEXT_OF_SERVICE,
  type BackendServiceName,
} from '@polku/contracts';

/**
 * The service that answers a request subject: `polku-rpc.<service or its context>.…`
 * (libs/bus-permissions, requestSubjectsOf). Undefined for a subject of no service.
 */
export function serviceOfRequestSubject(subject: string): BackendServiceName | undefined {
  const [prefix, owner] = subject.split('.');
  if (prefix !== 'polku-rpc' || owner === undefined) {
    return undefined;
  }
  return BACKEND_SERVICE_NAMES.find(
    (service) => service === owner || CONTEXT_OF_SERVICE[service] === owner,
  );
}
