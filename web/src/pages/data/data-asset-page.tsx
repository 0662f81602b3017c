// One data asset: what and where it is, its categories (sensitive ones marked, with the reason), the
// proposed level with the GB/T 43697 reasoning, the decided level, and its history. Analysts edit the
// impacts; an admin decides the level.
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../../api/session.js';
import type { DataAssetDetail, DataVocabulary } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { ErrorNotice, Loading } from '../../components/notices.js';
import { formatTime } from '../../lib/format.js';
import { AssetHistory } from './asset-history.js';
import { CategoryList } from './category-list.js';
import { ClassificationBadge } from './classification-level.js';
import { ImpactsEditor } from './impacts-editor.js';
import { LevelDecision } from './level-decision.js';
import { ReasoningList } from './reasoning-list.js';

export function DataAssetPage() {
  const { id } = useParams();
  const session = useSession();
  const asset = useResource<DataAssetDetail>(`/api/data-assets/${id ?? ''}`);
  const vocabulary = useResource<DataVocabulary>('/api/data-vocabulary');
  if (asset.data === undefined) {
    return (
      <section>
        <p>
          <Link to="/data">← Data catalog</Link>
        </p>
        <ErrorNotice error={asset.error} />
        {asset.loading && <Loading what="the data asset" />}
      </section>
    );
  }
  const data = asset.data;
  return (
    <section>
      <p>
        <Link to="/data">← Data catalog</Link>
      </p>
      <h1>{data.name}</h1>
      <dl className="facts">
        <dt>System</dt>
        <dd>{data.system || '—'}</dd>
        <dt>Location</dt>
        <dd className="mono">{data.location || '—'}</dd>
        <dt>Owner</dt>
        <dd>{data.owner || '—'}</dd>
        <dt>Individuals</dt>
        <dd>{data.individuals === null ? '—' : data.individuals.toLocaleString()}</dd>
        <dt>Categories</dt>
        <dd>
          <CategoryList categories={data.categories} sensitive={data.sensitivity.sensitiveCategories} vocabulary={vocabulary.data} />
          {data.sensitivity.sensitive ? ' Sensitive personal information.' : ''}
        </dd>
        <dt>Level</dt>
        <dd>
          <ClassificationBadge level={data.level} />
          {data.level !== null && (
            <span className="muted">
              {' '}
              decided by {data.levelDecidedBy} on {formatTime(data.levelDecidedAt)}
              {data.levelNote ? ` — ${data.levelNote}` : ''}
            </span>
          )}
        </dd>
        <dt>Proposed</dt>
        <dd>
          <ClassificationBadge level={data.proposedLevel} />
        </dd>
      </dl>
      <div className="card">
        <h2>Why this level is proposed</h2>
        <ReasoningList steps={data.proposal.reasoning} />
        {data.sensitivity.reasoning.length > 0 && (
          <>
            <h3>Sensitivity</h3>
            <ReasoningList steps={data.sensitivity.reasoning} />
          </>
        )}
      </div>
      <ErrorNotice error={vocabulary.error} />
      {session.may('data:write') && vocabulary.data && <ImpactsEditor key={data.updatedAt} asset={data} vocabulary={vocabulary.data} onChanged={asset.reload} />}
      {session.may('data:classify') && <LevelDecision key={`${data.updatedAt}-level`} asset={data} onDecided={asset.reload} />}
      <AssetHistory entries={data.history} />
    </section>
  );
}
