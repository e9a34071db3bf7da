import { useMemo } from 'react';
import { Plus } from 'lucide-react';
import { coverage } from '../../shared/forms';
import type { Vocabularies } from '../../shared/desk';
import { countLabel, deriveCounts, type ParseResult } from '../../shared/story';

// Coverage at a glance, beside the takes: how many takes each lens and each
// region has, as bars on one scale, and what the desk's vocabularies list
// that the story has no take for. A missing region is a button: it starts a
// take for that region; a missing lens adds the lens group.

interface Props {
  parsed: ParseResult;
  vocabularies: Vocabularies;
  onAddRegion(region: string): void;
  onAddLens(lens: string): void;
}

export function Coverage({ parsed, vocabularies, onAddRegion, onAddLens }: Props) {
  const cov = useMemo(
    () =>
      coverage(parsed, {
        lenses: vocabularies.lenses,
        regions: vocabularies.regions,
      }),
    [parsed, vocabularies],
  );
  const counts = deriveCounts(parsed.story);
  const max = Math.max(1, ...cov.lenses.map((l) => l.takes), ...cov.regions.map((r) => r.takes));
  return (
    <details className="coverage" open>
      <summary className="coverage-summary">
        <span className="coverage-title">Coverage</span>
        <span className="coverage-counts" data-counts>
          {countLabel(counts.takes, 'take')} · {countLabel(counts.lenses, 'lens')} ·{' '}
          {countLabel(counts.regions, 'region')}
        </span>
      </summary>
      <div className="coverage-body">
        <Bars title="Takes per lens" rows={cov.lenses} max={max} kind="lens" />
        <Missing
          label="Lenses with no take"
          names={cov.missingLenses}
          action={(name) => `Add lens ${name}`}
          onPick={onAddLens}
        />
        <Bars title="Takes per region" rows={cov.regions} max={max} kind="region" />
        <Missing
          label="Regions with no take"
          names={cov.missingRegions}
          action={(name) => `Start a take for ${name}`}
          onPick={onAddRegion}
        />
      </div>
    </details>
  );
}

function Bars({
  title,
  rows,
  max,
  kind,
}: {
  title: string;
  rows: readonly { name: string; takes: number }[];
  max: number;
  kind: 'lens' | 'region';
}) {
  // What has no take is listed once, below, as something to add.
  rows = rows.filter((r) => r.takes > 0);
  if (!rows.length) return null;
  return (
    <div className="coverage-block">
      <h4 className="coverage-heading">{title}</h4>
      <ul className="coverage-bars" aria-label={title}>
        {rows.map((r) => (
          <li key={r.name} className="coverage-row">
            <span className="coverage-name" title={r.name}>
              {r.name}
            </span>
            <span className={`coverage-track is-${kind}`} aria-hidden="true">
              <span className="coverage-fill" style={{ width: `${(r.takes / max) * 100}%` }} />
            </span>
            <span className="coverage-value">
              {r.takes}
              <span className="visually-hidden"> {r.takes === 1 ? 'take' : 'takes'}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Missing({
  label,
  names,
  action,
  onPick,
}: {
  label: string;
  names: readonly string[];
  action(name: string): string;
  onPick(name: string): void;
}) {
  if (!names.length) return null;
  return (
    <div className="coverage-missing">
      <h4 className="coverage-heading">{label}</h4>
      <ul className="chip-list" aria-label={label}>
        {names.map((n) => (
          <li key={n}>
            <button
              type="button"
              className="chip is-missing"
              aria-label={action(n)}
              title={action(n)}
              onClick={() => onPick(n)}
            >
              <Plus size={12} aria-hidden="true" />
              {n}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
