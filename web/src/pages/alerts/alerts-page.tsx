// Alerts: the filters, the virtualised list, the selected alert in full, and (for those who may change
// incidents) turning a selection into an incident.
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../api/session.js';
import { ErrorNotice } from '../../components/notices.js';
import type { AlertFilters } from '../../lib/query-string.js';
import { AlertDetail } from './alert-detail.js';
import { filtersFromSearch, searchOfFilters } from './alert-filters-url.js';
import { AlertFilterForm } from './alert-filters.js';
import { AlertList } from './alert-list.js';
import { SelectionActions } from './selection-actions.js';
import { useAlertPages } from './use-alert-pages.js';

export function AlertsPage() {
  const session = useSession();
  const [search, setSearch] = useSearchParams();
  const searchText = search.toString();
  // Keyed on the URL's text so the filters object only changes when the URL does.
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(searchText)), [searchText]);
  const pages = useAlertPages(filters);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string>();
  const canChange = session.may('incidents:write');

  const apply = (next: AlertFilters) => {
    setSelected(new Set());
    setSearch(searchOfFilters(next));
  };
  const toggle = useCallback((id: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  // Back to the row the alert was opened from, so a keyboard user carries on where they were.
  const closeDetail = useCallback(() => {
    setOpenId(undefined);
    document.querySelector<HTMLElement>('.alert-scroller [role=row][tabindex="0"]')?.focus();
  }, []);

  return (
    <section className="alerts-page">
      <h1>Alerts</h1>
      <AlertFilterForm filters={filters} onApply={apply} />
      {canChange && <SelectionActions selected={selected} onDone={() => setSelected(new Set())} />}
      <ErrorNotice error={pages.error} />
      <div className={`list-and-detail${openId ? ' with-detail' : ''}`}>
        <AlertList alerts={pages.alerts} complete={pages.complete} loading={pages.loading} onNeedMore={pages.loadMore} selected={selected} onToggle={canChange ? toggle : undefined} openId={openId} onOpen={setOpenId} />
        {openId && <AlertDetail id={openId} onClose={closeDetail} />}
      </div>
    </section>
  );
}
