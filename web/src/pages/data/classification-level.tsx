// A classification level as a badge: general, important (重要数据) or core (核心数据), or "not decided".
import type { ClassificationLevel } from '../../api/types.js';

const NAMES: Record<ClassificationLevel, string> = { general: 'general 一般', important: 'important 重要', core: 'core 核心' };

export function ClassificationBadge({ level, proposed }: { readonly level: ClassificationLevel | null; readonly proposed?: boolean }) {
  if (level === null) return <span className="muted">not decided</span>;
  return (
    <span className={`classification classification-${level}`}>
      {NAMES[level]}
      {proposed ? ' (proposed)' : ''}
    </span>
  );
}
