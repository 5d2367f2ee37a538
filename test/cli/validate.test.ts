/**
 * `trialsim validate FILE...`: ok lines for good files, every problem of every bad file at once,
 * exit code 2 when any is bad, and no stack traces.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url));

describe('trialsim validate', () => {
  test('questions interim looks that strain the boundaries’ assumptions, and still exits 0', async () => {
    // Looks at 0.05, 0.5, 1 of 600 people recruited over 2 months and followed for 12.
    const { code, stdout } = await trialsim(['validate', `${FIXTURES}good/strained-looks.yaml`]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ok .*strained-looks\.yaml: strained-looks — /);
    expect(lines.slice(1).map((line) => line.slice(0, 40))).toEqual([
      '! The first interim look is very early (',
      '! At the first interim look the smaller ',
      '! Everyone is recruited by month 2, befo',
    ]);
  });

  test('says ok with a one-line summary for each valid file and exits 0', async () => {
    const { code, stdout, stderr } = await trialsim([
      'validate',
      'milton-keynes',
      `${FIXTURES}good/json-scenario.json`,
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^ok .*scenarios\/milton-keynes\.yaml: milton-keynes — 8 outcomes \(2 primary\), 45 treated \+ 120 control, stratified randomisation, 12 months' follow-up, 2000 trials$/,
    );
    expect(lines[1]).toMatch(
      /^ok .*json-scenario\.json: json-scenario — 1 outcome \(1 primary\), 100 treated \+ 200 control/,
    );
  });

  test('lists the problems of every bad file together and exits 2, without a stack trace', async () => {
    const { code, stdout, stderr } = await trialsim([
      'validate',
      `${FIXTURES}bad/negative-rate.yaml`,
      'teaching-two-arm',
      `${FIXTURES}bad/unknown-top-key.yaml`,
    ]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/^ok .*teaching-two-arm\.yaml/);
    expect(stderr).toContain(
      'negative-rate.yaml:9:27: outcomes[1].ratePerYear.youth must be a rate per person-year ≥ 0 (got -2)',
    );
    expect(stderr).toContain(
      'unknown-top-key.yaml:4:1: simulaton is not a known key\n  fix: did you mean "simulation"?',
    );
    expect(stderr).toMatch(/2 problems found\.\n$/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('reports a missing file and a folder as problems, exit 2', async () => {
    const { code, stderr } = await trialsim(['validate', `${FIXTURES}nope.yaml`, FIXTURES]);
    expect(code).toBe(2);
    expect(stderr).toContain('nope.yaml: does not exist');
    expect(stderr).toContain('is a directory, not a scenario file');
  });

  test('checks --set overrides too', async () => {
    const { code, stderr } = await trialsim(['validate', 'teaching-two-arm', '--set', 'design.size.treated=0']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'design.size.treated must be a whole number of people from 1 to 10000000 [set by --set design.size.treated=…] (got 0)',
    );
  });

  test('needs at least one file and has --help', async () => {
    const none = await trialsim(['validate']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("error: missing required argument 'files'\n(add --help for usage)\n");
    const help = await trialsim(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: trialsim validate [options] <files...>');
  });

  test('says how to write a total with an allocation when --set adds one to a { treated, control } size', async () => {
    const { code, stderr } = await trialsim(['validate', 'milton-keynes', '--set', 'design.size.allocation=1:1']);
    expect(code).toBe(2);
    expect(stderr).toContain('design.size.allocation is not a known key [set by --set design.size.allocation=…]');
    expect(stderr).toContain(
      `fix: an allocation splits a total: give the size whole, e.g. size: { total: 165, allocation: "1:2" } in the file, or --set 'design.size={ total: 165, allocation: "1:2" }'`,
    );
    // The form the fix offers is accepted as typed.
    const fixed = await trialsim([
      'validate',
      'milton-keynes',
      '--set',
      'design.size={ total: 165, allocation: "1:2" }',
    ]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('55 treated + 110 control');
  });

  test('refuses more sites than people, saying how many would be empty', async () => {
    const { code, stderr } = await trialsim(['validate', 'milton-keynes-scale-up', '--set', 'design.sites.count=2000']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'design.sites.count is 2000 sites for 600 people: a site would average 0.30 people, so 1400 sites would be empty',
    );
    expect(stderr).toContain('fix: give at most 600 sites');
  });
});
