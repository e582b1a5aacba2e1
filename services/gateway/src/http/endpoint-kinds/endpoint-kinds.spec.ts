import 'reflect-metadata';
import { Get, Post, Put } from '@nestjs/common';
import { HTTP_CODE_METADATA, INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { AcceptReferralCommand, CreateReferralCommand } from '@polku/contracts';
import { CLIENT_DATA, NOT_CLIENT_DATA } from '../../access/client-data.decorator';
import { PUBLIC_ROUTE } from '../../auth/public-route.decorator';
import { ETagInterceptor } from '../concurrency/versioned-resource.decorator';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import {
  AggregateEndpoint,
  ANSWER_SHAPE,
  ClientDataCommand,
  ClientDataList,
  ClientDataRead,
  ENDPOINT_KIND,
  PublicEndpoint,
} from '.';

// @nestjs/swagger keeps its metadata under these keys and exports no constants for them.
const API_OPERATION = 'swagger/apiOperation';
const API_RESPONSE = 'swagger/apiResponse';
const API_SECURITY = 'swagger/apiSecurity';
const API_PARAMETERS = 'swagger/apiParameters';

class Endpoints {
  @Get('paths/:pathId/things')
  @ClientDataRead({ summary: 'Read things', dataClasses: ['PLAN'], versioned: true, answer: 'one' })
  read(): void {
    return;
  }

  @Post('referrals')
  @ClientDataCommand({
    summary: 'Create',
    dataClasses: ['PATH'],
    pathFromResponse: 'pathId',
    body: CreateReferralCommand,
    status: 201,
    idempotent: true,
  })
  create(): void {
    return;
  }

  @Put('paths/:pathId/thing')
  @ClientDataCommand({
    summary: 'Change',
    dataClasses: ['HEALTH_FLAG'],
    body: AcceptReferralCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  change(): void {
    return;
  }

  @Post('paths/:pathId/thing/end')
  @ClientDataCommand({
    summary: 'End',
    dataClasses: ['PATH'],
    body: 'none',
    status: 200,
    idempotent: true,
  })
  end(): void {
    return;
  }

  @Get('tasks')
  @AggregateEndpoint({ summary: 'Tasks', noClientData: 'own task list', answer: 'one' })
  tasks(): void {
    return;
  }

  @Get('lost-paths')
  @ClientDataList({ summary: 'Lost', dataClasses: ['PATH'], organisationBasis: 'owner' })
  lost(): void {
    return;
  }

  @Post('organisations/:orgId/x')
  @AggregateEndpoint({
    summary: 'Announce',
    noClientData: 'an organisation’s own date',
    command: { body: AcceptReferralCommand, status: 200, idempotent: true },
  })
  announce(): void {
    return;
  }

  @Get('health')
  @PublicEndpoint({ summary: 'Health' })
  health(): void {
    return;
  }
}

type Handler = keyof Endpoints;

function metadata<T>(key: string, handler: Handler): T | undefined {
  return Reflect.getMetadata(key, Endpoints.prototype[handler]) as T | undefined;
}

function responseStatuses(handler: Handler): string[] {
  return Object.keys(metadata<Record<string, unknown>>(API_RESPONSE, handler) ?? {}).sort();
}

function interceptors(handler: Handler): unknown[] {
  return metadata<unknown[]>(INTERCEPTORS_METADATA, handler) ?? [];
}

function isAuthenticated(handler: Handler): boolean {
  return (metadata<unknown[]>(API_SECURITY, handler) ?? []).length > 0;
}

function bodySchema(handler: Handler): unknown {
  return metadata<Array<{ in: string; schema?: unknown }>>(API_PARAMETERS, handler)?.find(
    (parameter) => parameter.in === 'body',
  )?.schema;
}

describe('endpoint kinds', () => {
  it('should check path access, audit the read and document it when a route reads client data', () => {
    expect(metadata(ENDPOINT_KIND, 'read')).toBe('client-data-read');
    expect(metadata(CLIENT_DATA, 'read')).toEqual({
      action: 'READ',
      dataClasses: ['PLAN'],
      purpose: 'CLIENT_WORK',
      pathParam: 'pathId',
    });
    expect(isAuthenticated('read')).toBe(true);
    expect(metadata(PUBLIC_ROUTE, 'read')).toBeUndefined();
    expect(metadata(API_OPERATION, 'read')).toMatchObject({ summary: 'Read things' });
    expect(responseStatuses('read')).toEqual(['200', '400', '401', '404', '429']);
    expect(interceptors('read')).toContain(ETagInterceptor);
  });

  it('should audit the write, take the idempotency key and reference the body schema when a route is a command', () => {
    expect(metadata(ENDPOINT_KIND, 'create')).toBe('client-data-command');
    expect(metadata(CLIENT_DATA, 'create')).toEqual({
      action: 'WRITE',
      dataClasses: ['PATH'],
      purpose: 'CLIENT_WORK',
      pathFromResponse: 'pathId',
    });
    expect(isAuthenticated('create')).toBe(true);
    expect(metadata(HTTP_CODE_METADATA, 'create')).toBe(201);
    expect(interceptors('create')).toContain(IdempotencyInterceptor);
    expect(interceptors('create')).not.toContain(ETagInterceptor);
    expect(bodySchema('create')).toEqual({
      $ref: '#/components/schemas/CreateReferralCommand',
    });
    expect(responseStatuses('create')).toEqual(['201', '400', '401', '404', '409', '422', '429']);
  });

  it('should version the answer and document the preconditions when a command needs If-Match', () => {
    expect(metadata(CLIENT_DATA, 'change')).toMatchObject({ action: 'WRITE', pathParam: 'pathId' });
    expect(metadata(HTTP_CODE_METADATA, 'change')).toBe(200);
    expect(interceptors('change')).toContain(ETagInterceptor);
    expect(interceptors('change')).not.toContain(IdempotencyInterceptor);
    expect(responseStatuses('change')).toEqual(expect.arrayContaining(['200', '412', '428']));
  });

  it('should document no body when a command has none', () => {
    expect(bodySchema('end')).toBeUndefined();
    expect(interceptors('end')).toContain(IdempotencyInterceptor);
  });

  it('should need a token but no path access or audit when a route holds no client data', () => {
    for (const handler of ['tasks', 'announce'] as const) {
      expect(metadata(ENDPOINT_KIND, handler)).toBe('aggregate');
      expect(metadata(CLIENT_DATA, handler)).toBeUndefined();
      expect(metadata(NOT_CLIENT_DATA, handler)).toEqual(expect.any(String));
      expect(isAuthenticated(handler)).toBe(true);
    }
    expect(responseStatuses('tasks')).toEqual(['200', '401', '429']);
    expect(interceptors('announce')).toContain(IdempotencyInterceptor);
    expect(bodySchema('announce')).toEqual({
      $ref: '#/components/schemas/AcceptReferralCommand',
    });
  });

  it('should audit each read with its organisation basis and declare a page when a route lists client-level rows of the organisation', () => {
    expect(metadata(ENDPOINT_KIND, 'lost')).toBe('client-data-list');
    expect(metadata(ANSWER_SHAPE, 'lost')).toBe('page');
    expect(metadata(CLIENT_DATA, 'lost')).toEqual({
      action: 'READ',
      dataClasses: ['PATH'],
      purpose: 'CLIENT_WORK',
      organisationBasis: 'owner',
    });
    expect(isAuthenticated('lost')).toBe(true);
    expect(responseStatuses('lost')).toEqual(['200', '400', '401', '403', '429']);
  });

  it('should record what a read answers', () => {
    expect(metadata(ANSWER_SHAPE, 'read')).toBe('one');
    expect(metadata(ANSWER_SHAPE, 'tasks')).toBe('one');
    expect(metadata(ANSWER_SHAPE, 'announce')).toBeUndefined();
  });

  it('should skip authentication and client data when a route is public', () => {
    expect(metadata(ENDPOINT_KIND, 'health')).toBe('public');
    expect(metadata(PUBLIC_ROUTE, 'health')).toBe(true);
    expect(metadata(CLIENT_DATA, 'health')).toBeUndefined();
    expect(isAuthenticated('health')).toBe(false);
  });
});
