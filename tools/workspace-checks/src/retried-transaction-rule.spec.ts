import { lintFindings } from './lint-probe';

// A service's transactions go through retriedTransaction, so that a deadlock victim runs again
// instead of answering 500 (docs/timers.md, "A command and the poller cannot fail each other").
const transactionFindings = (source: string) =>
  lintFindings('services/transitions/src', source, 'no-restricted-syntax');

const PROBE_HEADER = "import type { DataSource } from 'typeorm';\n";

describe('service transactions', () => {
  it('should fail lint when a service opens a transaction on its data source directly', () => {
    const findings = transactionFindings(
      `${PROBE_HEADER}export const probe = (dataSource: DataSource) =>\n  dataSource.transaction(async (em) => em.query('SELECT 1'));\n`,
    );
    expect(findings).toHaveLength(1);
  });

  it('should fail lint for this.dataSource.transaction with an isolation level', () => {
    const findings = transactionFindings(
      `${PROBE_HEADER}export class Probe {\n  constructor(private readonly dataSource: DataSource) {}\n  run() {\n    return this.dataSource.transaction('SERIALIZABLE', async (em) => em.query('SELECT 1'));\n  }\n}\n`,
    );
    expect(findings).toHaveLength(1);
  });

  it('should pass lint when the transaction is opened with retriedTransaction', () => {
    const findings = transactionFindings(
      `import { retriedTransaction } from '@polku/persistence';\n${PROBE_HEADER}export const probe = (dataSource: DataSource) =>\n  retriedTransaction(dataSource, async (em) => em.query('SELECT 1'));\n`,
    );
    expect(findings).toEqual([]);
  });
});
