// Transfers abroad: the year's volumes against the thresholds, every transfer with its route and next
// obligation, and the form that previews the route as it is filled in and registers the transfer.
import { Link } from 'react-router-dom';
import { useSession } from '../../api/session.js';
import type { DataAsset, DataTransfer, DataVocabulary, TransferVolumes } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { ErrorNotice, Loading } from '../../components/notices.js';
import { RouteBadge } from './route-badge.js';
import { TransferForm } from './transfer-form.js';
import { VolumesPanel } from './volumes-panel.js';

export function TransfersPage() {
  const session = useSession();
  const transfers = useResource<{ transfers: DataTransfer[] }>('/api/data-transfers');
  const volumes = useResource<TransferVolumes>('/api/data-transfers/volumes');
  const vocabulary = useResource<DataVocabulary>('/api/data-vocabulary');
  const assets = useResource<{ assets: DataAsset[] }>('/api/data-assets');
  const reload = () => {
    transfers.reload();
    volumes.reload();
  };
  return (
    <section>
      <h1>Transfers abroad 数据出境</h1>
      <ErrorNotice error={transfers.error ?? volumes.error ?? vocabulary.error} />
      {volumes.data && <VolumesPanel volumes={volumes.data} />}
      {transfers.data === undefined ? (
        transfers.loading && <Loading what="transfers" />
      ) : transfers.data.transfers.length === 0 ? (
        <p className="muted">No transfers registered.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Date</th>
                <th scope="col">Recipient</th>
                <th scope="col">Country</th>
                <th scope="col">Individuals</th>
                <th scope="col">Route</th>
                <th scope="col">Next obligation</th>
              </tr>
            </thead>
            <tbody>
              {transfers.data.transfers.map((transfer) => {
                const next = transfer.obligations.find((obligation) => obligation.status !== 'done');
                return (
                  <tr key={transfer.id}>
                    <td className="nowrap">
                      <Link to={`/transfers/${transfer.id}`}>XB-{transfer.number}</Link>
                    </td>
                    <td className="nowrap">{transfer.transferDate}</td>
                    <td>{transfer.recipient}</td>
                    <td>{transfer.country}</td>
                    <td className="number">
                      {transfer.individuals.toLocaleString()}
                      {transfer.sensitiveIndividuals > 0 ? ` (+${transfer.sensitiveIndividuals.toLocaleString()} sensitive)` : ''}
                    </td>
                    <td>
                      <RouteBadge route={transfer.route} />
                    </td>
                    <td>{next ? <span className={`obligation obligation-${next.status}`}>{next.text}: {next.due}</span> : <span className="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {vocabulary.data && <TransferForm vocabulary={vocabulary.data} assets={assets.data?.assets ?? []} canRegister={session.may('data:write')} onRegistered={reload} />}
    </section>
  );
}
