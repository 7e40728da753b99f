import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { describeIssues } from '../../shared/api/dispatch';
import { AppError } from '../../shared/api/result';
import type { Change, ChangeSet } from '../../shared/domain/change-set';
import {
  JourneyContent,
  Name,
  type FlowEdge,
  type MapNode,
  type JourneyDocument,
  type JourneySummary,
} from '../../shared/domain/journey';
import {
  DEPARTMENT_COLUMNS,
  EDGE_COLUMNS,
  JOURNEY_COLUMNS,
  NOTE_COLUMNS,
  OPPORTUNITY_COLUMNS,
  PAINPOINT_COLUMNS,
  PERSONA_COLUMNS,
  STAGE_COLUMNS,
  TOUCHPOINT_COLUMNS,
  departmentToRow,
  edgeToRow,
  nodeToRow,
  personaToRow,
  stageToRow,
  toDepartment,
  toEdge,
  toJourneySummary,
  toNode,
  toPersona,
  toStage,
  type ColumnMap,
  type ColumnSpec,
  type DepartmentRow,
  type EdgeRow,
  type JourneyRow,
  type JourneySummaryRow,
  type NodeRow,
  type PersonaRow,
  type SqlValue,
  type StageRow,
} from './journey-rows';
import { readJourneyOutlines } from './journey-outlines';
import type { JourneyOutline } from '../../shared/domain/outline';

/**
 * Journey maps in the library database. Statements are prepared once; writes are incremental
 * (one change, one row) and every change set is one transaction checked against the revision the
 * renderer based it on. Arguments are expected to have passed the API's zod schemas already; what
 * only the database can know (does this id exist, in this journey?) is checked here.
 */

/** A map's content without its journey row (what templates produce and `create` stores). */
export type { JourneyContent };

export interface CreateJourneyInput {
  name: string;
  description?: string;
  /** Ids are chosen by the caller and must be unused in the library. */
  content?: JourneyContent;
}

/** What `replaceContent` writes: a whole map's content with the journey's name and description. */
export interface ReplacementContent {
  name: string;
  description: string;
  content: JourneyContent;
}

export interface AppliedChangeSet {
  revision: number;
  updatedAt: string;
}

export interface JourneyRepositoryOptions {
  /** Clock for created_at / updated_at (tests inject a fake one). */
  now?: () => Date;
  /** Id generator for new journeys and for the entities of a duplicate. */
  newId?: () => string;
}

const Description = z.string().max(5000, 'at most 5000 characters');

type ChildTable = 'stages' | 'departments' | 'nodes' | 'edges' | 'personas';
type UpdatableTable = ChildTable | 'journeys';

const ENTITY_NAME: Record<ChildTable, string> = {
  stages: 'stage',
  departments: 'department',
  nodes: 'node',
  edges: 'edge',
  personas: 'persona',
};

const SUMMARY_COLUMNS = `j.id, j.name, j.description, j.created_at, j.updated_at, j.revision,
  (SELECT count(*) FROM nodes n WHERE n.journey_id = j.id AND n.kind = 'touchpoint') AS touchpoint_count`;

function prepareStatements(db: Database.Database) {
  const deleteFrom = (table: ChildTable) =>
    db.prepare<[string, string]>(`DELETE FROM ${table} WHERE id = ? AND journey_id = ?`);
  const existsIn = (table: ChildTable) =>
    db.prepare<[string, string], number>(`SELECT 1 FROM ${table} WHERE id = ? AND journey_id = ?`).pluck();
  const deleteAllOf = (table: ChildTable) =>
    db.prepare<[string]>(`DELETE FROM ${table} WHERE journey_id = ?`);
  const takenIn = (table: ChildTable) =>
    db.prepare<[string], number>(`SELECT 1 FROM ${table} WHERE id = ?`).pluck();
  return {
    listSummaries: db.prepare<[], JourneySummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM journeys j ORDER BY j.updated_at DESC, j.created_at DESC, j.id`,
    ),
    summaryById: db.prepare<[string], JourneySummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM journeys j WHERE j.id = ?`,
    ),
    revisionOf: db.prepare<[string], number>('SELECT revision FROM journeys WHERE id = ?').pluck(),
    insertJourney: db.prepare<JourneyRow>(
      `INSERT INTO journeys (id, name, description, created_at, updated_at, revision)
       VALUES (@id, @name, @description, @created_at, @updated_at, @revision)`,
    ),
    renameJourney: db.prepare<[string, string, string]>(
      'UPDATE journeys SET name = ?, revision = revision + 1, updated_at = ? WHERE id = ?',
    ),
    bumpRevision: db
      .prepare<[string, string], number>(
        'UPDATE journeys SET revision = revision + 1, updated_at = ? WHERE id = ? RETURNING revision',
      )
      .pluck(),
    deleteJourney: db.prepare<[string]>('DELETE FROM journeys WHERE id = ?'),

    stagesOf: db.prepare<[string], StageRow>('SELECT * FROM stages WHERE journey_id = ? ORDER BY ord, rowid'),
    departmentsOf: db.prepare<[string], DepartmentRow>(
      'SELECT * FROM departments WHERE journey_id = ? ORDER BY ord, rowid',
    ),
    nodesOf: db.prepare<[string], NodeRow>('SELECT * FROM nodes WHERE journey_id = ? ORDER BY rowid'),
    edgesOf: db.prepare<[string], EdgeRow>('SELECT * FROM edges WHERE journey_id = ? ORDER BY rowid'),
    personasOf: db.prepare<[string], PersonaRow>(
      'SELECT * FROM personas WHERE journey_id = ? ORDER BY ord, rowid',
    ),

    insertStage: db.prepare<StageRow>(
      `INSERT INTO stages (id, journey_id, name, goal, width, ord)
       VALUES (@id, @journey_id, @name, @goal, @width, @ord)`,
    ),
    insertDepartment: db.prepare<DepartmentRow>(
      `INSERT INTO departments (id, journey_id, name, colour, height, ord)
       VALUES (@id, @journey_id, @name, @colour, @height, @ord)`,
    ),
    insertNode: db.prepare<NodeRow>(
      `INSERT INTO nodes (id, journey_id, kind, x, y, stage_id, department_id, name, description,
         channel, mode, emotion, frontstage, supporting_department_ids, metric_key, persona_ids,
         severity, evidence, status, votes, owner_department_id, note_text, note_colour)
       VALUES (@id, @journey_id, @kind, @x, @y, @stage_id, @department_id, @name, @description,
         @channel, @mode, @emotion, @frontstage, @supporting_department_ids, @metric_key, @persona_ids,
         @severity, @evidence, @status, @votes, @owner_department_id, @note_text, @note_colour)`,
    ),
    insertEdge: db.prepare<EdgeRow>(
      `INSERT INTO edges (id, journey_id, kind, source_id, target_id, label)
       VALUES (@id, @journey_id, @kind, @source_id, @target_id, @label)`,
    ),
    insertPersona: db.prepare<PersonaRow>(
      `INSERT INTO personas (id, journey_id, name, role, goals, frustrations, quote, ord)
       VALUES (@id, @journey_id, @name, @role, @goals, @frustrations, @quote, @ord)`,
    ),

    deleteRow: {
      stages: deleteFrom('stages'),
      departments: deleteFrom('departments'),
      nodes: deleteFrom('nodes'),
      edges: deleteFrom('edges'),
      personas: deleteFrom('personas'),
    } satisfies Record<ChildTable, unknown>,
    exists: {
      stages: existsIn('stages'),
      departments: existsIn('departments'),
      nodes: existsIn('nodes'),
      edges: existsIn('edges'),
      personas: existsIn('personas'),
    } satisfies Record<ChildTable, unknown>,
    // Children first: edges refer to nodes, nodes to stages, departments and personas.
    deleteAllOf: [
      deleteAllOf('edges'),
      deleteAllOf('nodes'),
      deleteAllOf('stages'),
      deleteAllOf('departments'),
      deleteAllOf('personas'),
    ],
    taken: {
      stages: takenIn('stages'),
      departments: takenIn('departments'),
      nodes: takenIn('nodes'),
      edges: takenIn('edges'),
      personas: takenIn('personas'),
    } satisfies Record<ChildTable, unknown>,
    setJourneyText: db.prepare<[string, string, string]>(
      'UPDATE journeys SET name = ?, description = ? WHERE id = ?',
    ),
    nodeKind: db
      .prepare<[string, string], string>('SELECT kind FROM nodes WHERE id = ? AND journey_id = ?')
      .pluck(),

    // Id lists live in JSON columns that foreign keys cannot see; removing a department or a
    // persona strips it from them, the way ON DELETE SET NULL clears department_id. Only rows
    // that actually contain the id are rewritten.
    stripSupportingDepartment: db.prepare<{ id: string; journeyId: string }>(
      `UPDATE nodes SET supporting_department_ids = (
         SELECT json_group_array(value ORDER BY key) FROM json_each(nodes.supporting_department_ids)
         WHERE value <> @id)
       WHERE journey_id = @journeyId AND kind = 'touchpoint'
         AND EXISTS (SELECT 1 FROM json_each(nodes.supporting_department_ids) WHERE value = @id)`,
    ),
    stripPersona: db.prepare<{ id: string; journeyId: string }>(
      `UPDATE nodes SET persona_ids = (
         SELECT json_group_array(value ORDER BY key) FROM json_each(nodes.persona_ids) WHERE value <> @id)
       WHERE journey_id = @journeyId AND kind = 'touchpoint'
         AND EXISTS (SELECT 1 FROM json_each(nodes.persona_ids) WHERE value = @id)`,
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** Node fields that point at other rows of the same journey. */
interface NodeReferences {
  stageId?: string | null | undefined;
  departmentId?: string | null | undefined;
  supportingDepartmentIds?: readonly string[] | undefined;
  personaIds?: readonly string[] | undefined;
  ownerDepartmentId?: string | null | undefined;
}

export class JourneyRepository {
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly statements: Statements;
  /** Partial-update statements, one per (table, set of columns), prepared on first use. */
  private readonly updateStatements = new Map<string, Database.Statement<SqlValue[]>>();

  constructor(db: Database.Database, options: JourneyRepositoryOptions = {}) {
    this.db = db;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    this.statements = prepareStatements(db);
  }

  /** Every map, most recently edited first. */
  list(): JourneySummary[] {
    return this.statements.listSummaries.all().map(toJourneySummary);
  }

  /** Every map's geometry for the library's thumbnails, in one read (journey-outlines.ts). */
  outlines(): JourneyOutline[] {
    return this.db.transaction(() => readJourneyOutlines(this.db))();
  }

  get(id: string): JourneyDocument {
    // One read transaction, so the parts come from the same snapshot even if another connection
    // writes in between.
    return this.db.transaction(() => this.readDocument(id))();
  }

  create(input: CreateJourneyInput): JourneySummary {
    const name = parseInput(Name, input.name, 'name');
    const description = parseInput(Description, input.description ?? '', 'description');
    const content =
      input.content === undefined ? undefined : parseInput(JourneyContent, input.content, 'content');
    const id = this.newId();
    const at = this.timestamp();
    this.db
      .transaction(() => {
        this.statements.insertJourney.run({
          id,
          name,
          description,
          created_at: at,
          updated_at: at,
          revision: 0,
        });
        if (content) this.insertContent(id, content);
      })
      .immediate();
    return this.summary(id);
  }

  rename(id: string, name: string): JourneySummary {
    const validName = parseInput(Name, name, 'name');
    const { changes } = this.statements.renameJourney.run(validName, this.timestamp(), id);
    if (changes === 0) throw journeyNotFound(id);
    return this.summary(id);
  }

  /**
   * A deep copy under new ids. Every reference inside the copy (stage, department, supporting
   * departments, personas, edge ends) is remapped, so the copy never points into the original.
   */
  duplicate(id: string, newName: string): JourneySummary {
    const name = parseInput(Name, newName, 'name');
    const copyId = this.newId();
    const at = this.timestamp();
    this.db
      .transaction(() => {
        const source = this.readDocument(id);
        const content = remapContent(source, id, () => this.newId());
        this.statements.insertJourney.run({
          id: copyId,
          name,
          description: source.journey.description,
          created_at: at,
          updated_at: at,
          revision: 0,
        });
        this.insertContent(copyId, content);
      })
      .immediate();
    return this.summary(copyId);
  }

  /** Deletes a map and, through ON DELETE CASCADE, everything in it. */
  delete(id: string): void {
    const { changes } = this.statements.deleteJourney.run(id);
    if (changes === 0) throw journeyNotFound(id);
  }

  /**
   * Applies an ordered change set in one transaction: all of it or none of it. Refused with
   * `conflict` if the map has moved past `baseRevision` (another window or a lost response), so a
   * stale editor can never overwrite newer work.
   */
  applyChanges(changeSet: ChangeSet): AppliedChangeSet {
    return this.db
      .transaction((): AppliedChangeSet => {
        const { journeyId, baseRevision, changes } = changeSet;
        this.expectRevision(journeyId, baseRevision);
        changes.forEach((change, index) => {
          const where = describeChange(change, index);
          try {
            this.applyChange(journeyId, change, where);
          } catch (error) {
            throw asInputError(error, where);
          }
        });
        const updatedAt = this.timestamp();
        const revision = this.statements.bumpRevision.get(updatedAt, journeyId);
        if (revision === undefined) throw journeyNotFound(journeyId);
        return { revision, updatedAt };
      })
      .immediate();
  }

  /**
   * Replaces a map's whole content, name and description in one transaction (restoring a
   * snapshot), checked against `baseRevision` like a change set, and bumps the revision. The
   * content keeps its ids where it can: they were this map's, and the map's current rows are
   * deleted first. Ids are unique across the library, though, and an id this map dropped may since
   * have been taken by another map; such an id (and every reference to it) gets a fresh one.
   */
  replaceContent(journeyId: string, baseRevision: number, replacement: ReplacementContent): AppliedChangeSet {
    const name = parseInput(Name, replacement.name, 'name');
    const description = parseInput(Description, replacement.description, 'description');
    const content = parseInput(JourneyContent, replacement.content, 'content');
    return this.db
      .transaction((): AppliedChangeSet => {
        this.expectRevision(journeyId, baseRevision, 'nothing was restored');
        for (const statement of this.statements.deleteAllOf) statement.run(journeyId);
        const taken = new Set<string>();
        const check = (table: ChildTable, items: readonly { id: string }[]) => {
          for (const item of items) {
            if (this.statements.taken[table].get(item.id) !== undefined) taken.add(item.id);
          }
        };
        check('stages', content.stages);
        check('departments', content.departments);
        check('personas', content.personas);
        check('nodes', content.nodes);
        check('edges', content.edges);
        const kept =
          taken.size === 0
            ? content
            : remapContent(content, journeyId, (oldId) => (taken.has(oldId) ? this.newId() : oldId));
        this.insertContent(journeyId, kept);
        this.statements.setJourneyText.run(name, description, journeyId);
        const updatedAt = this.timestamp();
        const revision = this.statements.bumpRevision.get(updatedAt, journeyId);
        if (revision === undefined) throw journeyNotFound(journeyId);
        return { revision, updatedAt };
      })
      .immediate();
  }

  /** Throws not-found or conflict unless the map exists at exactly `baseRevision`. */
  expectRevision(journeyId: string, baseRevision: number, consequence = 'nothing was saved'): void {
    const current = this.statements.revisionOf.get(journeyId);
    if (current === undefined) throw journeyNotFound(journeyId);
    if (current !== baseRevision) {
      throw new AppError(
        'conflict',
        `Journey map "${journeyId}" has changed since revision ${baseRevision} (it is now at ` +
          `revision ${current}); ${consequence}. Reload the map and try again.`,
      );
    }
  }

  // -------------------------------------------------------------------------------------------

  private applyChange(journeyId: string, change: Change, where: string): void {
    switch (change.op) {
      case 'stage.add':
        this.statements.insertStage.run(stageToRow(change.value, journeyId));
        return;
      case 'stage.update':
        this.update('stages', STAGE_COLUMNS, change.fields, change.id, journeyId, where);
        return;
      case 'stage.remove':
        this.remove('stages', change.id, journeyId, where);
        return;

      case 'department.add':
        this.statements.insertDepartment.run(departmentToRow(change.value, journeyId));
        return;
      case 'department.update':
        this.update('departments', DEPARTMENT_COLUMNS, change.fields, change.id, journeyId, where);
        return;
      case 'department.remove':
        this.remove('departments', change.id, journeyId, where);
        this.statements.stripSupportingDepartment.run({ id: change.id, journeyId });
        return;

      case 'node.add':
        this.addNode(journeyId, change.value, where);
        return;
      case 'touchpoint.update':
        this.expectNodeKind(journeyId, change.id, 'touchpoint', where);
        this.checkNodeReferences(journeyId, change.fields, where);
        this.update('nodes', TOUCHPOINT_COLUMNS, change.fields, change.id, journeyId, where);
        return;
      case 'painpoint.update':
        this.expectNodeKind(journeyId, change.id, 'painpoint', where);
        this.checkNodeReferences(journeyId, change.fields, where);
        this.update('nodes', PAINPOINT_COLUMNS, change.fields, change.id, journeyId, where);
        return;
      case 'opportunity.update':
        this.expectNodeKind(journeyId, change.id, 'opportunity', where);
        this.checkNodeReferences(journeyId, change.fields, where);
        this.update('nodes', OPPORTUNITY_COLUMNS, change.fields, change.id, journeyId, where);
        return;
      case 'note.update':
        this.expectNodeKind(journeyId, change.id, 'note', where);
        this.checkNodeReferences(journeyId, change.fields, where);
        this.update('nodes', NOTE_COLUMNS, change.fields, change.id, journeyId, where);
        return;
      case 'node.remove':
        // Edges to and from it go with it (ON DELETE CASCADE).
        this.remove('nodes', change.id, journeyId, where);
        return;

      case 'edge.add':
        this.addEdge(journeyId, change.value, where);
        return;
      case 'edge.update':
        if (change.fields.sourceId !== undefined)
          this.expectNode(journeyId, change.fields.sourceId, 'sourceId', where);
        if (change.fields.targetId !== undefined)
          this.expectNode(journeyId, change.fields.targetId, 'targetId', where);
        this.update('edges', EDGE_COLUMNS, change.fields, change.id, journeyId, where);
        return;
      case 'edge.remove':
        this.remove('edges', change.id, journeyId, where);
        return;

      case 'persona.add':
        this.statements.insertPersona.run(personaToRow(change.value, journeyId));
        return;
      case 'persona.update':
        this.update('personas', PERSONA_COLUMNS, change.fields, change.id, journeyId, where);
        return;
      case 'persona.remove':
        this.remove('personas', change.id, journeyId, where);
        this.statements.stripPersona.run({ id: change.id, journeyId });
        return;

      case 'journey.update':
        this.update('journeys', JOURNEY_COLUMNS, change.fields, journeyId, null, where);
        return;

      default:
        return assertNever(change, where);
    }
  }

  /** Order matters: nodes refer to stages, departments and personas; edges refer to nodes. */
  private insertContent(journeyId: string, content: JourneyContent): void {
    const each = <T extends { id: string }>(
      items: readonly T[],
      what: string,
      insert: (item: T, where: string) => void,
    ) => {
      for (const item of items) {
        const where = `Content ${what} "${item.id}"`;
        try {
          insert(item, where);
        } catch (error) {
          throw asInputError(error, where);
        }
      }
    };
    each(content.stages, 'stage', (stage) => this.statements.insertStage.run(stageToRow(stage, journeyId)));
    each(content.departments, 'department', (d) =>
      this.statements.insertDepartment.run(departmentToRow(d, journeyId)),
    );
    each(content.personas, 'persona', (p) => this.statements.insertPersona.run(personaToRow(p, journeyId)));
    each(content.nodes, 'node', (node, where) => this.addNode(journeyId, node, where));
    each(content.edges, 'edge', (edge, where) => this.addEdge(journeyId, edge, where));
  }

  private addNode(journeyId: string, node: MapNode, where: string): void {
    this.checkNodeReferences(journeyId, node, where);
    this.statements.insertNode.run(nodeToRow(node, journeyId));
  }

  private addEdge(journeyId: string, edge: FlowEdge, where: string): void {
    this.expectNode(journeyId, edge.sourceId, 'sourceId', where);
    this.expectNode(journeyId, edge.targetId, 'targetId', where);
    this.statements.insertEdge.run(edgeToRow(edge, journeyId));
  }

  /**
   * Foreign keys only prove that a referenced row exists somewhere in the library; a node must
   * point at stages, lanes and personas of its own map.
   */
  private checkNodeReferences(journeyId: string, refs: NodeReferences, where: string): void {
    const expect = (table: ChildTable, id: string, field: string) => {
      if (this.statements.exists[table].get(id, journeyId) === undefined) {
        throw new AppError(
          'invalid-input',
          `${where}: ${field} "${id}" is not a ${ENTITY_NAME[table]} of this journey map.`,
        );
      }
    };
    if (refs.stageId != null) expect('stages', refs.stageId, 'stageId');
    if (refs.departmentId != null) expect('departments', refs.departmentId, 'departmentId');
    for (const id of refs.supportingDepartmentIds ?? []) expect('departments', id, 'supportingDepartmentIds');
    for (const id of refs.personaIds ?? []) expect('personas', id, 'personaIds');
    if (refs.ownerDepartmentId != null) expect('departments', refs.ownerDepartmentId, 'ownerDepartmentId');
  }

  private expectNode(journeyId: string, nodeId: string, field: string, where: string): void {
    if (this.statements.exists.nodes.get(nodeId, journeyId) === undefined) {
      throw new AppError(
        'invalid-input',
        `${where}: ${field} "${nodeId}" is not a node of this journey map.`,
      );
    }
  }

  private expectNodeKind(journeyId: string, nodeId: string, kind: MapNode['kind'], where: string): void {
    const actual = this.statements.nodeKind.get(nodeId, journeyId);
    if (actual === undefined) {
      throw new AppError(
        'not-found',
        `${where}: there is no node with this id in journey map "${journeyId}".`,
      );
    }
    if (actual !== kind) {
      throw new AppError('invalid-input', `${where}: node "${nodeId}" is a ${actual}, not a ${kind}.`);
    }
  }

  private remove(table: ChildTable, id: string, journeyId: string, where: string): void {
    const { changes } = this.statements.deleteRow[table].run(id, journeyId);
    if (changes === 0) {
      throw new AppError(
        'not-found',
        `${where}: there is no ${ENTITY_NAME[table]} with this id in journey map "${journeyId}".`,
      );
    }
  }

  /**
   * `UPDATE <table> SET <only the given columns> WHERE id = ? [AND journey_id = ?]`. Table and
   * column names come from the fixed maps in journey-rows.ts, never from the caller; values are
   * bound. Statements are cached per column set, so a drag that sends {x, y} reuses one statement.
   */
  private update<T extends object>(
    table: UpdatableTable,
    columns: ColumnMap<T>,
    fields: T,
    id: string,
    journeyId: string | null,
    where: string,
  ): void {
    const specs: Readonly<Record<string, ColumnSpec<unknown>>> = columns;
    // Own enumerable fields only: a `__proto__` key from JSON is an unknown field, not a prototype.
    const given: ReadonlyMap<string, unknown> = new Map(Object.entries(fields));
    for (const field of given.keys()) {
      if (!Object.hasOwn(specs, field)) {
        throw new AppError('invalid-input', `${where}: "${field}" is not a field that can be updated.`);
      }
    }
    const names: string[] = [];
    const values: SqlValue[] = [];
    // Iterate the map, not the input, so one set of fields always yields the same statement text.
    for (const [field, spec] of Object.entries(specs)) {
      const value = given.get(field);
      if (value === undefined) continue;
      names.push(spec.column);
      values.push(spec.encode(value));
    }
    if (names.length === 0) {
      throw new AppError('invalid-input', `${where}: an update must change at least one field.`);
    }

    const key = `${table}:${names.join(',')}`;
    let statement = this.updateStatements.get(key);
    if (statement === undefined) {
      const scope = journeyId === null ? '' : ' AND journey_id = ?';
      statement = this.db.prepare<SqlValue[]>(
        `UPDATE ${table} SET ${names.map((name) => `${name} = ?`).join(', ')} WHERE id = ?${scope}`,
      );
      this.updateStatements.set(key, statement);
    }
    const { changes } =
      journeyId === null ? statement.run(...values, id) : statement.run(...values, id, journeyId);
    if (changes === 0) {
      if (table === 'journeys') throw journeyNotFound(id);
      throw new AppError(
        'not-found',
        `${where}: there is no ${ENTITY_NAME[table]} with this id in journey map "${journeyId}".`,
      );
    }
  }

  private readDocument(id: string): JourneyDocument {
    const journey = this.statements.summaryById.get(id);
    if (journey === undefined) throw journeyNotFound(id);
    return {
      journey: toJourneySummary(journey),
      stages: this.statements.stagesOf.all(id).map(toStage),
      departments: this.statements.departmentsOf.all(id).map(toDepartment),
      nodes: this.statements.nodesOf.all(id).map(toNode),
      edges: this.statements.edgesOf.all(id).map(toEdge),
      personas: this.statements.personasOf.all(id).map(toPersona),
    };
  }

  private summary(id: string): JourneySummary {
    const row = this.statements.summaryById.get(id);
    if (row === undefined) throw journeyNotFound(id);
    return toJourneySummary(row);
  }

  private timestamp(): string {
    return this.now().toISOString();
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * The content with every id passed through `idFor` (called once per entity) and every reference
 * inside it (stage, department, supporting departments, personas, edge ends) remapped to match.
 */
function remapContent(
  content: JourneyContent,
  journeyId: string,
  idFor: (oldId: string) => string,
): JourneyContent {
  const ids = new Map<string, string>();
  const fresh = (oldId: string): string => {
    const newId = idFor(oldId);
    ids.set(oldId, newId);
    return newId;
  };
  const mapped = (oldId: string): string => {
    const newId = ids.get(oldId);
    if (newId === undefined) {
      throw new AppError(
        'internal',
        `Journey map "${journeyId}" refers to "${oldId}", which it does not contain.`,
      );
    }
    return newId;
  };
  const mappedOrNull = (oldId: string | null) => (oldId === null ? null : mapped(oldId));

  const stages = content.stages.map((stage) => ({ ...stage, id: fresh(stage.id) }));
  const departments = content.departments.map((d) => ({ ...d, id: fresh(d.id) }));
  const personas = content.personas.map((persona) => ({ ...persona, id: fresh(persona.id) }));
  const nodes = content.nodes.map((node): MapNode => {
    const base = {
      id: fresh(node.id),
      stageId: mappedOrNull(node.stageId),
      departmentId: mappedOrNull(node.departmentId),
    };
    if (node.kind === 'painpoint' || node.kind === 'note') return { ...node, ...base };
    if (node.kind === 'opportunity')
      return { ...node, ...base, ownerDepartmentId: mappedOrNull(node.ownerDepartmentId) };
    return {
      ...node,
      ...base,
      supportingDepartmentIds: node.supportingDepartmentIds.map(mapped),
      personaIds: node.personaIds.map(mapped),
    };
  });
  const edges = content.edges.map((edge) => ({
    ...edge,
    id: fresh(edge.id),
    sourceId: mapped(edge.sourceId),
    targetId: mapped(edge.targetId),
  }));
  return { stages, departments, personas, nodes, edges };
}

function journeyNotFound(id: string): AppError {
  return new AppError('not-found', `No journey map with id "${id}".`);
}

/** "Change 3 (node.remove "n9")": names the position, the operation and the id for messages. */
function describeChange(change: Change, index: number): string {
  const id = 'value' in change ? change.value.id : 'id' in change ? change.id : undefined;
  return `Change ${index + 1} (${change.op}${id === undefined ? '' : ` "${id}"`})`;
}

function parseInput<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('invalid-input', `Invalid ${field}: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * Constraint failures reach here only when input slipped past validation (a reused id, a value
 * outside a CHECK); they are the caller's mistake, so they become `invalid-input` naming the
 * change. Anything else stays as it is and is reported as internal by the dispatcher.
 */
function asInputError(error: unknown, where: string): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT')) {
    if (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      return new AppError('invalid-input', `${where}: this id is already used in the library.`);
    }
    if (error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      return new AppError('invalid-input', `${where}: it refers to an item that does not exist.`);
    }
    return new AppError('invalid-input', `${where}: the database refused a value (${error.message}).`);
  }
  return error;
}

function assertNever(change: never, where: string): never {
  throw new AppError('invalid-input', `${where}: unknown change operation ${JSON.stringify(change)}.`);
}
