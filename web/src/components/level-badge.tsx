// An alert's level as a coloured badge (colour and word, never colour alone).
import type { Level } from '../api/types.js';

export function LevelBadge({ level }: { readonly level: Level }) {
  return <span className={`badge level-${level}`}>{level}</span>;
}
