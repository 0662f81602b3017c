// The names the data catalog and transfer forms offer, from data/regulations/: personal-information
// categories (sensitive or not, found by a recognizer or declared by a person), the objects harm can
// reach and its degrees (GB/T 43697), and the exemptions a transfer may claim (Order 16 Arts. 3–6).
// One read-only route, so the dashboard never keeps a second copy of the law.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import { AFFECTED_OBJECTS, HARM_DEGREES } from '../../datasec/classification/classification-vocabulary.js';
import type { ClassificationRules } from '../../datasec/classification/load-classification-rules.js';
import type { TransferRules } from '../../datasec/transfers/load-transfer-rules.js';
import { EXEMPTION_IDS } from '../../datasec/transfers/transfer-vocabulary.js';

export function dataVocabulary(classification: ClassificationRules, transfers: TransferRules) {
  const categories = (entries: ClassificationRules['recognizedCategories'], recognized: boolean) =>
    Object.entries(entries).map(([id, data]) => ({ id, label: data.name, recognized, personalInformation: data.personalInformation, sensitive: data.sensitive }));
  return {
    categories: [...categories(classification.recognizedCategories, true), ...categories(classification.declarableCategories, false)],
    impactObjects: AFFECTED_OBJECTS.map((id) => ({ id, label: `${classification.objects[id].name} ${classification.objects[id].nameZh}` })),
    harmDegrees: HARM_DEGREES.map((id) => ({ id, label: `${classification.harms[id].name} ${classification.harms[id].nameZh}` })),
    exemptions: EXEMPTION_IDS.map((id) => ({ id, label: transfers.exemptions[id].name, article: `${transfers.exemptions[id].source.short} ${transfers.exemptions[id].source.article}` })),
  };
}

export function dataVocabularyRoutes(classification: ClassificationRules, transfers: TransferRules) {
  const vocabulary = dataVocabulary(classification, transfers);
  return async (app: FastifyInstance): Promise<void> => {
    app.get(
      '/api/data-vocabulary',
      { config: { permission: 'data:read' }, schema: { tags: ['data'], summary: 'The names the catalog and transfer forms offer: categories (sensitive or not), affected objects, degrees of harm, exemptions' } },
      async () => vocabulary,
    );
  };
}
