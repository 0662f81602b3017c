// The syslog listener end to end: real TCP (octet-counted and line-fed) and UDP sockets on free ports,
// the fixture Linux rules, alerts stored for the listener's organisation.
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../test/sigma-corpus.js';
import { listAlerts } from '../store/alerts.js';
import type { Database } from '../store/database.js';
import { openDatabase } from '../store/open-database.js';
import { createOrganisation } from '../store/organisations.js';
import { LiveDetection } from './live-detection.js';
import { OrganisationRules } from './organisation-rules.js';
import { SyslogListener } from './syslog-listener.js';

const RULES = path.join(repositoryRoot, 'test', 'fixtures', 'syslog', 'sudo-auth-failure.yml');
const SUDO_FAILURE = '<85>1 2026-11-26T10:00:00Z web01 sudo 4242 - - pam_unix(sudo:auth): authentication failure; logname=alice uid=1000';
const SSH_FAILURE = '<38>Nov 26 10:00:01 web02 sshd[4123]: Failed password for invalid user admin from 203.0.113.7 port 52144 ssh2';

describe('syslog listener', () => {
  let db: Database;
  let listener: SyslogListener;
  let organisationId: string;
  const warnings: string[] = [];

  beforeAll(async () => {
    db = await openDatabase({ dataDirectory: 'memory' });
    const hub = await createOrganisation(db, { name: 'Hub', kind: 'hub' }, 'test');
    organisationId = (await createOrganisation(db, { name: 'Web Operator', kind: 'operator', hubId: hub.id }, 'test')).id;
    const detection = await LiveDetection.start({ rulePaths: [RULES], cacheDirectory: null });
    listener = await SyslogListener.start({ db, detection, organisationRules: new OrganisationRules(db), organisationId, host: '127.0.0.1', tcpPort: 0, udpPort: 0, flushMs: 20, warn: (message) => warnings.push(message) });
  });
  afterAll(async () => {
    await listener.close();
    await db.close();
  });

  const sendTcp = (payload: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const socket = connect(listener.tcpPort as number, '127.0.0.1', () => socket.end(payload));
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
  const settle = async (count: number): Promise<void> => {
    for (let i = 0; i < 100 && listener.stats.messages < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await listener.flush();
  };

  it('turns TCP messages, octet-counted or line-fed, into alerts of the organisation', async () => {
    await sendTcp(`${Buffer.byteLength(SUDO_FAILURE)} ${SUDO_FAILURE}${Buffer.byteLength(SSH_FAILURE)} ${SSH_FAILURE}`);
    await sendTcp(`${SSH_FAILURE}\nthis line is not syslog at all\n`);
    await settle(4);
    const { alerts } = await listAlerts(db, organisationId);
    expect(alerts.map((alert) => [alert.ruleTitle, alert.computer, alert.source]).sort()).toEqual([
      ['SSH Password Failure for an Invalid User (test fixture)', 'web02', 'syslog'],
      ['SSH Password Failure for an Invalid User (test fixture)', 'web02', 'syslog'],
      ['Sudo Authentication Failure (test fixture)', 'web01', 'syslog'],
    ]);
    expect(listener.stats).toMatchObject({ messages: 4, notSyslog: 1 });
  });

  it('takes UDP datagrams, one message each', async () => {
    const before = (await listAlerts(db, organisationId)).alerts.length;
    const socket = createSocket('udp4');
    await new Promise<void>((resolve, reject) => socket.send(Buffer.from(SUDO_FAILURE.replace('4242', '4243')), listener.udpPort as number, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
    socket.close();
    await settle(5);
    expect((await listAlerts(db, organisationId)).alerts.length).toBe(before + 1);
  });

  it('drops a frame longer than the limit with a warning, and goes on', async () => {
    await sendTcp(`${70 * 1024} ${'x'.repeat(70 * 1024)}${Buffer.byteLength(SSH_FAILURE)} ${SSH_FAILURE}`);
    await settle(6);
    expect(listener.stats.dropped).toBe(1);
    expect(warnings.join('\n')).toMatch(/syslog: /);
    expect(listener.stats.messages).toBe(6);
  });
});
