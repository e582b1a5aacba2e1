import { Module } from '@nestjs/common';
import { PathStageProjectionHandler } from './path-stage-projection.handler';

/**
 * Keeps what this service knows of each path's stage (intake, hand-offs, exit, closure,
 * continuation), which the plan and measure commands read under the path's lock
 * (lockedPathStageFacts) to refuse what the path's state forbids.
 */
@Module({ controllers: [PathStageProjectionHandler] })
export class PathStageModule {}
