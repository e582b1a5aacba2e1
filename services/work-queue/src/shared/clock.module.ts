import { Module } from '@nestjs/common';
import { Clock } from './clock';

/** One Clock for the notification features. */
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
