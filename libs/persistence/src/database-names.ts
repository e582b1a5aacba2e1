/** polku + client-intake → polku_client_intake. */
export function serviceDatabaseName(prefix: string, service: string): string {
  return `${prefix}_${service.replace(/-/g, '_')}`;
}

/** The same server URL, pointing at another database. */
export function urlWithDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A URL fit for logs: the password replaced. */
export function redactUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.password) {
    url.password = '***';
  }
  return url.toString();
}
