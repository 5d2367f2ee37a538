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

  it('opens with the verdict in plain words', () => {
    expect(text).toContain(
      '**Verdict.** A trial of 45 treated and 120 control (165 people) would detect a true 54% reduction in crime as a suspect, "recorded" 79 times in 100 and a true 38% reduction in knife offending as a suspect 33 times in 100 (intention to treat, after the holm correction across the 2 primary outcomes); both together 30 times in 100. `trialsim sample-size` finds the size that reaches 80%.',
    );
  });

  it('shows the Holm-adjusted power of primary outcomes, labelled as such', () => {
    const rows = firstTable(text);
    const column = rows[0].indexOf('Power after holm');
    expect(column).toBe(4);
    expect(rows.map((row) => row[column]).slice(2)).toEqual(['79.0%', '33.0%', '—']);
    expect(text).toContain(
      '*power after holm* is the share of trials significant after the multiplicity correction across the primary outcomes (holm), for primary outcomes',
    );
  });

  it('names the scale of every figure and links the definitions', () => {
    expect(firstTable(text)[0]).toEqual(
      expect.arrayContaining(['Exaggeration (log ratio)', 'Mean estimate (geometric)']),
    );
    expect(text).toContain('*Power* is the share of trials significant by the unadjusted p-value');
    expect(text).toContain(
      "*Exaggeration* is Gelman & Carlin's exaggeration ratio, the mean of |log estimate| / |log true ratio| over trials significant by the unadjusted p-value: a ratio on the log-rate-ratio scale, not of the percentage reduction",
    );
    expect(text).toContain('*Mean estimate* is the geometric mean of the ratio estimates');
    expect(text).toContain('`docs/diagnosands-compared.md`');
  });

  it('gives the plain reading of exaggeration for the primary outcomes', () => {
    expect(text).toContain(
      '- Knife offending as a suspect (`knife`): a significant trial reports on average a 53% reduction when the truth is a 38% reduction (ratios 0.47 and 0.62); 0.4% of significant trials report an increase instead.',
    );
  });

  it('prints dispersion as α with θ = 1/α beside it', () => {
    expect(text).toContain(
      "gamma, mean 1, variance α = 1.5, so counts are negative binomial with Var = μ + αμ² (θ = 1/α = 0.667, the theta of R's glm.nb)",
    );
  });

  it("states the selected cohort's actual rates in the assumptions", () => {
    const cohort = [
      {
        group: 'youth',
        eligibleShare: 0.0456,
        outcomes: [
          { outcome: 'crime', priorRatePerYear: 4.5, controlFollowUp: 3.2 },
          { outcome: 'knife', priorRatePerYear: 1.531, controlFollowUp: 1.234 },
        ],
      },
    ];
    const withCohort = formatMarkdown({ ...sampleSummary, cohort }, { commandLine, design: sampleDesign });
    expect(withCohort).toContain('- youth: 4.6% eligible; `crime` 4.50 → 3.20, `knife` 1.53 → 1.23.');
    expect(withCohort.indexOf('Selected cohort')).toBeLessThan(withCohort.indexOf('## Results'));
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
    const rows = firstTable(formatMarkdown(sampleSummary, { commandLine, design: sampleDesign }));
    expect(rows[3][rows[0].indexOf('Type I error [95% CI]')]).toBe('5.2% [4.6, 5.9]');
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
