// `rampart hunt --push URL`: the hunt's detections also go to a Rampart server (POST /api/detections),
// in batches, while the hunt runs; the normal output is written as well. The server stores them as
// alerts with ids derived from the detection, so pushing the same hunt twice stores nothing twice, and
// a failed batch is retried. close() waits for every batch and fails if any could not be delivered.
import type { Detection } from '../../core/detection.js';
import { rampartError } from '../../core/errors.js';
import type { DetectionSink } from './detection-sink.js';

export interface PushOptions {
  /** The server's base URL, e.g. http://127.0.0.1:8080 */
  readonly url: string;
  readonly token: string;
  readonly batchSize?: number;
  readonly attempts?: number;
  /** Milliseconds before the first retry; doubled for each next one. */
  readonly retryDelayMs?: number;
}

export class PushSink implements DetectionSink {
  private batch: Detection[] = [];
  private sending: Promise<void> = Promise.resolve();
  private failure: Error | undefined;
  pushed = 0;

  constructor(
    private readonly inner: DetectionSink,
    private readonly options: PushOptions,
  ) {}

  write(detection: Detection): void {
    this.inner.write(detection);
    this.batch.push(detection);
    if (this.batch.length >= (this.options.batchSize ?? 1000)) this.send();
  }

  async close(): Promise<void> {
    await this.inner.close();
    this.send();
    await this.sending;
    if (this.failure) throw rampartError('RAMPART_E_PUSH_FAILED', { url: this.options.url, reason: this.failure.message });
  }

  private send(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    // One batch at a time, in order; after a failure the rest are not sent (close() reports it).
    this.sending = this.sending.then(async () => {
      if (this.failure) return;
      try {
        await this.post(batch);
        this.pushed += batch.length;
      } catch (error) {
        this.failure = error as Error;
      }
    });
  }

  private async post(detections: readonly Detection[]): Promise<void> {
    const attempts = this.options.attempts ?? 4;
    let delay = this.options.retryDelayMs ?? 500;
    for (let attempt = 1; ; attempt++) {
      let retry: string;
      try {
        const response = await fetch(new URL('/api/detections', this.options.url), {
          method: 'POST',
          headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ detections }),
        });
        if (response.ok) return;
        const body = await response.text();
        const message = safeMessage(body) ?? `HTTP ${response.status}`;
        // The server's answer to a bad token or a bad batch does not change on a retry.
        if (response.status < 500 && response.status !== 429) throw new Error(message);
        retry = message;
      } catch (error) {
        if (error instanceof Error && !(error instanceof TypeError)) throw error;
        retry = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
      }
      if (attempt >= attempts) throw new Error(`${retry} (after ${attempts} attempts)`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
}

function safeMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : undefined;
  } catch {
    return undefined;
  }
}
