// The alert filters as a form; applying it writes them into the page's URL, so a filtered list can be
// bookmarked, shared, and reached from the overview's links.
import { useEffect, useState, type FormEvent } from 'react';
import { LEVELS } from '../../api/types.js';
import { isoToLocalInput } from '../../lib/local-time.js';
import { toIsoTime, type AlertFilters } from '../../lib/query-string.js';

interface FormState {
  from: string;
  to: string;
  levels: string[];
  minLevel: string;
  rule: string;
  host: string;
  tag: string;
  q: string;
}

const toForm = (filters: AlertFilters): FormState => ({
  from: isoToLocalInput(filters.from),
  to: isoToLocalInput(filters.to),
  levels: [...(filters.levels ?? [])],
  minLevel: filters.minLevel ?? '',
  rule: filters.rule ?? '',
  host: filters.host ?? '',
  tag: filters.tag ?? '',
  q: filters.q ?? '',
});

export function AlertFilterForm({ filters, onApply }: { readonly filters: AlertFilters; readonly onApply: (filters: AlertFilters) => void }) {
  const [form, setForm] = useState<FormState>(() => toForm(filters));
  useEffect(() => setForm(toForm(filters)), [filters]);
  const set = (key: keyof FormState) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [key]: event.target.value }));
  const toggleLevel = (level: string) => setForm((current) => ({ ...current, levels: current.levels.includes(level) ? current.levels.filter((other) => other !== level) : [...current.levels, level] }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ from: toIsoTime(form.from), to: toIsoTime(form.to), levels: form.levels, minLevel: form.minLevel || undefined, rule: form.rule, host: form.host, tag: form.tag, q: form.q });
  };
  const clear = () => onApply({});

  return (
    <form className="filters" onSubmit={submit} aria-label="Alert filters">
      <label className="field">
        From
        <input type="datetime-local" value={form.from} onChange={set('from')} />
      </label>
      <label className="field">
        To
        <input type="datetime-local" value={form.to} onChange={set('to')} />
      </label>
      <fieldset className="levels">
        <legend>Levels</legend>
        {LEVELS.map((level) => (
          <label key={level}>
            <input type="checkbox" checked={form.levels.includes(level)} onChange={() => toggleLevel(level)} /> {level}
          </label>
        ))}
      </fieldset>
      <label className="field">
        Minimum level
        <select value={form.minLevel} onChange={set('minLevel')} disabled={form.levels.length > 0} title={form.levels.length > 0 ? 'Levels chosen above take precedence' : undefined}>
          <option value="">any</option>
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {level} or above
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Rule id
        <input value={form.rule} onChange={set('rule')} spellCheck={false} />
      </label>
      <label className="field">
        Host
        <input value={form.host} onChange={set('host')} spellCheck={false} />
      </label>
      <label className="field">
        Tag
        <input value={form.tag} onChange={set('tag')} placeholder="attack.t1059" spellCheck={false} />
      </label>
      <label className="field">
        Text
        <input type="search" value={form.q} onChange={set('q')} placeholder="title, host, fields" />
      </label>
      <div className="filter-buttons">
        <button type="submit" className="primary">
          Apply
        </button>
        <button type="button" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}
