// The alert list: only the rows in view are in the page (@tanstack/react-virtual), so 100,000 alerts
// scroll as smoothly as 100; nearing the end asks for the next page. It is one ARIA grid with a roving
// focus: Tab enters it once, the arrows, Page Up/Down, Home and End move, Space selects, Enter opens.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Alert } from '../../api/types.js';
import { LevelBadge } from '../../components/level-badge.js';
import { formatTime } from '../../lib/format.js';

const ROW_HEIGHT = 44;
/** Ask for the next page this many rows before the end, so it is there before it is needed. */
const PREFETCH_ROWS = 100;

export interface AlertListProps {
  readonly alerts: readonly Alert[];
  readonly complete: boolean;
  readonly loading: boolean;
  readonly onNeedMore: () => void;
  readonly selected: ReadonlySet<string>;
  /** Undefined when the caller may not select (no incidents:write). */
  readonly onToggle?: (id: string) => void;
  readonly openId: string | undefined;
  readonly onOpen: (id: string) => void;
}

export function AlertList({ alerts, complete, loading, onNeedMore, selected, onToggle, openId, onOpen }: AlertListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);
  const virtualizer = useVirtualizer({ count: alerts.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (!complete && !loading && alerts.length > 0 && last >= alerts.length - PREFETCH_ROWS) onNeedMore();
  }, [last, alerts.length, complete, loading, onNeedMore]);

  useEffect(() => {
    if (active >= alerts.length) setActive(Math.max(0, alerts.length - 1));
  }, [alerts.length, active]);

  // Move the focus once the active row is rendered (it may have been scrolled into existence).
  useEffect(() => {
    if (!focusWanted.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusWanted.current = false;
    }
  });

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(alerts.length - 1, index));
    focusWanted.current = true;
    setActive(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, alert: Alert) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: alerts.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]);
    } else if (event.key === ' ' && onToggle) {
      event.preventDefault();
      onToggle(alert.id);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(alert.id);
    }
  };

  return (
    <div className="alert-list">
      <div className="alert-row alert-head" role="presentation" aria-hidden="true">
        <span />
        <span>Time</span>
        <span>Level</span>
        <span>Rule</span>
        <span>Host</span>
      </div>
      <div ref={scroller} className="alert-scroller" role="grid" aria-label="Alerts, newest first" aria-rowcount={complete ? alerts.length : -1} aria-multiselectable={onToggle ? true : undefined}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const alert = alerts[item.index];
            const isSelected = selected.has(alert.id);
            return (
              <div
                key={alert.id}
                role="row"
                data-index={item.index}
                aria-rowindex={item.index + 1}
                aria-selected={onToggle ? isSelected : undefined}
                aria-current={openId === alert.id ? 'true' : undefined}
                tabIndex={item.index === active ? 0 : -1}
                className={`alert-row${isSelected ? ' selected' : ''}${openId === alert.id ? ' open' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onKeyDown={(event) => onKeyDown(event, item.index, alert)}
                onFocus={() => setActive(item.index)}
                onClick={() => onOpen(alert.id)}
              >
                <span role="gridcell">
                  {onToggle && (
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={`Select alert ${alert.ruleTitle} on ${alert.computer ?? 'unknown host'}`}
                      checked={isSelected}
                      onClick={(event) => event.stopPropagation()}
                      onChange={() => onToggle(alert.id)}
                    />
                  )}
                </span>
                <span role="gridcell" className="nowrap">
                  <time dateTime={alert.eventTime}>{formatTime(alert.eventTime)}</time>
                </span>
                <span role="gridcell">
                  <LevelBadge level={alert.level} />
                </span>
                <span role="gridcell" className="ellipsis" title={alert.ruleTitle}>
                  {alert.ruleTitle}
                </span>
                <span role="gridcell" className="ellipsis" title={alert.computer ?? ''}>
                  {alert.computer ?? '—'}
                </span>
              </div>
            );
          })}
        </div>
      </div>
      <p className="muted list-status" role="status">
        {alerts.length === 0 && !loading ? 'No alerts match these filters.' : `${alerts.length.toLocaleString()} alert${alerts.length === 1 ? '' : 's'}${complete ? '' : loading ? ', loading more…' : ' so far, more on scrolling'}`}
      </p>
    </div>
  );
}
