import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JourneyRepository } from '../../electron/db/journey-repository';
import type { JourneyDocument } from '../../shared/domain/journey';
import { templateContent, type WorkshopTemplateId } from '../../shared/templates';
import { openTempLibrary, type TempLibrary } from './temp-db';

/**
 * A temp library (temp-db.ts) holding one map made from a workshop template, the online store by
 * default: the set-up most repository, import and metrics tests start from.
 */
export interface TempMap extends TempLibrary {
  journeys: JourneyRepository;
  journeyId: string;
  /** The stored map as it is now. */
  doc(): JourneyDocument;
  /** The map's touchpoint ids by name. */
  touchpointIds(): Map<string, string>;
  /** Writes a file (an export to import, say) into the temp folder; returns its path. */
  write(name: string, content: string | Buffer): string;
}

export async function openTempMap(
  options: { template?: WorkshopTemplateId; newId?: () => string } = {},
): Promise<TempMap> {
  const library = await openTempLibrary();
  const newId = options.newId ?? randomUUID;
  const journeys = new JourneyRepository(library.db, { newId });
  const made = templateContent(options.template ?? 'online-store', newId);
  const { id: journeyId } = journeys.create({
    name: made.name,
    description: made.description,
    content: made.content,
  });
  const doc = () => journeys.get(journeyId);
  return {
    ...library,
    journeys,
    journeyId,
    doc,
    touchpointIds: () =>
      new Map(doc().nodes.flatMap((n) => (n.kind === 'touchpoint' ? [[n.name, n.id] as const] : []))),
    write: (name, content) => {
      const file = join(library.dir, name);
      writeFileSync(file, content);
      return file;
    },
  };
}
