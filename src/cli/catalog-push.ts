// `rampart data scan --catalog URL`: what the scan found, place by place (categories and counts, never a
// value or a sample), recorded in the data catalog of a Rampart server (POST /api/data-assets/scanned),
// in requests of at most 1,000 places. A refused or failed request stops with a clear error; places
// already sent stay recorded, and sending the same scan again changes nothing.
import { rampartError } from '../core/errors.js';
import type { ScannedPlace } from '../datasec/scan/scanned-places.js';

const PLACES_PER_REQUEST = 1000;

export interface CatalogTarget {
  /** The server's base URL, e.g. http://127.0.0.1:8080 */
  readonly url: string;
  readonly token: string;
  readonly system?: string;
  readonly owner?: string;
}

export interface CatalogOutcome {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

export async function recordInCatalog(places: readonly ScannedPlace[], target: CatalogTarget): Promise<CatalogOutcome> {
  const outcome = { created: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < places.length; start += PLACES_PER_REQUEST) {
    const body = { ...(target.system ? { system: target.system } : {}), ...(target.owner ? { owner: target.owner } : {}), places: places.slice(start, start + PLACES_PER_REQUEST) };
    let response: Response;
    try {
      response = await fetch(new URL('/api/data-assets/scanned', target.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
      throw rampartError('RAMPART_E_CATALOG_FAILED', { url: target.url, reason: cause });
    }
    const answer = (await response.json().catch(() => ({}))) as { message?: string; created?: string[]; updated?: string[]; unchanged?: string[] };
    if (!response.ok) throw rampartError('RAMPART_E_CATALOG_FAILED', { url: target.url, reason: answer.message ?? `HTTP ${response.status}` });
    outcome.created += answer.created?.length ?? 0;
    outcome.updated += answer.updated?.length ?? 0;
    outcome.unchanged += answer.unchanged?.length ?? 0;
  }
  return outcome;
}
