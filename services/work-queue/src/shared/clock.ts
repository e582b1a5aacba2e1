import { Injectable } from '@nestjs/common';

/**
 * The time the notification features go by. One injectable place, so a test drives a day or a
 * batch window by passing instants to the digest poll instead of waiting for them.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
