import { Module } from '@nestjs/common';
import { ActivationPlansConfigModule } from '../config/activation-plans-config.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { AttendanceHandler } from './attendance.handler';
import { AttendanceService } from './attendance.service';
import { MeasureEndService } from './measure-end.service';
import { MeasurePauseService } from './measure-pause.service';
import { MeasurePausesHandler } from './measure-pauses.handler';
import { MeasureStartService } from './measure-start.service';
import { MeasuresHandler } from './measures.handler';
import { PathTimerPause } from './path-timer-pause';

/** Measures with their legal schedules, pauses (which pause the plan's review timers) and attendance. */
@Module({
  imports: [ActivationPlansConfigModule, ReviewsModule],
  controllers: [MeasuresHandler, MeasurePausesHandler, AttendanceHandler],
  providers: [
    PathTimerPause,
    MeasureStartService,
    MeasureEndService,
    MeasurePauseService,
    AttendanceService,
  ],
})
export class MeasuresModule {}
