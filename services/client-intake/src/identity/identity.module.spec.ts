import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ClientIntakeConfig, loadConfig, ServiceConfig } from '@polku/config';
import { IdentityCipher } from './identity-cipher';
import { IdentityHasher } from './identity-hasher';
import { IdentityModule } from './identity.module';

/** IdentityModule under a stand-in for ServiceRuntimeModule's global ServiceConfig provider. */
async function compileWith(config: ServiceConfig) {
  @Global()
  @Module({
    providers: [{ provide: ServiceConfig, useValue: config }],
    exports: [ServiceConfig],
  })
  class ConfigModule {}

  return Test.createTestingModule({ imports: [ConfigModule, IdentityModule] }).compile();
}

const ownKey = (fill: number) => Buffer.alloc(32, fill).toString('base64');

describe('IdentityModule', () => {
  it('should build the cipher and hasher from the keys when the config is a ClientIntakeConfig', async () => {
    const config = loadConfig(ClientIntakeConfig, {
      IDENTITY_ENCRYPTION_KEYS: `k2:${ownKey(2)},k1:${ownKey(1)}`,
      IDENTITY_HASH_KEY: ownKey(9),
    });
    const moduleRef = await compileWith(config);

    const cipher = moduleRef.get(IdentityCipher);
    const sealed = cipher.encrypt('Maija Mäkinotkelma', 'client:1:name');
    expect(cipher.activeKeyId).toBe('k2');
    expect(sealed.startsWith('v1.k2.')).toBe(true);
    expect(cipher.decrypt(sealed, 'client:1:name')).toBe('Maija Mäkinotkelma');
    expect(moduleRef.get(IdentityHasher).hash('131052-308T')).toMatch(/^[0-9a-f]{64}$/);
    expect(moduleRef.get(ClientIntakeConfig)).toBe(config);
  });

  it('should refuse to start with a message naming ClientIntakeConfig when given a plain ServiceConfig', async () => {
    await expect(compileWith(loadConfig(ServiceConfig, {}))).rejects.toThrow(
      'IdentityModule needs a ClientIntakeConfig',
    );
  });
});
