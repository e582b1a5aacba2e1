import { isSimulatedDate, realDate, simulatedDate } from './simulated-date';

// The stand-in Date on its own, never installed: nothing global changes in this file.

const DAY_MS = 86_400_000;

describe('simulatedDate', () => {
  let offset = -730 * DAY_MS;
  const SimulatedDate = simulatedDate(Date, () => offset);

  afterEach(() => {
    offset = -730 * DAY_MS;
  });

  it('should answer real time plus the offset for new Date(), Date() and Date.now()', () => {
    const before = Date.now();
    const made = new SimulatedDate().getTime();
    const now = SimulatedDate.now();
    const text = (SimulatedDate as unknown as () => string)();
    const after = Date.now();

    for (const value of [made, now, Date.parse(text)]) {
      // Date() answers a string without milliseconds: one second of slack below.
      expect(value).toBeGreaterThanOrEqual(before + offset - 1_000);
      expect(value).toBeLessThanOrEqual(after + offset);
    }
    expect(typeof text).toBe('string');
  });

  it('should follow the offset as it changes', () => {
    const first = SimulatedDate.now() - Date.now();
    offset += 7 * DAY_MS;
    const second = SimulatedDate.now() - Date.now();

    expect(Math.round((second - first) / DAY_MS)).toBe(7);
  });

  it('should leave dates of a given time, Date.parse and Date.UTC as they are', () => {
    expect(new SimulatedDate(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(new SimulatedDate('2025-03-01T10:00:00Z').getTime()).toBe(
      Date.parse('2025-03-01T10:00:00Z'),
    );
    expect(new SimulatedDate(2025, 0, 31).getDate()).toBe(31);
    expect(SimulatedDate.parse('2025-03-01')).toBe(Date.parse('2025-03-01'));
    expect(SimulatedDate.UTC(2025, 2, 1)).toBe(Date.UTC(2025, 2, 1));
    expect(Number.isNaN(new SimulatedDate(Number.NaN).getTime())).toBe(true);
  });

  it('should make every date an instance of both the real and the simulated Date', () => {
    const real = new Date();
    const simulated = new SimulatedDate();

    expect(real).toBeInstanceOf(SimulatedDate);
    expect(simulated).toBeInstanceOf(Date);
    expect(simulated).toBeInstanceOf(SimulatedDate);
    expect(Object.prototype.toString.call(simulated)).toBe('[object Date]');
    expect(SimulatedDate.name).toBe('Date');
    expect(SimulatedDate.length).toBe(7);
  });

  it('should give a class extending it the simulated now and its own prototype', () => {
    class BusinessDay extends SimulatedDate {
      isoDay(): string {
        return this.toISOString().slice(0, 10);
      }
    }
    const day = new BusinessDay();

    expect(day).toBeInstanceOf(BusinessDay);
    expect(day).toBeInstanceOf(Date);
    expect(Math.abs(day.getTime() - (Date.now() + offset))).toBeLessThan(1_000);
    expect(day.isoDay()).toBe(new Date(Date.now() + offset).toISOString().slice(0, 10));
  });

  it('should say which constructor is simulated and find the real one behind it', () => {
    expect(isSimulatedDate(SimulatedDate)).toBe(true);
    expect(isSimulatedDate(Date)).toBe(false);
    expect(realDate()).toBe(Date);
  });
});
