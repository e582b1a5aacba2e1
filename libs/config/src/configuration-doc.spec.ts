import { ActivationPlansConfig } from './activation-plans.config';
import { ClientIntakeConfig } from './client-intake.config';
import { TransitionsConfig } from './transitions.config';
import { NetworkMeetingsConfig } from './network-meetings.config';
import { WorkQueueConfig } from './work-queue.config';
import { renderConfigurationDoc } from './configuration-doc';
import { envVarsOf } from './env-var.decorator';
import {
  DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS,
  DEVELOPMENT_IDENTITY_HASH_KEY,
} from './identity-keys';
import { LauncherConfig } from './launcher.config';

/** Every variable of every process, each once. */
function allVariables() {
  const byName = new Map<string, ReturnType<typeof envVarsOf>[number]>();
  for (const configClass of [
    LauncherConfig,
    ClientIntakeConfig,
    ActivationPlansConfig,
    TransitionsConfig,
    NetworkMeetingsConfig,
    WorkQueueConfig,
  ]) {
    for (const variable of envVarsOf(configClass)) {
      if (!byName.has(variable.name)) {
        byName.set(variable.name, variable);
      }
    }
  }
  return [...byName.values()];
}

/** The table rows of the rendered document, split into trimmed cells. */
function tableRows(doc: string): string[][] {
  return doc
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

describe('renderConfigurationDoc', () => {
  const doc = renderConfigurationDoc();
  const rows = tableRows(doc);

  it('should have one table row per variable of the launcher and every service’s own config when rendered', () => {
    const names = allVariables().map((variable) => `\`${variable.name}\``);

    expect(rows.map(([name]) => name).sort()).toEqual([...names].sort());
    expect(rows).toHaveLength(names.length);
  });

  it('should show each variable’s default in its row when rendered', () => {
    for (const variable of allVariables().filter((v) => !v.secret)) {
      const row = rows.find(([name]) => name === `\`${variable.name}\``);
      const expected = variable.default === '' ? '(empty)' : `\`${variable.default}\``;

      expect({ name: variable.name, shown: row?.[1] }).toEqual({
        name: variable.name,
        shown: expected,
      });
    }
  });

  it('should say a secret has a development default without printing the key when rendered', () => {
    const secrets = rows.filter(([name]) =>
      ['`IDENTITY_ENCRYPTION_KEYS`', '`IDENTITY_HASH_KEY`'].includes(name),
    );

    expect(secrets.map(([, shown]) => shown)).toEqual([
      '(a public development key; production refuses it)',
      '(a public development key; production refuses it)',
    ]);
    expect(doc).not.toContain(DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS.split(':')[1]);
    expect(doc).not.toContain(DEVELOPMENT_IDENTITY_HASH_KEY);
  });

  it('should show the description of each variable in its row when rendered', () => {
    for (const variable of allVariables()) {
      const row = rows.find(([name]) => name === `\`${variable.name}\``);

      expect(row?.[3]).toBe(variable.description);
    }
  });

  it('should say which process reads a variable when it is not read by every service', () => {
    const readBy = Object.fromEntries(rows.map(([name, , usedBy]) => [name, usedBy]));

    expect(readBy['`DATABASE_URL`']).toBe('every service');
    expect(readBy['`HTTP_PORT`']).toBe('gateway');
    expect(readBy['`POLKU_START_NATS`']).toBe('`npm start`');
    expect(readBy['`IDENTITY_HASH_KEY`']).toBe('client-intake');
    expect(readBy['`KTT_PERIOD_MIN_MONTHS`']).toBe('activation-plans');
  });

  it('should end with a newline and render the same text when rendered twice', () => {
    expect(doc.endsWith('\n')).toBe(true);
    expect(renderConfigurationDoc()).toBe(doc);
  });
});
