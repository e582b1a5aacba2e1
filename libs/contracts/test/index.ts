// The one catalogue of event test data, shared by the contracts' own specs (relative import) and
// by every other project's tests through @polku/testing, which re-exports it.
export {
  applyOverrides,
  EVENT_SAMPLES,
  newEvent,
  sampleEvent,
  samplePayload,
  type EventOverrides,
  type Overrides,
} from './event-catalogue/event-samples';
export { IDS, type SampleIdName } from './event-catalogue/sample-ids';
export { LAWS, type EventSample, type LegalGround } from './event-catalogue/sample-parts';
