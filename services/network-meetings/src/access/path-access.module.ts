import { Module } from '@nestjs/common';
import { PathAccessProjectionHandler } from './path-access-projection.handler';

/** Keeps this service's copy of the path access facts (libs/path-access). */
@Module({ controllers: [PathAccessProjectionHandler] })
export class PathAccessModule {}
