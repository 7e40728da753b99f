import type { Handlers } from '../../../shared/api/dispatch';
import { templateContent, TEMPLATE_NAMES } from '../../../shared/templates';
import type { JourneyRepository } from '../../db/journey-repository';

type JourneyHandlers = Pick<
  Handlers,
  | 'journeys.list'
  | 'journeys.outlines'
  | 'journeys.get'
  | 'journeys.create'
  | 'journeys.rename'
  | 'journeys.duplicate'
  | 'journeys.delete'
  | 'journeys.applyChanges'
>;

export interface JourneyHandlerDeps {
  journeys: JourneyRepository;
  newId: () => string;
}

/** The journey domain's handlers: arguments arrive validated by the dispatcher. */
export function journeyHandlers({ journeys, newId }: JourneyHandlerDeps): JourneyHandlers {
  return {
    'journeys.list': () => journeys.list(),
    'journeys.outlines': () => journeys.outlines(),
    'journeys.get': ({ id }) => journeys.get(id),
    'journeys.create': ({ name, template }) => {
      const made = templateContent(template, newId);
      return journeys.create({
        name: name ?? (template === 'blank' ? TEMPLATE_NAMES.blank : made.name),
        description: made.description,
        content: made.content,
      });
    },
    'journeys.rename': ({ id, name }) => journeys.rename(id, name),
    'journeys.duplicate': ({ id, name }) => {
      const source = journeys.get(id).journey;
      return journeys.duplicate(id, name ?? `${source.name} (copy)`);
    },
    'journeys.delete': ({ id }) => {
      journeys.delete(id);
      return { id };
    },
    'journeys.applyChanges': (changeSet) => journeys.applyChanges(changeSet),
  };
}
