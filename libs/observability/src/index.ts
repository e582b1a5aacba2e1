export { createServiceLogger } from './logger';
