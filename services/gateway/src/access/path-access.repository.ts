import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PathAccessFacts } from '@polku/auth';
import { readPathAccessFacts } from '@polku/path-access';
import { DataSource } from 'typeorm';

/** Reads the access facts of one path from the gateway's projection. */
@Injectable()
export class PathAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The facts of a path, or undefined when the gateway has never heard of it. */
  factsFor(pathId: string): Promise<PathAccessFacts | undefined> {
    return readPathAccessFacts(this.dataSource, pathId);
  }
}
