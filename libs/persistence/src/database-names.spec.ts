import { redactUrl, serviceDatabaseName, urlWithDatabase } from './database-names';

describe('serviceDatabaseName', () => {
  it('should join prefix and service with underscores when the service name has dashes', () => {
    expect(serviceDatabaseName('polku', 'client-intake')).toBe('polku_client_intake');
    expect(serviceDatabaseName('polku', 'network-meetings')).toBe('polku_network_meetings');
  });

  it('should keep a one-word service name as it is when prefixed', () => {
    expect(serviceDatabaseName('pt_abc_12', 'gateway')).toBe('pt_abc_12_gateway');
  });
});

describe('urlWithDatabase', () => {
  it('should point at the other database and keep credentials, host, port and query when given a full URL', () => {
    const url = new URL(
      urlWithDatabase(
        'postgres://app:s3cret@db.example.com:5433/postgres?sslmode=require&application_name=x',
        'polku_gateway',
      ),
    );

    expect(url.protocol).toBe('postgres:');
    expect(url.username).toBe('app');
    expect(url.password).toBe('s3cret');
    expect(url.hostname).toBe('db.example.com');
    expect(url.port).toBe('5433');
    expect(url.pathname).toBe('/polku_gateway');
    expect(url.search).toBe('?sslmode=require&application_name=x');
  });

  it('should add the database when the server URL names none', () => {
    expect(urlWithDatabase('postgres://postgres@127.0.0.1:5432', 'polku_dashboards')).toBe(
      'postgres://postgres@127.0.0.1:5432/polku_dashboards',
    );
  });

  it('should replace the database when the server URL already names one', () => {
    expect(urlWithDatabase('postgresql://postgres@localhost/postgres', 'other')).toBe(
      'postgresql://postgres@localhost/other',
    );
  });
});

describe('redactUrl', () => {
  it('should hide the password and keep the rest when the URL has one', () => {
    const redacted = redactUrl('postgres://app:s3cret@db.example.com:5433/polku?sslmode=require');

    expect(redacted).not.toContain('s3cret');
    expect(redacted).toBe('postgres://app:***@db.example.com:5433/polku?sslmode=require');
  });

  it('should leave the URL unchanged when it has no password', () => {
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/postgres')).toBe(
      'postgres://postgres@127.0.0.1:5432/postgres',
    );
  });

  it('should hide a percent-encoded password when it contains special characters', () => {
    const redacted = redactUrl('postgres://app:p%40ss%3Aword@127.0.0.1:5432/postgres');

    expect(redacted).not.toContain('p%40ss');
    expect(redacted).toBe('postgres://app:***@127.0.0.1:5432/postgres');
  });
});
