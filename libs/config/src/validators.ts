import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The value as it may appear in an error line: any user:password@ part masked. */
export function shownValue(value: unknown): string {
  return JSON.stringify(
    typeof value === 'string' ? value.replace(/\/\/[^/@\s]*@/g, '//***@') : value,
  );
}

function parsesAsUrlWithProtocol(value: unknown, protocols: readonly string[]): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A PostgreSQL connection URL such as postgres://user@127.0.0.1:5432/postgres. */
export function IsPostgresUrl(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPostgresUrl',
      validator: {
        validate: (value) => parsesAsUrlWithProtocol(value, ['postgres:', 'postgresql:']),
        defaultMessage: (args) =>
          `${args?.property} must be a PostgreSQL URL like postgres://user@127.0.0.1:5432/postgres, got ${shownValue(args?.value)}`,
      },
    },
    options,
  );
}

/** One NATS URL or a comma-separated list of them (a cluster's seed servers). */
export function IsNatsUrlList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNatsUrlList',
      validator: {
        validate: (value) =>
          typeof value === 'string' &&
          value.split(',').every((part) => parsesAsUrlWithProtocol(part.trim(), ['nats:', 'tls:'])),
        defaultMessage: (args) =>
          `${args?.property} must be a NATS URL like nats://127.0.0.1:4222 (or a comma-separated list), got ${shownValue(args?.value)}`,
      },
    },
    options,
  );
}
