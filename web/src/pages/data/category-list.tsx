// Personal-information categories of an asset, the sensitive ones (PIPL Art. 28) marked.
import type { DataVocabulary } from '../../api/types.js';

export function CategoryList({ categories, sensitive, vocabulary }: { readonly categories: readonly string[]; readonly sensitive: readonly string[]; readonly vocabulary: DataVocabulary | undefined }) {
  if (categories.length === 0) return <span className="muted">none</span>;
  const label = (id: string) => vocabulary?.categories.find((entry) => entry.id === id)?.label ?? id;
  return (
    <ul className="tags">
      {categories.map((category) => (
        <li key={category} className={sensitive.includes(category) ? 'tag tag-sensitive' : 'tag'} title={sensitive.includes(category) ? 'sensitive personal information' : undefined}>
          {label(category)}
          {sensitive.includes(category) ? ' ⚠' : ''}
        </li>
      ))}
    </ul>
  );
}
