import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { ImportMapping, type ImportPresetSummary } from '../../shared/import/mapping';

/**
 * Column mappings remembered per source (import_presets): saved under a name and the header
 * signature of the file, offered again when a file with the same header is imported.
 */

interface PresetRow {
  id: string;
  name: string;
  signature: string;
  mapping: string;
  updated_at: string;
}

function toPreset(row: PresetRow): ImportPresetSummary | null {
  try {
    const mapping = ImportMapping.safeParse(JSON.parse(row.mapping));
    if (!mapping.success) return null;
    return {
      id: row.id,
      name: row.name,
      signature: row.signature,
      mapping: mapping.data,
      updatedAt: row.updated_at,
    };
  } catch {
    return null;
  }
}

const present = (p: ImportPresetSummary | null): p is ImportPresetSummary => p !== null;

export function listPresets(db: Database.Database): ImportPresetSummary[] {
  return db
    .prepare<[], PresetRow>('SELECT * FROM import_presets ORDER BY updated_at DESC, rowid DESC')
    .all()
    .map(toPreset)
    .filter(present);
}

export function findPresetBySignature(db: Database.Database, signature: string): ImportPresetSummary | null {
  return (
    db
      .prepare<[string], PresetRow>(
        'SELECT * FROM import_presets WHERE signature = ? ORDER BY updated_at DESC, rowid DESC',
      )
      .all(signature)
      .map(toPreset)
      .find(present) ?? null
  );
}

/**
 * Saves a preset. A preset with the same name and signature is updated in place (saving again after
 * a change), so one source keeps one preset per name.
 */
export function savePreset(
  db: Database.Database,
  input: { name: string; signature: string; mapping: ImportMapping },
  options: { now?: () => Date; newId?: () => string } = {},
): ImportPresetSummary {
  const name = input.name.trim();
  if (name === '' || name.length > 200)
    throw new AppError('invalid-input', 'A preset needs a name of 1–200 characters.');
  const at = (options.now ?? (() => new Date()))().toISOString();
  const mapping = JSON.stringify(input.mapping);
  return db
    .transaction((): ImportPresetSummary => {
      const existing = db
        .prepare<[string, string], string>('SELECT id FROM import_presets WHERE name = ? AND signature = ?')
        .pluck()
        .get(name, input.signature);
      const id = existing ?? (options.newId ?? randomUUID)();
      if (existing)
        db.prepare('UPDATE import_presets SET mapping = ?, updated_at = ? WHERE id = ?').run(mapping, at, id);
      else
        db.prepare(
          'INSERT INTO import_presets (id, name, signature, mapping, updated_at) VALUES (?, ?, ?, ?, ?)',
        ).run(id, name, input.signature, mapping, at);
      return { id, name, signature: input.signature, mapping: input.mapping, updatedAt: at };
    })
    .immediate();
}

export function deletePreset(db: Database.Database, id: string): void {
  const { changes } = db.prepare('DELETE FROM import_presets WHERE id = ?').run(id);
  if (changes === 0) throw new AppError('not-found', `No import preset with id "${id}".`);
}
