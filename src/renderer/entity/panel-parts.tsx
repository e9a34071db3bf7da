import { CircleAlert, RotateCw } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Output } from '../../shared/api';
import type { EntityKind } from '../../shared/entity';

// What the entity panel's parts share: the API's shapes, the kinds' labels,
// and how a failure is shown.

export type EntityDetail = Output<'entity.get'>;
export type EntityMention = Output<'entity.mentions'>[number];
export type EntityListItem = Output<'entity.list'>[number];

export const KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  country: 'Country',
  organisation: 'Organisation',
  place: 'Place',
  event: 'Event',
  other: 'Other',
};

export function Problem({
  title,
  message,
  onRetry,
  children,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="sd-entity-alert" role="alert">
      <CircleAlert aria-hidden="true" size={16} />
      <div>
        <p>
          <strong>{title}</strong> {message}
        </p>
        {children}
        {onRetry && (
          <button type="button" className="sd-button sd-button-small" onClick={onRetry}>
            <RotateCw aria-hidden="true" size={14} /> Try again
          </button>
        )}
      </div>
    </div>
  );
}
