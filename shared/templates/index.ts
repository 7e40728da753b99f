import type { TemplateId } from '../api/contract';
import { onlineStoreTemplate } from './online-store';
import { buildFromSpec, type JourneyContent } from './template';

export type { JourneyContent } from './template';

export const TEMPLATE_NAMES: Record<TemplateId, string> = {
  blank: 'Untitled journey',
  'online-store': onlineStoreTemplate.name,
};

/** The content a new map starts with. A blank map still gets the five classic stages and lanes. */
export function templateContent(
  template: TemplateId,
  newId: () => string,
): { name: string; description: string; content: JourneyContent } {
  if (template === 'online-store') {
    return {
      name: onlineStoreTemplate.name,
      description: onlineStoreTemplate.description,
      content: buildFromSpec(onlineStoreTemplate, newId),
    };
  }
  return {
    name: TEMPLATE_NAMES.blank,
    description: '',
    content: buildFromSpec(
      {
        name: TEMPLATE_NAMES.blank,
        description: '',
        stages: [
          { key: 'awareness', name: 'Awareness', goal: '' },
          { key: 'consideration', name: 'Consideration', goal: '' },
          { key: 'decision', name: 'Decision', goal: '' },
          { key: 'retention', name: 'Retention', goal: '' },
          { key: 'advocacy', name: 'Advocacy', goal: '' },
        ],
        departments: [
          { key: 'marketing', name: 'Marketing', colour: '#7c3aed' },
          { key: 'sales', name: 'Sales', colour: '#0369a1' },
          { key: 'product', name: 'Product', colour: '#047857' },
          { key: 'service', name: 'Customer Service', colour: '#c2410c' },
        ],
        touchpoints: [],
        painPoints: [],
        flow: [],
        personas: [],
      },
      newId,
    ),
  };
}
