// Who may do what: the permissions of each role, and the organisation kinds a permission applies in.
// This table is the whole of the authorisation policy; routes name a permission and the hook in
// app.ts checks it, so no route decides on its own.
import type { OrganisationKind } from '../store/organisations.js';
import type { Principal, Role } from '../store/users.js';

export const PERMISSIONS = {
  /** Anything every signed-in user may do about themself: who am I, sign out. */
  'self': { roles: ['admin', 'analyst', 'reporter', 'auditor'], kinds: ['hub', 'operator'] },
  'organisation:read': { roles: ['admin', 'analyst', 'reporter', 'auditor'], kinds: ['hub', 'operator'] },
  /** The hub registers the operators that report to it. */
  'operators:write': { roles: ['admin'], kinds: ['hub'] },
  'operators:read': { roles: ['admin', 'analyst', 'reporter', 'auditor'], kinds: ['hub'] },
  /** Everyone sees who works in their organisation: incidents are assigned to them. */
  'users:read': { roles: ['admin', 'analyst', 'reporter', 'auditor'], kinds: ['hub', 'operator'] },
  'users:write': { roles: ['admin'], kinds: ['hub', 'operator'] },
  'tokens:read': { roles: ['admin', 'auditor'], kinds: ['hub', 'operator'] },
  /** Any user makes tokens for themself; an admin for any user of the organisation. */
  'tokens:write': { roles: ['admin', 'analyst', 'reporter'], kinds: ['hub', 'operator'] },
  /** Raw alerts stay with the operator: the hub sees reports, not alerts. */
  'alerts:read': { roles: ['admin', 'analyst', 'reporter', 'auditor'], kinds: ['operator'] },
  'alerts:ingest': { roles: ['admin', 'analyst'], kinds: ['operator'] },
  'incidents:read': { roles: ['admin', 'analyst', 'reporter', 'auditor'], kinds: ['operator'] },
  'incidents:write': { roles: ['admin', 'analyst'], kinds: ['operator'] },
  /** Drafting a report: the analyst who knows the incident, or the reporter who answers for it. */
  'reports:write': { roles: ['admin', 'analyst', 'reporter'], kinds: ['operator'] },
  'reports:submit': { roles: ['admin', 'reporter'], kinds: ['operator'] },
  /** The coordination centre reads the reports its operators submitted, with their timeliness. */
  'hub:reports': { roles: ['admin', 'analyst', 'reporter', 'auditor'], kinds: ['hub'] },
  'rules:read': { roles: ['admin', 'analyst', 'reporter', 'auditor'], kinds: ['hub', 'operator'] },
  /** An operator's admin adds rules for the operator; the hub's admin adds rules for every operator. */
  'rules:write': { roles: ['admin'], kinds: ['hub', 'operator'] },
  'rules:suppress': { roles: ['admin'], kinds: ['operator'] },
  'audit:read': { roles: ['admin', 'auditor'], kinds: ['hub', 'operator'] },
  /** The coordination centre sees its operators' transfers abroad as figures per operator, not the transfers. */
  'hub:data': { roles: ['admin', 'analyst', 'reporter', 'auditor'], kinds: ['hub'] },
  /** The data catalog and the transfers abroad are the operator's own; everyone there may read them. */
  'data:read': { roles: ['admin', 'analyst', 'reporter', 'auditor'], kinds: ['operator'] },
  /** Registering assets and transfers: the people who find and move data. */
  'data:write': { roles: ['admin', 'analyst', 'reporter'], kinds: ['operator'] },
  /** Deciding an asset's classification level is the organisation's call, made by its admin. */
  'data:classify': { roles: ['admin'], kinds: ['operator'] },
} as const satisfies Record<string, { roles: readonly Role[]; kinds: readonly OrganisationKind[] }>;

export type Permission = keyof typeof PERMISSIONS;

/** Why the principal may not, or undefined when it may. */
export function refusal(principal: Principal, permission: Permission): string | undefined {
  const rule = PERMISSIONS[permission];
  if (!(rule.kinds as readonly OrganisationKind[]).includes(principal.organisation.kind)) {
    return `'${permission}' is for ${rule.kinds.join(' and ')} organisations, and ${principal.organisation.name} is ${principal.organisation.kind === 'hub' ? 'the hub' : 'an operator'}`;
  }
  if (!(rule.roles as readonly Role[]).includes(principal.user.role)) {
    return `'${permission}' needs the role ${rule.roles.join(' or ')}; ${principal.user.username} is ${principal.user.role}`;
  }
  return undefined;
}
