// GET /api/health: for load balancers and `rampart serve`'s own start-up check. Public.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../store/database.js';

export function healthRoutes(db: Database) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/health', { config: { public: true }, schema: { tags: ['system'], summary: 'Liveness and database check' } }, async () => {
      await db.query('SELECT 1');
      return { status: 'ok', database: db.kind };
    });
  };
}
