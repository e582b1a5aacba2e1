import { gatewayClient } from '../support/gateway-client';
import { startServiceProcesses, type ServiceProcesses } from '../support/service-processes';
import { MODEL_SYSTEM_ENV, type ModelSystem } from './model-run';
import { MODEL_SERVICES, openServiceDatabases } from './service-databases';

/** The services as `npm start` runs them, with the model's retry delays, and their databases. */
export async function startModelSystem(): Promise<
  ModelSystem & { readonly processes: ServiceProcesses; stop(): Promise<void> }
> {
  const processes = await startServiceProcesses(MODEL_SERVICES, { ...MODEL_SYSTEM_ENV });
  const databases = await openServiceDatabases(processes.env);
  const { api } = gatewayClient(() => processes.baseUrl);
  return {
    env: processes.env,
    databases,
    api,
    processes,
    async stop() {
      await databases.close();
      await processes.stop();
    },
  };
}
