import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/format-markdown.js';
import { sampleDesign } from './sample-design.js';
import { sampleSummary } from './sample-summary.js';

const commandLine = 'trialsim run milton-keynes --seed 2023 --trials 5000 --markdown';

/** The rows of the first Markdown table in `text`, each split into trimmed cells. */
function firstTable(text: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (let i = start; i < lines.length && lines[i].startsWith('|'); i++) {
    // Split on pipes not escaped with a backslash.
    rows.push(
      lines[i]
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe('formatMarkdown', () => {
  const text = formatMarkdown(sampleSummary, { commandLine, design: sampleDesign });

  it('has a results table with a header, an alignment row and one row per outcome', () => {
    const rows = firstTable(text);
    expect(rows).toHaveLength(2 + sampleSummary.results.length);
    for (const row of rows) expect(row).toHaveLength(rows[0].length);
    expect(rows[1].every((cell) => /^-+:?$/.test(cell))).toBe(true);
    sampleSummary.results.forEach((result, i) => {
      expect(rows[2 + i][0]).toContain(`\`${result.outcome}\``);
      expect(rows[2 + i][1]).toBe(result.analysis);
    });
  });

  it('shows power with its interval in the table', () => {
    const knifeRow = firstTable(text).find((row) => row[0].includes('`knife`'))!;
    expect(knifeRow[3]).toBe('41.0% [39.6, 42.4]');
  });

  it('ends with the exact command that reproduces the run in a shell block', () => {
    expect(text).toContain(`## Reproduce`);
    expect(text).toContain(`\`\`\`sh\n${commandLine}\n\`\`\``);
  });

  it('states the assumptions of the scenario', () => {
    expect(text).toContain('## Assumptions');
    expect(text).toContain('Aged 11-17');
    expect(text).toContain('45 treated and 120 control');
    expect(text).toContain('stratified randomisation by group');
    expect(text).toContain('90% (youth), 60% (adult)');
    expect(text).toContain('analysed within youth');
    expect(text).toContain(
      'at least 1 `knife` offence in the last 12 months; and at least 2 `knife` or `crime` offences in the last 24 months',
    );
  });

  it('lists the warnings in words and the family-wise results', () => {
    expect(text).toContain('- knife: 3 trials could not be analysed (no events in an arm)');
    expect(text).toContain('- poisson-wald ignores overdispersion');
    expect(text).toContain('55.0% of trials find at least one primary outcome significant');
  });

  it('marks an interrupted run as incomplete and leaves out assumptions without a design', () => {
    const partial = formatMarkdown({ ...sampleSummary, complete: false }, { commandLine, design: null });
    expect(partial).toContain('**Incomplete:**');
    expect(partial).not.toContain('## Assumptions');
  });

  it('escapes a pipe in a label so the table keeps its columns', () => {
    const piped = { ...sampleSummary, results: [{ ...sampleSummary.results[0], label: 'a | b' }] };
    const rows = firstTable(formatMarkdown(piped, { commandLine, design: null }));
    expect(rows[2]).toHaveLength(rows[0].length);
  });
});

describe('formatMarkdown with a type I error above α', () => {
  it('says so in the type I error cell', () => {
    const invalid = {
      ...sampleSummary,
      results: [
        {
          ...sampleSummary.results[1],
          typeIError: 0.12,
          typeIErrorCI: [0.11, 0.13] as const,
          typeIErrorAboveAlpha: true,
          typeIErrorTolerance: 'above' as const,
        },
      ],
    };
    const text = formatMarkdown(invalid, { commandLine, design: sampleDesign });
    expect(firstTable(text)[2][4]).toBe('12.0% [11.0, 13.0] (above the tolerance band: not valid)');
    expect(firstTable(formatMarkdown(sampleSummary, { commandLine, design: sampleDesign }))[3][4]).toBe(
      '5.2% [4.6, 5.9]',
    );
  });
});

describe('formatMarkdown for a multi-site design', () => {
  it('states the sites with a readable between-site variation', () => {
    const sites = {
      ...sampleDesign,
      plan: {
        ...sampleDesign.plan,
        randomisation: 'cluster' as const,
        sites: { count: 10, rateCV: Math.sqrt(1 / 15) },
      },
    };
    expect(formatMarkdown(sampleSummary, { commandLine, design: sites })).toContain(
      '- Sites: 10, between-site rate CV 0.258.',
    );
  });
});
