export {
  BACKEND_SERVICE_NAMES,
  CONTEXT_OF_SERVICE,
  SERVICE_NAMES,
  type BackendServiceName,
  type ServiceName,
} from './services';
export {
  healthSubject,
  type DatabaseHealth,
  type DependencyHealth,
  type DependencyStatus,
  type ServiceHealthReport,
} from './system/health.contract';
