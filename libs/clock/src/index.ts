export {
  acknowledgementFileOf,
  parseClockFile,
  readAcknowledgement,
  readClockFile,
  type ClockAcknowledgement,
  type ClockFileContent,
} from './clock-file';
export { describeOffset } from './describe-offset';
export {
  installSimulatedClock,
  simulatedClockState,
  type SimulatedClock,
  type SimulatedClockOptions,
  type SimulatedClockState,
} from './install-simulated-clock';
export { realDate, realNow, realTime } from './simulated-date';
export {
  SimulatedClockControl,
  type SimulatedClockControlOptions,
} from './simulated-clock-control';
