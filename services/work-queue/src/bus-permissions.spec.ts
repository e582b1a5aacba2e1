import { CONSUMED_EVENT_SUBJECTS } from '@polku/bus-permissions';
import { eventSubjectsOfModule } from '@polku/testing';
import { AppModule } from './app.module';

describe('work-queue on the bus', () => {
  it('handles exactly the event subjects the permission matrix lets it consume', () => {
    expect(eventSubjectsOfModule(AppModule)).toEqual(
      [...CONSUMED_EVENT_SUBJECTS['work-queue']].sort(),
    );
  });
});
