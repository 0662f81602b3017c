// Signing in with a user name and password gives a token (an API token named "session"), which the
// dashboard sends as a bearer token like any other; signing out revokes it. Sign-in is rate-limited
// per address much more tightly than the rest of the API, against password guessing.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import { rampartError } from '../../core/errors.js';
import type { Database } from '../../store/database.js';
import { createToken, revokeToken, signIn } from '../../store/users.js';
import { principalOf } from '../authorise.js';
import { errorBody, organisation, user } from '../schemas.js';

export function sessionRoutes(db: Database, signInPerMinute: number) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: { username: string; password: string } }>(
      '/api/sessions',
      {
        config: { public: true, rateLimit: { max: signInPerMinute, timeWindow: 60_000 } },
        schema: {
          tags: ['sessions'],
          summary: 'Sign in with a user name and password; returns a bearer token',
          body: {
            type: 'object',
            properties: { username: { type: 'string', minLength: 1, maxLength: 200 }, password: { type: 'string', minLength: 1, maxLength: 1000 } },
            required: ['username', 'password'],
            additionalProperties: false,
          },
          response: { 200: { type: 'object', properties: { token: { type: 'string' }, user, organisation } }, 401: errorBody },
        },
      },
      async (request) => {
        const principal = await signIn(db, request.body.username, request.body.password);
        if (principal === undefined) throw rampartError('RAMPART_E_UNAUTHENTICATED', { reason: 'wrong user name or password' });
        const { token } = await createToken(db, principal.user, 'session', principal.actor);
        return { token, user: principal.user, organisation: principal.organisation };
      },
    );

    app.delete('/api/sessions/current', { config: { permission: 'self' }, schema: { tags: ['sessions'], summary: 'Sign out: revoke the token this request came with' } }, async (request, reply) => {
      const principal = principalOf(request);
      if (principal.tokenId !== undefined) await revokeToken(db, principal.organisation.id, principal.tokenId, principal.actor);
      return reply.code(204).send();
    });

    app.get('/api/me', { config: { permission: 'self' }, schema: { tags: ['sessions'], summary: 'The signed-in user and organisation' } }, async (request) => {
      const { user: me, organisation: mine } = principalOf(request);
      return { user: me, organisation: mine };
    });
  };
}
