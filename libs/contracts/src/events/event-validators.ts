// The validators of event payloads and the envelope, one file per kind of rule.
export * from './validators/cross-field-rules';
export * from './validators/legal-ground';
export * from './validators/list-of';
export * from './validators/value-formats';
