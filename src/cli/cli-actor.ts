// Who a change made from the command line is recorded as in the audit log: `cli:<os user>`.
import { userInfo } from 'node:os';

export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}
