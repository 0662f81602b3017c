// Alerts into incidents automatically: alerts sharing a key (the host, the rule, or an ATT&CK tag)
// whose event times are no further apart than a window form one group, as an analyst would bundle
// "everything on this host in the same hour". Pure: the caller reads the alerts and creates incidents.
export type GroupingKey = 'host' | 'rule' | 'tag';

export interface GroupableAlert {
  readonly id: string;
  readonly eventTime: string;
  readonly computer?: string;
  readonly ruleId: string;
  readonly ruleTitle: string;
  readonly tags: readonly string[];
}

export interface AlertGroup {
  readonly key: string;
  readonly alertIds: readonly string[];
  readonly first: string;
  readonly last: string;
  /** A title for the incident: what the group shares, and how many alerts. */
  readonly title: string;
}

export function groupAlerts(alerts: readonly GroupableAlert[], by: GroupingKey, windowMinutes: number): AlertGroup[] {
  const windowMs = windowMinutes * 60_000;
  const byKey = new Map<string, GroupableAlert[]>();
  for (const alert of alerts) {
    for (const key of keysOf(alert, by)) {
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push(alert);
    }
  }
  const taken = new Set<string>();
  const groups: AlertGroup[] = [];
  for (const [key, list] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime) || a.id.localeCompare(b.id));
    let current: GroupableAlert[] = [];
    const close = (): void => {
      // With tags an alert can fall under several keys: it goes to the first group that takes it.
      const fresh = current.filter((alert) => !taken.has(alert.id));
      if (fresh.length > 0) {
        for (const alert of fresh) taken.add(alert.id);
        groups.push({ key, alertIds: fresh.map((alert) => alert.id), first: fresh[0].eventTime, last: fresh[fresh.length - 1].eventTime, title: titleOf(by, key, fresh) });
      }
      current = [];
    };
    for (const alert of list) {
      const previous = current[current.length - 1];
      if (previous && Date.parse(alert.eventTime) - Date.parse(previous.eventTime) > windowMs) close();
      current.push(alert);
    }
    close();
  }
  return groups.sort((a, b) => Date.parse(a.first) - Date.parse(b.first) || a.key.localeCompare(b.key));
}

function keysOf(alert: GroupableAlert, by: GroupingKey): string[] {
  if (by === 'host') return [alert.computer ?? '(no host)'];
  if (by === 'rule') return [alert.ruleId];
  const techniques = alert.tags.filter((tag) => /^attack\.t\d{4}/.test(tag));
  return techniques.length > 0 ? techniques : ['(no ATT&CK technique)'];
}

function titleOf(by: GroupingKey, key: string, alerts: readonly GroupableAlert[]): string {
  const count = `${alerts.length} alert${alerts.length === 1 ? '' : 's'}`;
  if (by === 'host') return `${count} on ${key}`;
  if (by === 'rule') return `${alerts[0].ruleTitle}: ${count}`;
  return `${key.replace(/^attack\./, '').toUpperCase()}: ${count}`;
}
