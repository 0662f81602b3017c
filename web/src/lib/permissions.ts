// What the signed-in user may do, so the dashboard shows only that: the server's policy table
// (src/server/policy.ts) repeated here, because the browser bundle cannot import server code.
// permissions.test.ts fails when the two differ. The server still decides every request; hiding a
// button is for the user's sake, not a security boundary.
import type { OrganisationKind, Role } from '../api/types.js';

const ALL: readonly Role[] = ['admin', 'analyst', 'reporter', 'auditor'];
const BOTH: readonly OrganisationKind[] = ['hub', 'operator'];

export const PERMISSIONS = {
  'self': { roles: ALL, kinds: BOTH },
  'organisation:read': { roles: ALL, kinds: BOTH },
  'operators:write': { roles: ['admin'], kinds: ['hub'] },
  'operators:read': { roles: ALL, kinds: ['hub'] },
  'users:read': { roles: ['admin', 'analyst', 'reporter', 'auditor'], kinds: BOTH },
  'users:write': { roles: ['admin'], kinds: BOTH },
  'tokens:read': { roles: ['admin', 'auditor'], kinds: BOTH },
  'tokens:write': { roles: ['admin', 'analyst', 'reporter'], kinds: BOTH },
  'alerts:read': { roles: ALL, kinds: ['operator'] },
  'alerts:ingest': { roles: ['admin', 'analyst'], kinds: ['operator'] },
  'incidents:read': { roles: ALL, kinds: ['operator'] },
  'incidents:write': { roles: ['admin', 'analyst'], kinds: ['operator'] },
  'reports:write': { roles: ['admin', 'analyst', 'reporter'], kinds: ['operator'] },
  'reports:submit': { roles: ['admin', 'reporter'], kinds: ['operator'] },
  'hub:reports': { roles: ALL, kinds: ['hub'] },
  'rules:read': { roles: ALL, kinds: BOTH },
  'rules:write': { roles: ['admin'], kinds: BOTH },
  'rules:suppress': { roles: ['admin'], kinds: ['operator'] },
  'audit:read': { roles: ['admin', 'auditor'], kinds: BOTH },
  'hub:data': { roles: ALL, kinds: ['hub'] },
  'data:read': { roles: ALL, kinds: ['operator'] },
  'data:write': { roles: ['admin', 'analyst', 'reporter'], kinds: ['operator'] },
  'data:classify': { roles: ['admin'], kinds: ['operator'] },
} as const satisfies Record<string, { roles: readonly Role[]; kinds: readonly OrganisationKind[] }>;

export type Permission = keyof typeof PERMISSIONS;

export interface Caller {
  readonly role: Role;
  readonly kind: OrganisationKind;
}

export function may(caller: Caller | undefined, permission: Permission): boolean {
  if (caller === undefined) return false;
  const rule = PERMISSIONS[permission];
  return (rule.roles as readonly Role[]).includes(caller.role) && (rule.kinds as readonly OrganisationKind[]).includes(caller.kind);
}

export interface NavigationItem {
  readonly path: string;
  readonly label: string;
  readonly permission: Permission;
}

const NAVIGATION: readonly NavigationItem[] = [
  { path: '/overview', label: 'Overview', permission: 'alerts:read' },
  { path: '/alerts', label: 'Alerts', permission: 'alerts:read' },
  { path: '/incidents', label: 'Incidents', permission: 'incidents:read' },
  { path: '/data', label: 'Data catalog', permission: 'data:read' },
  { path: '/transfers', label: 'Transfers abroad', permission: 'data:read' },
  { path: '/hub', label: 'Coordination centre', permission: 'hub:reports' },
];

/** The pages the caller may open, in menu order; the first is where signing in lands. */
export function navigationFor(caller: Caller | undefined): readonly NavigationItem[] {
  return NAVIGATION.filter((item) => may(caller, item.permission));
}
