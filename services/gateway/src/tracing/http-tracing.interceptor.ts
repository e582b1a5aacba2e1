import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

const tracer = trace.getTracer('polku.gateway');

/**
 * A SERVER span per HTTP request, active while the handler runs, so the service calls and the
 * events it causes join the request's trace. Created by our code, not by auto-instrumentation,
 * so it exists in tests and bundles alike.
 */
@Injectable()
export class HttpTracingInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = execution.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const route = request.routeOptions?.url ?? request.url;
    const span = tracer.startSpan(`${request.method} ${route}`, {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': request.method,
        'http.route': route,
        'polku.request_id': String(request.id),
      },
    });
    const active = trace.setSpan(context.active(), span);
    return new Observable((subscriber) =>
      context.with(active, () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
            span.end();
            subscriber.error(error);
          },
          complete: () => {
            span.setAttribute(
              'http.response.status_code',
              http.getResponse<FastifyReply>().statusCode,
            );
            span.end();
            subscriber.complete();
          },
        }),
      ),
    );
  }
}
