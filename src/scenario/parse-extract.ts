/**
 * Turns the text of a cohort extract (CSV) into the plain `Extract` the fit works on, checking
 * every cell. Every problem names the file, line and column, the column's name, the value found
 * and the fix; all problems (up to 20) are reported at once and nothing is returned when any is
 * found. The CSV syntax is csv-parse's (quotes, CRLF, a byte-order mark).
 */
import { CsvError, parse } from 'csv-parse/sync';
import { DAYS_PER_YEAR, type Extract, type ExtractGroup } from './extract.js';
import { toScenarioId } from './scenario-id.js';
import { interpretHeader, type ExtractColumns, type ExtractOptions } from './extract-columns.js';
import { ScenarioError, type ScenarioProblem } from './scenario-error.js';

/** More problems than this are summarised, not listed. */
const MOST_PROBLEMS = 20;
/** Days at risk may exceed the window by rounding; beyond half a day they are an error. */
const DAYS_SLACK = 0.5;

/** The extract and the columns it ignored. */
export interface ParsedExtract {
  readonly extract: Extract;
  readonly ignoredColumns: readonly string[];
}

interface Row {
  readonly record: string[];
  readonly line: number;
  readonly columns: number[];
}

/**
 * Parses and checks an extract; throws a ScenarioError listing every problem.
 *
 * @example parseExtractText('group,knife_followup\nyouth,2\n', 'x.csv', { groupColumn: null,
 *   outcomes: null, priorMonths: null, followUpMonths: 12, harmFrom: null }).extract.people // 1
 */
export function parseExtractText(text: string, file: string, options: ExtractOptions, source = file): ParsedExtract {
  if (text.replace(/^\uFEFF/, '').trim() === '')
    throw new ScenarioError([
      {
        file,
        line: 1,
        column: 1,
        path: '',
        message: 'is empty',
        value: '',
        hint: 'give a CSV file with a header line and one line per person',
      },
    ]);
  const rows = parseRows(text, file);
  const header = rows[0].record.map((name) => name.trim());
  const interpreted = interpretHeader(header, (index) => rows[0].columns[index] ?? 1, file, options);
  if ('problems' in interpreted) throw new ScenarioError(interpreted.problems);
  const columns = interpreted.columns;
  const people = rows.length - 1;
  if (people === 0)
    throw new ScenarioError([
      {
        file,
        line: 2,
        column: 1,
        path: '',
        message: 'has a header but no people',
        value: '',
        hint: 'add one line per person',
      },
    ]);
  const problems: ScenarioProblem[] = [];
  const cells = new CellReader(file, header, problems);
  const extract = readPeople(rows.slice(1), columns, options, cells, source);
  if (problems.length > 0) {
    const shown = problems.slice(0, MOST_PROBLEMS);
    if (problems.length > MOST_PROBLEMS)
      shown.push({
        file,
        line: 0,
        column: 0,
        path: '',
        message: `has ${problems.length - MOST_PROBLEMS} more problems`,
        value: '',
        hint: 'fix these first',
      });
    throw new ScenarioError(shown);
  }
  return { extract, ignoredColumns: columns.ignored };
}

function parseRows(text: string, file: string): Row[] {
  let parsed: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as unknown as { lines?: number }).lines ?? 0;
    const field = Number((error as unknown as { column?: number }).column ?? 0);
    const lineText = text.split(/\r\n|\n|\r/)[line - 1] ?? '';
    throw new ScenarioError([
      {
        file,
        line,
        column: fieldStarts(lineText)[field] ?? 1,
        path: '',
        message: `is not valid CSV: ${error.message.replace(/ at line \d+.*$/, '')}`,
        value: '',
        hint: 'check the quotes on this line: a field that holds a quote, comma or line break must be quoted, with quotes doubled inside',
      },
    ]);
  }
  return parsed.map(({ record, raw, info }) => {
    // raw holds the record as written, after any skipped blank lines and with its line ending.
    const content = raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\n|\r)$/, '');
    const innerBreaks = (content.match(/\n/g) ?? []).length;
    return { record, line: info.lines - innerBreaks, columns: fieldStarts(content) };
  });
}

// 1-based column of the first character of each field in a record's text (on its own line; a
// field after a quoted line break counts from that line's start).
function fieldStarts(content: string): number[] {
  const starts = [1];
  let quoted = false;
  let column = 1;
  for (const character of content) {
    if (character === '"') quoted = !quoted;
    if (character === '\n') column = 0;
    else if (character === ',' && !quoted) starts.push(column + 1);
    column++;
  }
  return starts;
}

/** Reads typed values out of cells, recording a problem (and returning NaN) when a cell is bad. */
class CellReader {
  constructor(
    readonly file: string,
    private readonly header: readonly string[],
    readonly problems: ScenarioProblem[],
  ) {}

  problem(row: Row, index: number, message: string, hint: string): void {
    this.problems.push({
      file: this.file,
      line: row.line,
      column: row.columns[index] ?? row.columns.at(-1) ?? 1,
      path: this.header[index] ?? '',
      message,
      value: JSON.stringify(row.record[index] ?? ''),
      hint,
    });
  }

  /** A whole number of events ≥ 0. */
  count(row: Row, index: number): number {
    const text = row.record[index]?.trim() ?? '';
    if (/^\d+$/.test(text)) return Number(text);
    if (text === '') this.problem(row, index, 'is empty', 'write 0 for no events');
    else if (/^-\d+(\.0*)?$/.test(text))
      this.problem(row, index, 'must be a count ≥ 0, not negative', 'check the extract: events cannot be negative');
    else if (Number.isFinite(Number(text)))
      this.problem(row, index, 'must be a whole number of events', 'give whole events, e.g. 2');
    else this.problem(row, index, 'is not a number', 'give a whole number of events, e.g. 0 or 3');
    return Number.NaN;
  }

  /** A number ≥ 0 and at most `most`. */
  amount(row: Row, index: number, most: number, what: string): number {
    const text = row.record[index]?.trim() ?? '';
    const value = text === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) this.problem(row, index, `is not a number`, `give ${what}`);
    else if (value < 0) this.problem(row, index, 'must be ≥ 0, not negative', `give ${what}`);
    else if (value > most) this.problem(row, index, `must be at most ${most}`, `give ${what}`);
    else return value;
    return Number.NaN;
  }
}

function readPeople(
  rows: Row[],
  columns: ExtractColumns,
  options: ExtractOptions,
  cells: CellReader,
  source: string,
): Extract {
  const n = rows.length;
  const outcomeCount = columns.outcomes.length;
  const hasPrior = columns.prior !== null;
  const priorMonths = hasPrior ? options.priorMonths : null;
  const priorWindowDays = ((priorMonths ?? 0) * DAYS_PER_YEAR) / 12;
  const followUpWindowDays = (options.followUpMonths * DAYS_PER_YEAR) / 12;
  const groups: ExtractGroup[] = [];
  const groupIndex = new Map<string, number>();
  const group = new Uint16Array(n);
  const priorCounts = hasPrior ? columns.outcomes.map(() => new Float64Array(n)) : null;
  const followUpCounts = columns.outcomes.map(() => new Float64Array(n));
  const recent = columns.recent.map((map) => new Map([...map.keys()].map((months) => [months, new Float64Array(n)])));
  const priorYears = hasPrior ? new Float64Array(n) : null;
  const followUpYears = new Float64Array(n);
  const severities: number[] = [];
  const ids = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.record.length !== columns.width) {
      cells.problems.push({
        file: cells.file,
        line: row.line,
        column: 1,
        path: '',
        message: `has ${row.record.length} fields but the header has ${columns.width}`,
        value: '',
        hint: 'every line needs one value per column (quote values that contain commas)',
      });
      return;
    }
    if (columns.id >= 0) {
      const id = row.record[columns.id]?.trim() ?? '';
      const seen = ids.get(id);
      if (id !== '' && seen !== undefined)
        cells.problem(row, columns.id, `repeats the person id of line ${seen}`, 'give each person one line');
      else ids.set(id, row.line);
    }
    group[i] = groupOf(row, columns.group, groups, groupIndex, cells);
    for (let k = 0; k < outcomeCount; k++) {
      followUpCounts[k][i] = cells.count(row, columns.followUp[k]);
      if (priorCounts !== null && columns.prior !== null) priorCounts[k][i] = cells.count(row, columns.prior[k]);
      for (const [months, column] of columns.recent[k]) recent[k].get(months)![i] = cells.count(row, column);
    }
    const followUpDays =
      columns.followUpDays >= 0
        ? cells.amount(
            row,
            columns.followUpDays,
            followUpWindowDays + DAYS_SLACK,
            `days at risk in the ${options.followUpMonths}-month follow-up window (0 to ${followUpWindowDays})`,
          )
        : followUpWindowDays;
    followUpYears[i] = followUpDays / DAYS_PER_YEAR;
    if (priorYears !== null) {
      const priorDays =
        columns.priorDays >= 0
          ? cells.amount(
              row,
              columns.priorDays,
              priorWindowDays + DAYS_SLACK,
              `days at risk in the ${priorMonths}-month prior window (0 to ${priorWindowDays})`,
            )
          : priorWindowDays;
      priorYears[i] = priorDays / DAYS_PER_YEAR;
      if (priorDays === 0 && priorCounts!.some((counts) => counts[i] > 0))
        cells.problem(
          row,
          columns.priorDays,
          'is 0 but this person has prior-window events',
          'check the days at risk or the counts',
        );
    }
    if (followUpDays === 0 && followUpCounts.some((counts) => counts[i] > 0))
      cells.problem(
        row,
        columns.followUpDays,
        'is 0 but this person has follow-up events',
        'check the days at risk or the counts',
      );
    readHarm(row, columns, followUpCounts[columns.harmFrom][i], severities, cells);
  });
  return {
    source,
    people: n,
    groups: groups.length > 0 ? groups : [{ id: 'all', label: 'all' }],
    group,
    outcomes: columns.outcomes,
    priorMonths,
    followUpMonths: options.followUpMonths,
    priorCounts,
    followUpCounts,
    priorYears,
    followUpYears,
    recentPriorCounts: Object.fromEntries(
      columns.outcomes.map((outcome, k) => [outcome, Object.fromEntries(recent[k])]),
    ),
    severities:
      columns.harmEvents >= 0 || columns.harmTotal >= 0
        ? {
            from: columns.outcomes[columns.harmFrom],
            kind: columns.harmEvents >= 0 ? 'events' : 'single-event-totals',
            values: Float64Array.from(severities),
          }
        : null,
  };
}

function groupOf(
  row: Row,
  column: number,
  groups: ExtractGroup[],
  index: Map<string, number>,
  cells: CellReader,
): number {
  if (column < 0) return 0;
  const label = row.record[column]?.trim() ?? '';
  if (label === '') {
    cells.problem(row, column, 'is empty', 'give every person a group');
    return 0;
  }
  const known = index.get(label);
  if (known !== undefined) return known;
  const id = toScenarioId(label);
  const clash = groups.find((group) => group.id === id);
  if (clash !== undefined) {
    cells.problem(
      row,
      column,
      `is a different group from "${clash.label}" but would get the same id "${id}"`,
      'make group names differ in their letters or digits',
    );
    return groups.indexOf(clash);
  }
  if (groups.length >= 100) {
    cells.problem(row, column, 'is the 101st group', 'a scenario has at most 100 groups: is --group the right column?');
    return 0;
  }
  index.set(label, groups.length);
  groups.push({ id, label });
  return groups.length - 1;
}

// Per-event severities ("12.5;40") must number the source's follow-up events and be > 0; a total
// counts only for people with exactly one event (it is then that event's severity).
function readHarm(row: Row, columns: ExtractColumns, events: number, severities: number[], cells: CellReader): void {
  if (columns.harmEvents >= 0) {
    const text = row.record[columns.harmEvents]?.trim() ?? '';
    const parts = text === '' ? [] : text.split(';').map((part) => part.trim());
    const values = parts.map(Number);
    if (values.some((value) => !(value > 0) || !Number.isFinite(value))) {
      cells.problem(
        row,
        columns.harmEvents,
        'must list severities > 0 separated by ";"',
        'give each event its severity, e.g. 12;40.5 (a lognormal needs severities above 0)',
      );
      return;
    }
    if (Number.isFinite(events) && values.length !== events) {
      cells.problem(
        row,
        columns.harmEvents,
        `lists ${values.length} severities for ${events} follow-up events of ${columns.outcomes[columns.harmFrom]}`,
        'give one severity per event (empty for none), or name the right outcome with --harm-from',
      );
      return;
    }
    severities.push(...values);
  } else if (columns.harmTotal >= 0) {
    const total = cells.amount(
      row,
      columns.harmTotal,
      Number.MAX_VALUE,
      'the person’s total harm in the follow-up window',
    );
    if (events === 1 && Number.isFinite(total)) {
      if (total > 0) severities.push(total);
      else
        cells.problem(
          row,
          columns.harmTotal,
          'must be > 0 for a person with one event',
          'give the severity of the event (a lognormal needs severities above 0)',
        );
    }
  }
}
