// Syslog over TCP (RFC 6587 framing) and UDP (one datagram, one message), RFC 5424 or 3164, as a second
// way in beside POST /api/ingest. Syslog carries no credentials, so a listener belongs to one
// organisation, named when the server starts; bind it to an address only that organisation's hosts
// reach. Messages are gathered and run through the engine in batches (every `flushMs`, or sooner when
// `maxBatch` are waiting); a message that is not syslog is kept as a message-only event, so keyword
// rules still see its text. A crash loses at most the messages of the batch being gathered, as with
// any syslog receiver; UDP can lose messages on the wire anyway.
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type AddressInfo, type Server } from 'node:net';
import type { LogEvent } from '../core/event.js';
import { isSyslogProblem, parseSyslogMessage } from '../logs/syslog/parse-syslog.js';
import { messageOnlyEvent, syslogEvent } from '../logs/syslog/syslog-event.js';
import { SyslogFramer } from '../logs/syslog/syslog-framing.js';
import { insertAlerts } from '../store/alerts.js';
import type { Database } from '../store/database.js';
import type { LiveDetection } from './live-detection.js';
import type { OrganisationRules } from './organisation-rules.js';

export interface SyslogListenerOptions {
  readonly db: Database;
  readonly detection: LiveDetection;
  /** The organisations' own rules, as the API runs them (one instance for both: compiled once). */
  readonly organisationRules: OrganisationRules;
  readonly organisationId: string;
  readonly host: string;
  /** 0 for any free port; undefined for no listener of that kind. */
  readonly tcpPort?: number;
  readonly udpPort?: number;
  readonly flushMs?: number;
  readonly maxBatch?: number;
  /** Where problems go (a frame too long, a store failure). */
  readonly warn?: (message: string) => void;
}

export interface SyslogStats {
  messages: number;
  /** Frames or datagrams that were not syslog (still kept as message-only events). */
  notSyslog: number;
  alerts: number;
  /** Frames dropped: too long, or cut off by a closed connection. */
  dropped: number;
}

const MAX_CONNECTIONS = 256;

export class SyslogListener {
  readonly stats: SyslogStats = { messages: 0, notSyslog: 0, alerts: 0, dropped: 0 };
  private pending: LogEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Flushes run one after the other, so alerts are stored in arrival order and never concurrently. */
  private flushing: Promise<void> = Promise.resolve();
  private tcp: Server | undefined;
  private udp: Socket | undefined;
  private sequence = 0;
  /** Syslog has no retries: each message is its own event, even when two are identical. */
  private readonly started = Date.now();

  private constructor(private readonly options: SyslogListenerOptions) {}

  static async start(options: SyslogListenerOptions): Promise<SyslogListener> {
    const listener = new SyslogListener(options);
    if (options.tcpPort !== undefined) await listener.listenTcp(options.tcpPort);
    if (options.udpPort !== undefined) await listener.listenUdp(options.udpPort);
    return listener;
  }

  get tcpPort(): number | undefined {
    return (this.tcp?.address() as AddressInfo | null)?.port;
  }

  get udpPort(): number | undefined {
    return this.udp?.address().port;
  }

  /** Stops listening and stores what is still waiting. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.tcp ? this.tcp.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.udp ? this.udp.close(() => resolve()) : resolve()));
    await this.flush();
  }

  /** Stores the gathered batch now (also used by tests to wait for what was sent). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() => this.store(batch));
    return this.flushing;
  }

  private async listenTcp(port: number): Promise<void> {
    this.tcp = createServer((socket) => {
      const framer = new SyslogFramer();
      socket.on('data', (chunk: Buffer) => this.frames(framer.push(chunk)));
      socket.on('end', () => this.frames(framer.flush()));
      socket.on('error', () => socket.destroy());
    });
    this.tcp.maxConnections = MAX_CONNECTIONS;
    await new Promise<void>((resolve, reject) => {
      this.tcp?.once('error', reject);
      this.tcp?.listen(port, this.options.host, () => resolve());
    });
  }

  private async listenUdp(port: number): Promise<void> {
    this.udp = createSocket(this.options.host.includes(':') ? 'udp6' : 'udp4');
    this.udp.on('message', (datagram: Buffer) => this.receive(datagram.toString('utf8').replace(/\r?\n$/, '')));
    await new Promise<void>((resolve, reject) => {
      this.udp?.once('error', reject);
      this.udp?.bind(port, this.options.host, () => resolve());
    });
  }

  private frames(frames: ReturnType<SyslogFramer['push']>): void {
    for (const frame of frames) {
      if ('message' in frame) this.receive(frame.message);
      else {
        this.stats.dropped++;
        this.options.warn?.(`syslog: ${frame.problem}`);
      }
    }
  }

  private receive(text: string): void {
    if (text.trim() === '') return;
    this.stats.messages++;
    const ref = { file: 'syslog', record: ++this.sequence };
    const parsed = parseSyslogMessage(text, { receivedAt: new Date() });
    if (isSyslogProblem(parsed)) {
      this.stats.notSyslog++;
      this.pending.push(messageOnlyEvent(parsed.text, ref));
    } else {
      this.pending.push(syslogEvent(parsed, ref));
    }
    if (this.pending.length >= (this.options.maxBatch ?? 1000)) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? 500);
  }

  private async store(events: readonly LogEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      const rules = await this.options.organisationRules.forOrganisation(this.options.organisationId);
      const alerts = this.options.detection.detect(events, 'syslog', new Date().toISOString(), (event) => `syslog:${this.started}:${event.ref.record}`, rules);
      if (alerts.length === 0) return;
      const { inserted } = await this.options.db.transaction((tx) => insertAlerts(tx, this.options.organisationId, alerts));
      this.stats.alerts += inserted;
    } catch (error) {
      this.options.warn?.(`syslog: the alerts of ${events.length} message(s) were not stored: ${(error as Error).message}`);
    }
  }
}
