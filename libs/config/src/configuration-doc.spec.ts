import { renderConfigurationDoc } from './configuration-doc';
import { envVarsOf } from './env-var.decorator';
import { LauncherConfig } from './launcher.config';

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

  it('should have one table row per LauncherConfig variable when rendered', () => {
    const names = envVarsOf(LauncherConfig).map((variable) => `\`${variable.name}\``);

    expect(rows.map(([name]) => name).sort()).toEqual([...names].sort());
    expect(rows).toHaveLength(names.length);
  });

  it('should show each variable’s default in its row when rendered', () => {
    for (const variable of envVarsOf(LauncherConfig)) {
      const row = rows.find(([name]) => name === `\`${variable.name}\``);
      const expected = variable.default === '' ? '(empty)' : `\`${variable.default}\``;

      expect({ name: variable.name, shown: row?.[1] }).toEqual({
        name: variable.name,
        shown: expected,
      });
    }
  });

  it('should show the description of each variable in its row when rendered', () => {
    for (const variable of envVarsOf(LauncherConfig)) {
      const row = rows.find(([name]) => name === `\`${variable.name}\``);

      expect(row?.[3]).toBe(variable.description);
    }
  });

  it('should say which process reads a variable when it is not read by every service', () => {
    const readBy = Object.fromEntries(rows.map(([name, , usedBy]) => [name, usedBy]));

    expect(readBy['`DATABASE_URL`']).toBe('every service');
    expect(readBy['`HTTP_PORT`']).toBe('gateway');
    expect(readBy['`POLKU_START_NATS`']).toBe('`npm start`');
  });

  it('should end with a newline and render the same text when rendered twice', () => {
    expect(doc.endsWith('\n')).toBe(true);
    expect(renderConfigurationDoc()).toBe(doc);
  });
});
