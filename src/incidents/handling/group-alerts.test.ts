import { describe, expect, it } from 'vitest';
import { groupAlerts, type GroupableAlert } from './group-alerts.js';

const alert = (id: string, minute: number, computer: string, ruleId = 'r1', tags: string[] = ['attack.t1059.001']): GroupableAlert => ({
  id,
  eventTime: new Date(Date.UTC(2026, 10, 20, 9, minute)).toISOString(),
  computer,
  ruleId,
  ruleTitle: `Rule ${ruleId}`,
  tags,
});

describe('groupAlerts', () => {
  const alerts = [alert('a', 0, 'ws1'), alert('b', 20, 'ws1'), alert('c', 95, 'ws1'), alert('d', 5, 'ws2', 'r2', ['attack.t1003']), alert('e', 10, 'ws1', 'r2', ['attack.t1003'])];

  it('groups by host within the window, starting a new group after a gap', () => {
    expect(groupAlerts(alerts, 'host', 30).map((group) => [group.key, group.alertIds, group.title])).toEqual([
      ['ws1', ['a', 'e', 'b'], '3 alerts on ws1'],
      ['ws2', ['d'], '1 alert on ws2'],
      ['ws1', ['c'], '1 alert on ws1'],
    ]);
  });

  it('groups by rule and by ATT&CK technique, each alert in one group only', () => {
    expect(groupAlerts(alerts, 'rule', 120).map((group) => group.alertIds)).toEqual([['a', 'b', 'c'], ['d', 'e']]);
    const byTag = groupAlerts([...alerts, alert('f', 1, 'ws3', 'r3', ['attack.t1003', 'attack.t1059.001'])], 'tag', 60);
    expect(byTag.flatMap((group) => group.alertIds).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(byTag.map((group) => group.title)).toContain('T1003: 3 alerts');
  });

  it('a window of zero keeps only same-time alerts together', () => {
    expect(groupAlerts([alert('x', 0, 'h'), alert('y', 0, 'h'), alert('z', 1, 'h')], 'host', 0).map((group) => group.alertIds)).toEqual([['x', 'y'], ['z']]);
  });
});
