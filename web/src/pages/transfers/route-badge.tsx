// A transfer's route as a badge: exempt, standard contract or certification, security assessment.
import type { TransferRoute } from '../../api/types.js';

const NAMES: Record<TransferRoute, string> = {
  'exempt': 'exempt 免于申报',
  'standard-contract-or-certification': 'standard contract or certification 标准合同/认证',
  'security-assessment': 'security assessment 安全评估',
};

export function RouteBadge({ route }: { readonly route: TransferRoute }) {
  return <span className={`route route-${route}`}>{NAMES[route] ?? route}</span>;
}
