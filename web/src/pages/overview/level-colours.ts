// One colour per alert level, the same in every chart and badge (styles.css uses the same values).
import type { Level } from '../../api/types.js';

export const LEVEL_COLOURS: Record<Level, string> = {
  informational: '#8a94a6',
  low: '#3b82c4',
  medium: '#d49a00',
  high: '#d9622b',
  critical: '#b3152a',
};
