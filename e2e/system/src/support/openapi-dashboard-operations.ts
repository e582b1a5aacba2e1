import type { OperationFixture } from './openapi-operation-fixtures';

/**
 * Operations of dashboards: a manager reads figures without any prepared path (the query's
 * examples in the document are past days, so `to` is never after today).
 */
export function dashboardOperations(): Record<string, OperationFixture> {
  return {
    'GET /api/v1/dashboards': { as: 'marja.johtaja' },
    'GET /api/v1/dashboards/{view}': { as: 'marja.johtaja' },
  };
}
