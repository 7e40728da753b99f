import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { describeIssues } from '../../shared/api/dispatch';
import { AppError } from '../../shared/api/result';
import { Name, type JourneyDocument } from '../../shared/domain/journey';
import {
  SnapshotContent,
  beforeRestoringName,
  type SnapshotSummary,
  type SnapshotWithDocument,
} from '../../shared/domain/snapshot';
import type { AppliedChangeSet, JourneyRepository } from './journey-repository';

/**
 * Named snapshots of journey maps. A snapshot stores the map's content as one JSON document
 * (validated with the domain schema whenever it is read back) plus the columns the list needs, so
 * listing never parses content. Restoring replaces the map's content through the journey
 * repository, in the same transaction that first snapshots the map as it stands.
 */

export interface SnapshotRow {
  id: string;
  journey_id: string;
  name: string;
  created_at: string;
  revision: number;
  touchpoint_count: number;
  content: string;
}

type SnapshotSummaryRow = Omit<SnapshotRow, 'content'>;

export interface RestoredSnapshot extends AppliedChangeSet {
  /** The snapshot of the map as it was just before the restore. */
  before: SnapshotSummary;
}

export interface SnapshotRepositoryOptions {
  now?: () => Date;
  newId?: () => string;
}

const SUMMARY_COLUMNS = 'id, journey_id, name, created_at, revision, touchpoint_count';

function prepareStatements(db: Database.Database) {
  return {
    journeyExists: db.prepare<[string], number>('SELECT 1 FROM journeys WHERE id = ?').pluck(),
    insert: db.prepare<SnapshotRow>(
      `INSERT INTO snapshots (id, journey_id, name, created_at, revision, touchpoint_count, content)
       VALUES (@id, @journey_id, @name, @created_at, @revision, @touchpoint_count, @content)`,
    ),
    listOf: db.prepare<[string], SnapshotSummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM snapshots WHERE journey_id = ?
       ORDER BY created_at DESC, rowid DESC`,
    ),
    byId: db.prepare<[string], SnapshotRow>('SELECT * FROM snapshots WHERE id = ?'),
    summaryById: db.prepare<[string], SnapshotSummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM snapshots WHERE id = ?`,
    ),
    delete: db.prepare<[string]>('DELETE FROM snapshots WHERE id = ?'),
  };
}

/** Rows → domain, in one place. */
function toSnapshotSummary(row: SnapshotSummaryRow): SnapshotSummary {
  return {
    id: row.id,
    journeyId: row.journey_id,
    name: row.name,
    createdAt: row.created_at,
    revision: row.revision,
    touchpointCount: row.touchpoint_count,
  };
}

/** The stored JSON, checked: a damaged row is a clear error, never a malformed map. */
function parseContent(row: SnapshotRow): SnapshotContent {
  const damaged = (why: string) =>
    new AppError(
      'internal',
      `The snapshot “${row.name}” ("${row.id}") is damaged in the library and cannot be read: ${why}.`,
    );
  let json: unknown;
  try {
    json = JSON.parse(row.content);
  } catch (error) {
    throw damaged(error instanceof Error ? error.message : String(error));
  }
  const parsed = SnapshotContent.safeParse(json);
  if (!parsed.success) throw damaged(describeIssues(parsed.error));
  return parsed.data;
}

function toDocument(row: SnapshotRow, content: SnapshotContent): JourneyDocument {
  const { name, description, ...graph } = content;
  return {
    journey: {
      id: row.journey_id,
      name,
      description,
      createdAt: row.created_at,
      updatedAt: row.created_at,
      revision: row.revision,
      touchpointCount: row.touchpoint_count,
    },
    ...graph,
  };
}

export class SnapshotRepository {
  private readonly db: Database.Database;
  private readonly journeys: JourneyRepository;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(db: Database.Database, journeys: JourneyRepository, options: SnapshotRepositoryOptions = {}) {
    this.db = db;
    this.journeys = journeys;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    this.statements = prepareStatements(db);
  }

  /** A map's snapshots, newest first. */
  list(journeyId: string): SnapshotSummary[] {
    if (this.statements.journeyExists.get(journeyId) === undefined) throw journeyNotFound(journeyId);
    return this.statements.listOf.all(journeyId).map(toSnapshotSummary);
  }

  /** Snapshots the map as it is stored now. */
  create(journeyId: string, name: string): SnapshotSummary {
    const validName = parseName(name);
    return this.db
      .transaction(() => this.insertSnapshot(this.journeys.get(journeyId), validName))
      .immediate();
  }

  get(snapshotId: string): SnapshotWithDocument {
    const row = this.row(snapshotId);
    return { snapshot: toSnapshotSummary(row), document: toDocument(row, parseContent(row)) };
  }

  /**
   * Puts the map back as the snapshot has it, in one transaction: first a snapshot of the map as it
   * stands ("Before restoring …"), then its content, name and description replaced, and its
   * revision bumped. Refused with `conflict`, changing nothing, if the map has moved past
   * `baseRevision`.
   */
  restore(snapshotId: string, baseRevision: number): RestoredSnapshot {
    return this.db
      .transaction((): RestoredSnapshot => {
        const row = this.row(snapshotId);
        const content = parseContent(row);
        this.journeys.expectRevision(row.journey_id, baseRevision, 'nothing was restored');
        const before = this.insertSnapshot(this.journeys.get(row.journey_id), beforeRestoringName(row.name));
        const { name, description, ...graph } = content;
        const applied = this.journeys.replaceContent(row.journey_id, baseRevision, {
          name,
          description,
          content: graph,
        });
        return { ...applied, before };
      })
      .immediate();
  }

  delete(snapshotId: string): void {
    const { changes } = this.statements.delete.run(snapshotId);
    if (changes === 0) throw snapshotNotFound(snapshotId);
  }

  // -------------------------------------------------------------------------------------------

  private insertSnapshot(doc: JourneyDocument, name: string): SnapshotSummary {
    const { journey, stages, departments, nodes, edges, personas } = doc;
    const content: SnapshotContent = {
      name: journey.name,
      description: journey.description,
      stages,
      departments,
      nodes,
      edges,
      personas,
    };
    const id = this.newId();
    this.statements.insert.run({
      id,
      journey_id: journey.id,
      name,
      created_at: this.now().toISOString(),
      revision: journey.revision,
      touchpoint_count: nodes.filter((node) => node.kind === 'touchpoint').length,
      content: JSON.stringify(content),
    });
    const row = this.statements.summaryById.get(id);
    if (row === undefined) throw snapshotNotFound(id);
    return toSnapshotSummary(row);
  }

  private row(snapshotId: string): SnapshotRow {
    const row = this.statements.byId.get(snapshotId);
    if (row === undefined) throw snapshotNotFound(snapshotId);
    return row;
  }
}

function parseName(name: string): string {
  const parsed = Name.safeParse(name);
  if (!parsed.success) {
    throw new AppError('invalid-input', `Invalid snapshot name: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

function journeyNotFound(id: string): AppError {
  return new AppError('not-found', `No journey map with id "${id}".`);
}

function snapshotNotFound(id: string): AppError {
  return new AppError('not-found', `No snapshot with id "${id}".`);
}
