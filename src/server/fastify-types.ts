// What Rampart adds to Fastify's request and route config: the caller, and each route's declared
// permission (or that it is public). Declared once here so every route file sees the same types.
// The plugins' own additions (route `schema.tags`, `config.rateLimit`), as types only.
import type {} from '@fastify/rate-limit';
import type {} from '@fastify/swagger';
import type { Principal } from '../store/users.js';
import type { Permission } from './policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller needs; every non-public route declares one (authorise.ts enforces it). */
    permission?: Permission;
    /** No sign-in needed: health, the OpenAPI document, signing in itself. */
    public?: boolean;
  }
  interface FastifyRequest {
    /** Set by the authorisation hook on every non-public route. */
    principal?: Principal;
  }
}

export {};
