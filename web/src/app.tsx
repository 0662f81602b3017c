// The pages and who reaches them: signed out, only sign-in; signed in, the pages the role and the
// organisation kind allow (lib/permissions.ts), the first of them as the start page.
import { Navigate, Route, Routes } from 'react-router-dom';
import { useSession } from './api/session.js';
import { Layout } from './components/layout.js';
import { Loading } from './components/notices.js';
import { navigationFor } from './lib/permissions.js';
import { AlertsPage } from './pages/alerts/alerts-page.js';
import { DataAssetPage } from './pages/data/data-asset-page.js';
import { DataCatalogPage } from './pages/data/data-catalog-page.js';
import { HubPage } from './pages/hub/hub-page.js';
import { HubReportPage } from './pages/hub/hub-report-page.js';
import { IncidentPage } from './pages/incident/incident-page.js';
import { IncidentsPage } from './pages/incidents-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { OverviewPage } from './pages/overview/overview-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { TransferPage } from './pages/transfers/transfer-page.js';
import { TransfersPage } from './pages/transfers/transfers-page.js';

export function App() {
  const session = useSession();
  if (session.checking) return <Loading what="your session" />;
  if (session.me === undefined) return <SignInPage />;
  const me = session.me;
  const start = navigationFor({ role: me.user.role, kind: me.organisation.kind })[0]?.path ?? '/nothing';
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to={start} replace />} />
        {session.may('alerts:read') && <Route path="overview" element={<OverviewPage />} />}
        {session.may('alerts:read') && <Route path="alerts" element={<AlertsPage />} />}
        {session.may('incidents:read') && <Route path="incidents" element={<IncidentsPage />} />}
        {session.may('incidents:read') && <Route path="incidents/:id" element={<IncidentPage />} />}
        {session.may('data:read') && <Route path="data" element={<DataCatalogPage />} />}
        {session.may('data:read') && <Route path="data/:id" element={<DataAssetPage />} />}
        {session.may('data:read') && <Route path="transfers" element={<TransfersPage />} />}
        {session.may('data:read') && <Route path="transfers/:id" element={<TransferPage />} />}
        {session.may('hub:reports') && <Route path="hub" element={<HubPage />} />}
        {session.may('hub:reports') && <Route path="hub/reports/:id" element={<HubReportPage />} />}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
