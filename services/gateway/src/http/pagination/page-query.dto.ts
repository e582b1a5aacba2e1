import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_CURSOR_LENGTH, MAX_PAGE_SIZE } from '@polku/contracts';

/** Page sizes of every list: `limit` is 1..100 and 25 when not given. */
export const PAGE_LIMITS = { min: 1, max: MAX_PAGE_SIZE, default: 25 } as const;

/** Query parameters of every list endpoint: `?limit=25&cursor=…`. */
export class PageQueryDto {
  /** Items per page, 1..100; 25 when not given. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(PAGE_LIMITS.min)
  @Max(PAGE_LIMITS.max)
  readonly limit: number = PAGE_LIMITS.default;

  /** The previous page's `nextCursor`; omit for the first page. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  readonly cursor?: string;
}
