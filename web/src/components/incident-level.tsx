// An incident's legal level in English and Chinese (一般 / 较大 / 重大 / 特别重大), as the Guide names it.
import { levels } from 'virtual:regulations';

export function incidentLevelName(level: string | null | undefined): string {
  if (!level) return '—';
  const found = levels.find((candidate) => candidate.id === level);
  return found ? `${found.name}${found.nameZh ? ` (${found.nameZh})` : ''}` : level;
}

export function IncidentLevel({ level }: { readonly level: string | null | undefined }) {
  return <span className={`badge grade-${level ?? 'none'}`}>{incidentLevelName(level)}</span>;
}
