import type { DashboardViewName } from '@polku/contracts';
import type { Layout } from './layout';
import type { Queryable, ViewContext } from './view-context';

/** One view: reads its facts in one SQL statement and lays out its rows. */
export interface DashboardView {
  readonly name: DashboardViewName;
  read(db: Queryable, context: ViewContext): Promise<Layout>;
}
