// The coordination centre's view of its operators' transfers abroad this year: per operator, how many by
// route, the individuals sent (sensitive apart), obligations overdue and thresholds coming near. The hub
// sees figures, not the transfers themselves.
import type { HubTransferFigures } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { ErrorNotice, Loading } from '../../components/notices.js';

export function HubTransfers() {
  const figures = useResource<{ year: number; operators: HubTransferFigures[] }>('/api/hub/data-transfers');
  return (
    <div className="card wide">
      <h2>Transfers abroad{figures.data ? ` in ${figures.data.year}` : ''} 数据出境</h2>
      <ErrorNotice error={figures.error} />
      {figures.data === undefined ? (
        figures.loading && <Loading what="transfers abroad" />
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Operator</th>
                <th scope="col">CII 关基</th>
                <th scope="col">Transfers</th>
                <th scope="col">Exempt</th>
                <th scope="col">Standard contract / certification</th>
                <th scope="col">Security assessment</th>
                <th scope="col">Individuals (sensitive)</th>
                <th scope="col">Overdue obligations</th>
                <th scope="col">Near a threshold</th>
              </tr>
            </thead>
            <tbody>
              {figures.data.operators.map((operator) => (
                <tr key={operator.id}>
                  <td>{operator.name}</td>
                  <td>{operator.cii ? 'yes' : 'no'}</td>
                  <td className="number">{operator.transfers}</td>
                  <td className="number">{operator.byRoute['exempt']}</td>
                  <td className="number">{operator.byRoute['standard-contract-or-certification']}</td>
                  <td className="number">{operator.byRoute['security-assessment']}</td>
                  <td className="number">
                    {operator.individuals.toLocaleString()} ({operator.sensitiveIndividuals.toLocaleString()})
                  </td>
                  <td className={operator.overdueObligations > 0 ? 'number obligation-overdue' : 'number'}>{operator.overdueObligations}</td>
                  <td>{operator.warnings.length === 0 ? <span className="muted">—</span> : operator.warnings.map((warning) => <div key={warning} className="warning">⚠ {warning}</div>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
