// Users of the caller's organisation (admins add them), and API tokens: anyone makes tokens for
// themself, an admin for any user of the organisation; tokens are shown once, stored hashed, revocable.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import { rampartError } from '../../core/errors.js';
import type { Database } from '../../store/database.js';
import { createToken, createUser, findUser, listTokens, listUsers, revokeToken, ROLES, setUserDisabled, type Role } from '../../store/users.js';
import { principalOf } from '../authorise.js';
import { apiToken, idParams, user, uuid } from '../schemas.js';

export function userRoutes(db: Database) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/users', { config: { permission: 'users:read' }, schema: { tags: ['users'], summary: 'Users of this organisation', response: { 200: { type: 'array', items: user } } } }, async (request) =>
      listUsers(db, principalOf(request).organisation.id),
    );

    app.post<{ Body: { username: string; displayName?: string; role: Role; password?: string } }>(
      '/api/users',
      {
        config: { permission: 'users:write' },
        schema: {
          tags: ['users'],
          summary: 'Add a user to this organisation',
          body: {
            type: 'object',
            properties: {
              username: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._@-]+$' },
              displayName: { type: 'string', maxLength: 200 },
              role: { type: 'string', enum: [...ROLES] },
              password: { type: 'string', minLength: 12, maxLength: 1000 },
            },
            required: ['username', 'role'],
            additionalProperties: false,
          },
          response: { 201: user },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const created = await createUser(db, { ...request.body, organisationId: principal.organisation.id }, principal.actor);
        return reply.code(201).send(created);
      },
    );

    app.patch<{ Params: { id: string }; Body: { disabled: boolean } }>(
      '/api/users/:id',
      {
        config: { permission: 'users:write' },
        schema: {
          tags: ['users'],
          summary: 'Disable a user (no sign-in, none of their tokens work) or enable them again',
          params: idParams,
          body: { type: 'object', properties: { disabled: { type: 'boolean' } }, required: ['disabled'], additionalProperties: false },
          response: { 200: user },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        if (request.params.id === principal.user.id && request.body.disabled) throw rampartError('RAMPART_E_CONFLICT', { reason: 'an admin cannot disable themself; ask another admin' });
        const changed = await setUserDisabled(db, principal.organisation.id, request.params.id, request.body.disabled, principal.actor);
        if (!changed) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'User', id: request.params.id });
        return changed;
      },
    );

    app.get('/api/tokens', { config: { permission: 'tokens:read' }, schema: { tags: ['tokens'], summary: "Tokens of this organisation's users (never the tokens themselves)", response: { 200: { type: 'array', items: apiToken } } } }, async (request) =>
      listTokens(db, principalOf(request).organisation.id),
    );

    app.post<{ Body: { name: string; userId?: string } }>(
      '/api/tokens',
      {
        config: { permission: 'tokens:write' },
        schema: {
          tags: ['tokens'],
          summary: 'Make an API token; the response is the only time it is shown',
          body: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, userId: uuid }, required: ['name'], additionalProperties: false },
          response: { 201: { type: 'object', properties: { token: { type: 'string' }, record: apiToken } } },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const userId = request.body.userId ?? principal.user.id;
        if (userId !== principal.user.id && principal.user.role !== 'admin') throw rampartError('RAMPART_E_FORBIDDEN', { reason: 'only an admin makes tokens for another user' });
        const owner = await findUser(db, principal.organisation.id, userId);
        if (!owner) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'User', id: userId });
        return reply.code(201).send(await createToken(db, owner, request.body.name, principal.actor));
      },
    );

    app.delete<{ Params: { id: string } }>(
      '/api/tokens/:id',
      { config: { permission: 'tokens:write' }, schema: { tags: ['tokens'], summary: 'Revoke a token', params: idParams } },
      async (request, reply) => {
        const principal = principalOf(request);
        const own = (await listTokens(db, principal.organisation.id)).find((token) => token.id === request.params.id);
        if (own && own.userId !== principal.user.id && principal.user.role !== 'admin') throw rampartError('RAMPART_E_FORBIDDEN', { reason: "only an admin revokes another user's token" });
        if (!(await revokeToken(db, principal.organisation.id, request.params.id, principal.actor))) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Token', id: request.params.id });
        return reply.code(204).send();
      },
    );
  };
}
