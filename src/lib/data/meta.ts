import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { datasetMetaSchema, type DatasetMeta } from '../../schemas/dataset.ts';
import { clashingDownload, generatedFileNames, versionDir, type GeneratedDownload } from '../download/paths.ts';
import { META_FILE } from './paths.ts';
import { workbookColumns } from './workbook/columns.ts';
import { workbookSpecSchema } from '../../schemas/workbook.ts';
import type { Problem } from '../../schemas/problem.ts';


type Path = readonly PropertyKey[];
type Where = { line: number; column: number };

/**
 * A metadata file, parsed once by `yaml` into a document that gives both the values and,
 * when a problem must be located, the position of any node.
 */
export class YamlSource {
  readonly file: string;
  readonly value: unknown;
  readonly syntaxProblem: Problem | undefined;
  readonly #document: Document.Parsed;
  readonly #lines = new LineCounter();

  constructor(file: string, text: string) {
    this.file = file;
    this.#document = parseDocument(text, { lineCounter: this.#lines, prettyErrors: false });
    const [error] = this.#document.errors;
    if (error) {
      const { line, col } = this.#lines.linePos(error.pos[0]);
      this.syntaxProblem = {
        file,
        line,
        column: col,
        severity: 'error',
        message: `YAML: ${error.message.split('\n')[0] ?? error.code}`,
        hint: 'check indentation, and quote values that contain ":" or "#"',
      };
    }
    this.value = error ? undefined : this.#document.toJS();
  }

  has(key: string): boolean {
    return typeof this.value === 'object' && this.value !== null && Object.hasOwn(this.value, key);
  }

  /** Position of the deepest node on `path` that exists in this file. */
  locate(path: Path): Where {
    const document = this.#document;
    const lines = this.#lines;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return { line: 1, column: 1 };
  }

  /** Position of the key that ends `path` (an unknown field), else as `locate`. */
  locateKey(path: Path): Where {
    const document = this.#document;
    const lines = this.#lines;
    const parent = document.getIn(path.slice(0, -1) as unknown[], true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1));
      const range = isScalar(pair?.key) ? pair.key.range : undefined;
      if (range) {
        const { line, col } = lines.linePos(range[0]);
        return { line, column: col };
      }
    }
    return this.locate(path);
  }
}

export interface MetaResult {
  meta?: DatasetMeta;
  /** Folder the published file is read from (the base dataset's, for a view). */
  fileDir: string;
  problems: Problem[];
  /** Where a metadata value stands, for problems found later (columns, sums). */
  locate(path: Path): { file: string } & Where;
}

function loadYaml(dataRoot: string, id: string, displayRoot: string): YamlSource {
  return new YamlSource(`${displayRoot}/${id}/${META_FILE}`, readFileSync(join(dataRoot, id, META_FILE), 'utf8'));
}

/**
 * Reads `data/<id>/dataset.yaml`. A file with `basedOn: <other id>` is a view: it takes
 * every field of the other dataset's metadata that it does not set itself, and reads
 * that dataset's published file, so the file is stored once.
 */
export function readMeta(dataRoot: string, id: string, displayRoot = 'data'): MetaResult {
  const own = loadYaml(dataRoot, id, displayRoot);
  let base: YamlSource | undefined;
  let fileDir = join(dataRoot, id);
  const problems: Problem[] = own.syntaxProblem ? [own.syntaxProblem] : [];
  const locate = (path: Path) => {
    const source = base && path.length > 0 && !own.has(String(path[0])) ? base : own;
    return { file: source.file, ...source.locate(path) };
  };
  if (problems.length > 0) return { fileDir, problems, locate };
  if (typeof own.value !== 'object' || own.value === null || Array.isArray(own.value)) {
    problems.push({ file: own.file, line: 1, column: 1, severity: 'error', message: 'metadata must be a mapping of fields', hint: 'see README "Adding a dataset"' });
    return { fileDir, problems, locate };
  }
  let fields = own.value as Record<string, unknown>;

  if (fields.basedOn !== undefined) {
    const baseId = String(fields.basedOn);
    try {
      base = loadYaml(dataRoot, baseId, displayRoot);
    } catch {
      problems.push({ ...locate(['basedOn']), severity: 'error', message: 'basedOn names a dataset that does not exist', found: baseId, hint: `folders in ${displayRoot}/ are dataset ids` });
      return { fileDir, problems, locate };
    }
    if (base.syntaxProblem) return { fileDir, problems: [base.syntaxProblem], locate };
    fields = { ...(base.value as Record<string, unknown>), ...fields };
    fileDir = join(dataRoot, baseId);
  }

  // A workbook's tidy columns follow from its declaration; an editor writes one or the other.
  if (fields.workbook !== undefined) {
    if (fields.columns !== undefined) {
      problems.push({ ...locate(['columns']), severity: 'error', message: 'a workbook dataset has no columns: list; they follow from workbook:', hint: 'remove columns:, or remove workbook: for a CSV' });
      return { fileDir, problems, locate };
    }
    const spec = workbookSpecSchema.safeParse(fields.workbook);
    if (spec.success) fields = { ...fields, columns: workbookColumns(spec.data) };
  }
  const parsed = datasetMetaSchema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // zod reports an unknown field at the mapping holding it; point at the field itself.
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const source = base && !own.has(String(issue.path[0] ?? unknownKey)) ? base : own;
      const where = unknownKey === undefined ? locate(issue.path) : { file: source.file, ...source.locateKey([...issue.path, unknownKey]) };
      problems.push({
        ...where,
        severity: 'error',
        message: `${issue.path.join('.') || '(top level)'}: ${issue.message}`,
        ...hintForMetaIssue(issue.code, issue.path),
      });
    }
    return { fileDir, problems, locate };
  }
  const meta = parsed.data;
  if (meta.id !== id) {
    problems.push({ ...locate(['id']), severity: 'error', message: 'id differs from the folder name', expected: id, found: meta.id, hint: 'rename the folder or the id; ids appear in published URLs' });
  }
  // A view serves no published file of its own: its base's is served under the base.
  const clash = meta.basedOn === undefined ? clashingDownload(meta) : undefined;
  if (clash) {
    const dot = meta.file.lastIndexOf('.');
    const renamed = dot > 0 ? `${meta.file.slice(0, dot)}-published${meta.file.slice(dot)}` : `${meta.file}-published`;
    const generated = Object.values(generatedFileNames(meta));
    problems.push({
      ...locate(['file']),
      severity: 'error',
      message: `the published file would be served at ${versionDir(meta)}${clash.name}, the URL of the ${GENERATED_NAMES[clash.kind]} download, and replace it`,
      found: meta.file,
      hint: `rename the file and its file: line, e.g. to ${renamed}; every version generates ${generated.slice(0, -1).join(', ')} and ${generated.at(-1) ?? ''}`,
    });
  }
  return { meta, fileDir, problems, locate };
}

const GENERATED_NAMES: Record<GeneratedDownload, string> = { csv: 'cleaned CSV', columns: 'column dictionary', json: 'JSON', zip: 'zip' };

function hintForMetaIssue(code: string, path: readonly PropertyKey[]): { hint?: string } {
  if (code === 'unrecognized_keys') return { hint: 'remove the field or check its spelling; the fields are documented in src/schemas/dataset.ts' };
  if (code === 'invalid_type' && path.length === 1) return { hint: 'a required field is missing or of the wrong kind; see README "Adding a dataset"' };
  return {};
}
