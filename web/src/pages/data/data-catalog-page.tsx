// The data catalog: every data asset of the operator with its personal-information categories (the
// sensitive ones marked), about how many people, and its level — decided, or proposed and waiting for
// a decision. Those who may add assets get the form.
import { Link } from 'react-router-dom';
import { useSession } from '../../api/session.js';
import type { DataAsset, DataVocabulary } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { ErrorNotice, Loading } from '../../components/notices.js';
import { AssetForm } from './asset-form.js';
import { CategoryList } from './category-list.js';
import { ClassificationBadge } from './classification-level.js';

export function DataCatalogPage() {
  const session = useSession();
  const assets = useResource<{ assets: DataAsset[] }>('/api/data-assets');
  const vocabulary = useResource<DataVocabulary>('/api/data-vocabulary');
  const undecided = assets.data?.assets.filter((asset) => asset.level === null).length ?? 0;
  return (
    <section>
      <h1>Data catalog 数据目录</h1>
      <p className="muted">
        Levels follow GB/T 43697-2024: Rampart proposes one from the harm an asset's data could do; a person decides it.
        {undecided > 0 && ` ${undecided} asset${undecided === 1 ? '' : 's'} still wait${undecided === 1 ? 's' : ''} for a decision.`}
      </p>
      <ErrorNotice error={assets.error ?? vocabulary.error} />
      {assets.data === undefined ? (
        assets.loading && <Loading what="the data catalog" />
      ) : assets.data.assets.length === 0 ? (
        <p className="muted">No data assets yet. Scan with `rampart data scan` and add what it finds here.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Asset</th>
                <th scope="col">System</th>
                <th scope="col">Location</th>
                <th scope="col">Owner</th>
                <th scope="col">Categories</th>
                <th scope="col">Individuals</th>
                <th scope="col">Level 级别</th>
              </tr>
            </thead>
            <tbody>
              {assets.data.assets.map((asset) => (
                <tr key={asset.id}>
                  <td>
                    <Link to={`/data/${asset.id}`}>{asset.name}</Link>
                  </td>
                  <td>{asset.system || '—'}</td>
                  <td className="mono">{asset.location || '—'}</td>
                  <td>{asset.owner || '—'}</td>
                  <td>
                    <CategoryList categories={asset.categories} sensitive={asset.sensitivity.sensitiveCategories} vocabulary={vocabulary.data} />
                  </td>
                  <td className="number">{asset.individuals === null ? '—' : asset.individuals.toLocaleString()}</td>
                  <td>{asset.level !== null ? <ClassificationBadge level={asset.level} /> : <ClassificationBadge level={asset.proposedLevel} proposed />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {session.may('data:write') && vocabulary.data && <AssetForm vocabulary={vocabulary.data} onAdded={assets.reload} />}
    </section>
  );
}
