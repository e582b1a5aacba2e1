import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { realTime } from '@polku/clock';
import { TransitionsConfig } from '@polku/config';
import { DataSource } from 'typeorm';
import {
  alarmCutoff,
  parkedEventAlarm,
  type ParkedEventAlarmState,
} from './parked-event-alarm-rules';
import { parkedEventStats } from './parked-event.repository';

/**
 * Injection token of the clock the alarm reads, for tests. By default real time even on the
 * demo's simulated clock: a park's age is operational, and parked_at is PostgreSQL's now().
 */
export const PARKING_CLOCK = Symbol('PARKING_CLOCK');

/** A clock: the current instant. */
export type ParkingClock = () => Date;

/** The parked events and their alarm, read from the database at the clock's instant. */
@Injectable()
export class ParkedEventWatch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: TransitionsConfig,
    @Optional()
    @Inject(PARKING_CLOCK)
    private readonly clock: ParkingClock = realTime,
  ) {}

  async state(): Promise<ParkedEventAlarmState> {
    const now = this.clock();
    const limitMinutes = this.config.PARKED_EVENT_ALARM_AFTER_MINUTES;
    const stats = await parkedEventStats(this.dataSource, alarmCutoff(now, limitMinutes));
    return parkedEventAlarm(stats, { now, limitMinutes });
  }
}
