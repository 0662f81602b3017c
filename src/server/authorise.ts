// The one place every request is authenticated and authorised, before its body is read: a bearer
// token is looked up by its hash, the route's declared permission checked against policy.ts. A route
// that declares neither a permission nor `public` is refused outright, so a forgotten declaration fails
// closed, and the route walk in the tests finds it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rampartError } from '../core/errors.js';
import type { Database } from '../store/database.js';
import { authenticateToken, type Principal } from '../store/users.js';
import { refusal } from './policy.js';
import './fastify-types.js';

export function registerAuthorisation(app: FastifyInstance, db: Database): void {
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    // Unknown URLs reach the not-found handler, which needs no sign-in.
    if (request.routeOptions.url === undefined || config.public === true) return;
    const principal = await authenticate(request, db);
    if (config.permission === undefined) {
      throw rampartError('RAMPART_E_FORBIDDEN', { reason: `${request.method} ${request.routeOptions.url} declares no permission` });
    }
    const why = refusal(principal, config.permission);
    if (why !== undefined) throw rampartError('RAMPART_E_FORBIDDEN', { reason: why });
    request.principal = principal;
  });
}

async function authenticate(request: FastifyRequest, db: Database): Promise<Principal> {
  const header = request.headers.authorization;
  if (header === undefined) throw rampartError('RAMPART_E_UNAUTHENTICATED', { reason: 'no Authorization header (send "Authorization: Bearer <token>")' });
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) throw rampartError('RAMPART_E_UNAUTHENTICATED', { reason: 'the Authorization header is not "Bearer <token>"' });
  const principal = await authenticateToken(db, match[1]);
  if (principal === undefined) throw rampartError('RAMPART_E_UNAUTHENTICATED', { reason: 'the token is unknown, revoked, or its user is disabled' });
  return principal;
}

/** The caller of a non-public route (set by the hook above). */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === undefined) throw rampartError('RAMPART_E_UNAUTHENTICATED', { reason: 'no principal on this request' });
  return request.principal;
}

/**
 * The person behind a request, `user:<username>`, whether they came with a password session or an API
 * token: records a person answers for (who decided a data asset's level, who registered a transfer)
 * name the user, not the token's prefix the audit log keeps as its actor.
 */
export function personOf(principal: Principal): string {
  return `user:${principal.user.username}`;
}
