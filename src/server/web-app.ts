// The dashboard (web/, built by Vite into dist/web/) served beside the API from the same origin, so it
// needs no CORS and its bearer token never leaves the page's own origin. A single-page app: any GET
// that is not /api/… and not a built file answers index.html, and the client-side router takes over.
// Hashed assets are cached for a year (a new build has new names); index.html never, so a deploy shows
// at the next load. A build without the web app still serves the API, and `/` says how to build it.
import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { packageRoot } from '../hunt/package-paths.js';
import './fastify-types.js';

const NOT_BUILT = 'The Rampart dashboard is not built. Run `npm run build` (it runs `vite build --config web/vite.config.ts`) and restart the server.\nThe API is at /api/ (description: /api/openapi.json).\n';

export function webAppRoutes(root = join(packageRoot(), 'dist', 'web')) {
  return async (app: FastifyInstance): Promise<void> => {
    const built = await isFile(join(root, 'index.html'));
    if (built) await app.register(fastifyStatic, { root, serve: false });
    app.get<{ Params: { '*': string } }>('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
      const path = request.params['*'];
      // An unknown API route gets the API's JSON 404, never the page.
      if (path === 'api' || path.startsWith('api/')) return reply.callNotFound();
      if (!built) return reply.type('text/plain; charset=utf-8').send(NOT_BUILT);
      const file = await builtFile(root, path);
      if (file !== undefined) return sendAsset(reply, file);
      // A missing script or stylesheet is a 404: index.html in its place would fail as a confusing parse error.
      if (path.startsWith('assets/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    });
  };
}

/** The path of a built file under root, relative to it, or undefined; never a path outside root. */
async function builtFile(root: string, path: string): Promise<string | undefined> {
  if (path === '' || path.includes('\0')) return undefined;
  const absolute = resolve(root, path);
  if (!absolute.startsWith(root + sep)) return undefined;
  return (await isFile(absolute)) ? absolute.slice(root.length + 1).split(sep).join('/') : undefined;
}

function sendAsset(reply: FastifyReply, file: string): FastifyReply {
  // Vite names everything under assets/ by its content hash.
  if (file.startsWith('assets/')) return reply.sendFile(file, { maxAge: '365d', immutable: true });
  if (file === 'index.html') return reply.header('cache-control', 'no-cache').sendFile(file, { cacheControl: false });
  return reply.sendFile(file, { maxAge: '1h', immutable: false });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
