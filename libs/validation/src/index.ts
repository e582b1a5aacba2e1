export { installFastValidation } from './install-fast-validation';
export { installValidationFastPath, validateWithFastPath } from './validation-fast-path';
export { installValidationMetadataCache } from './validation-metadata-cache';
