import type { TemplateId } from '../api/contract';
import { cafeVisitTemplate } from './cafe-visit';
import { onlineStoreTemplate } from './online-store';
import { saasTrialTemplate } from './saas-trial';
import { supportCaseTemplate } from './support-case';
import { buildFromSpec, type JourneyContent, type TemplateSpec } from './template';

export type { JourneyContent, TemplateSpec } from './template';

/** Every template but the blank map: complete journeys to start a workshop from. */
export type WorkshopTemplateId = Exclude<TemplateId, 'blank'>;

const BLANK_NAME = 'Untitled journey';

/** A blank map still gets the five classic stages and four lanes. */
const blankTemplate: TemplateSpec = {
  name: BLANK_NAME,
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
};

/** The workshop templates in the order the chooser shows them. */
const WORKSHOP_TEMPLATES: Record<WorkshopTemplateId, TemplateSpec> = {
  'online-store': onlineStoreTemplate,
  'saas-trial': saasTrialTemplate,
  'support-case': supportCaseTemplate,
  'cafe-visit': cafeVisitTemplate,
};

const SPECS: Record<TemplateId, TemplateSpec> = { blank: blankTemplate, ...WORKSHOP_TEMPLATES };

export const TEMPLATE_NAMES = Object.fromEntries(
  Object.entries(SPECS).map(([id, spec]) => [id, spec.name]),
) as Record<TemplateId, string>;

export interface TemplateCatalogueEntry {
  id: WorkshopTemplateId;
  name: string;
  description: string;
  /** Counted from the template itself, so the chooser never disagrees with the map it creates. */
  counts: { stages: number; departments: number; touchpoints: number; painPoints: number };
  /** The persona the journey is told for, e.g. "Maya, 34, buys gifts online". */
  persona: string;
  /** Lane colours, top to bottom, for a small preview. */
  laneColours: string[];
  /** Touchpoints per cell, lane by lane then stage by stage, for the same preview. */
  cells: number[][];
}

function catalogueEntry(id: WorkshopTemplateId, spec: TemplateSpec): TemplateCatalogueEntry {
  const persona = spec.personas[0];
  return {
    id,
    name: spec.name,
    description: spec.description,
    counts: {
      stages: spec.stages.length,
      departments: spec.departments.length,
      touchpoints: spec.touchpoints.length,
      painPoints: spec.painPoints.length,
    },
    persona: persona ? `${persona.name}, ${persona.role}` : '',
    laneColours: spec.departments.map((d) => d.colour),
    cells: spec.departments.map((d) =>
      spec.stages.map(
        (s) => spec.touchpoints.filter((t) => t.department === d.key && t.stage === s.key).length,
      ),
    ),
  };
}

/** What the "New from template" chooser lists. */
export const TEMPLATE_CATALOGUE: readonly TemplateCatalogueEntry[] = (
  Object.entries(WORKSHOP_TEMPLATES) as [WorkshopTemplateId, TemplateSpec][]
).map(([id, spec]) => catalogueEntry(id, spec));

/** "5 stages · 15 touchpoints · 6 pain points" */
export function describeCounts(counts: TemplateCatalogueEntry['counts']): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    plural(counts.stages, 'stage'),
    plural(counts.touchpoints, 'touchpoint'),
    plural(counts.painPoints, 'pain point'),
  ].join(' · ');
}

/** The content a new map starts with. */
export function templateContent(
  template: TemplateId,
  newId: () => string,
): { name: string; description: string; content: JourneyContent } {
  const spec = SPECS[template];
  return { name: spec.name, description: spec.description, content: buildFromSpec(spec, newId) };
}
