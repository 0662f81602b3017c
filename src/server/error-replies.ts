// Every failure leaves the server as the same JSON body: { code, message, statusCode }, with the code
// from the registry (src/core/errors.ts). Fastify's own errors (validation, body size, bad JSON,
// unsupported media type, rate limit) are translated; anything unexpected is logged with its stack and
// answered with a 500 that reveals nothing of the server's insides.
import type { FastifyError, FastifyInstance } from 'fastify';
import { isRampartError, rampartError, type RampartError } from '../core/errors.js';

export function registerErrorReplies(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toRampartError(error, bodyLimit);
    if (known.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: known.code, reason: known.message }, 'request refused');
    const headers = error.statusCode === 429 && reply.getHeader('retry-after') === undefined ? { 'retry-after': '60' } : {};
    return reply.code(known.status).headers(headers).send(known.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    const error = rampartError('RAMPART_E_NOT_FOUND', { entity: 'Route', id: `${request.method} ${request.url.split('?')[0]}` });
    return reply.code(404).send(error.toJSON());
  });
}

function toRampartError(error: FastifyError, bodyLimit: number): RampartError {
  if (isRampartError(error)) return error;
  if (error.validation) {
    const first = error.validation[0];
    const where = `${error.validationContext ?? 'body'}${first?.instancePath ? first.instancePath.replace(/\//g, '.') : ''}`;
    const extra = first?.params && 'additionalProperty' in first.params ? ` '${String(first.params.additionalProperty)}'` : '';
    return rampartError('RAMPART_E_INVALID_REQUEST', { reason: `${where} ${first?.message ?? 'is invalid'}${extra}` });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return rampartError('RAMPART_E_BODY_TOO_LARGE', { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return rampartError('RAMPART_E_INVALID_REQUEST', { reason: `content type ${error.message.split(': ').pop() ?? ''} is not accepted here (send application/json, or application/x-ndjson to /api/ingest)` });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return rampartError('RAMPART_E_INVALID_REQUEST', { reason: 'the JSON body is empty' });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return rampartError('RAMPART_E_INVALID_REQUEST', { reason: 'Content-Length does not match the body' });
  }
  if (typeof error.code === 'string' && error.code.startsWith('Z_')) {
    return rampartError('RAMPART_E_INVALID_REQUEST', { reason: `the body is not valid gzip (${error.message})` });
  }
  if (error.statusCode === 429) return rampartError('RAMPART_E_RATE_LIMITED', { reason: error.message });
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return rampartError('RAMPART_E_INVALID_REQUEST', { reason: `the body is not valid JSON (${error.message})` });
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return rampartError('RAMPART_E_INVALID_REQUEST', { reason: error.message });
  }
  return rampartError('RAMPART_E_INTERNAL', { reason: 'the request failed inside the server; the server log has the details' });
}
