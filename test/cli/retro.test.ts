import { describe, expect, it } from 'vitest';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

describe('trialsim retro', () => {
  it('prints Gelman & Carlin’s published case as JSON with its inputs', async () => {
    const { code, stdout } = await trialsim(['retro', '--effect', '1', '--se', '3.3', '--json']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(Object.keys(document)).toEqual(['effect', 'se', 'alpha', 'power', 'typeS', 'exaggeration']);
    expect(document.effect).toBe(1);
    expect(document.se).toBe(3.3);
    expect(document.alpha).toBe(0.05);
    // Gelman & Carlin (2014): power 0.06, type S 0.19, exaggeration 7.8 (docs/statistical-methods.md, "Published cases": 0.0606, 0.195, 7.80)
    expect(document.power).toBeCloseTo(0.0606, 4);
    expect(document.typeS).toBeCloseTo(0.195, 3);
    expect(document.exaggeration).toBeCloseTo(7.8, 1);
  });

  it('explains the numbers in a sentence', async () => {
    const { code, stdout } = await trialsim(['retro', '--effect', '3', '--se', '3.3']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/power\s+14\.9%/);
    expect(stdout).toMatch(/exaggeration\s+2\.72×/);
    expect(stdout).toMatch(/would be significant 14\.9% of the time/);
  });

  it('uses --alpha', async () => {
    const { stdout } = await trialsim(['retro', '--effect', '0.4', '--se', '0.25', '--alpha', '0.1', '--json']);
    // SciPy: norm.sf(c,.4,.25)+norm.cdf(-c,.4,.25) with c = norm.ppf(.95)·0.25 → 0.482700
    expect(JSON.parse(stdout).power).toBeCloseTo(0.4827, 4);
  });

  it('rejects a zero effect, a non-positive SE, a bad number, a bad alpha and a missing flag with exit 2, saying which', async () => {
    const cases: [string[], string][] = [
      [
        ['--effect', '0', '--se', '1'],
        'trialsim: --effect must not be 0: exaggeration is measured against a non-zero true effect\n' +
          'hint: give the smallest effect you think plausible, e.g. --effect 0.1\n',
      ],
      [
        ['--effect', '1', '--se', '-1'],
        'trialsim: --se must be above 0 (got -1)\nhint: the standard error of the estimate, e.g. --se 0.35\n',
      ],
      [['--effect', 'x', '--se', '1'], 'trialsim: --effect must be a number (got "x")\n'],
      [
        ['--effect', '1', '--se', '1', '--alpha', '2'],
        'trialsim: --alpha must be between 0 and 1 (got 2)\nhint: e.g. --alpha 0.05\n',
      ],
      [
        ['--se', '1'],
        'trialsim: retro needs the true effect to assume\n' +
          'hint: give --effect A --se S (an effect on its own scale), or --true-ratio R with --ci LOW,HIGH or --se-log S (a ratio)\n',
      ],
      [
        ['--true-ratio', '0.8'],
        'trialsim: --true-ratio needs the reported 95% interval (--ci LOW,HIGH) or the standard error of the log ratio (--se-log)\n' +
          'hint: e.g. --true-ratio 0.8 --ci 0.36,1.00\n',
      ],
      [
        ['--true-ratio', '1', '--se-log', '0.2'],
        'trialsim: --true-ratio must not be 1: exaggeration is measured against a non-zero true effect\n' +
          'hint: give the smallest effect you think plausible, e.g. --true-ratio 0.9 for a 10% reduction\n',
      ],
      [
        ['--true-ratio', '0.8', '--ci', '1.0,0.36'],
        'trialsim: --ci must be a ratio\'s interval, 0 < LOW < HIGH (got "1.0,0.36")\n' +
          'hint: give the reported 95% interval of the ratio, e.g. --ci 0.36,1.00\n',
      ],
      [
        ['--true-ratio', '0.8', '--ci', '0.36'],
        'trialsim: --ci must be two numbers LOW,HIGH (got "0.36")\nhint: e.g. --ci 0.36,1.00\n',
      ],
      [
        ['--effect', '1', '--se', '1', '--true-ratio', '0.8'],
        'trialsim: use --effect/--se or --true-ratio with --ci or --se-log, not both\n' +
          'hint: --effect and --se are for an effect on its own additive scale; --true-ratio is for a rate, risk or odds ratio\n',
      ],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await trialsim(['retro', ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toBe(message);
      expect(stdout).toBe('');
    }
  });

  describe('on the ratio scale (--true-ratio)', () => {
    it('derives the SE of the log from a reported 95% interval and analyses ln R (Gelman & Carlin closed form)', async () => {
      const { code, stdout } = await trialsim(['retro', '--true-ratio', '0.8', '--ci', '0.36,1.00', '--json']);
      expect(code).toBe(0);
      const document = JSON.parse(stdout);
      expect(Object.keys(document)).toEqual([
        'trueRatio',
        'ci',
        'seLog',
        'effect',
        'se',
        'alpha',
        'power',
        'typeS',
        'exaggeration',
      ]);
      expect(document.trueRatio).toBe(0.8);
      expect(document.ci).toEqual([0.36, 1]);
      expect(document.effect).toBeCloseTo(Math.log(0.8), 12);
      // R: s <- log(1/0.36)/(2*qnorm(.975)) → 0.2606301074
      expect(document.seLog).toBeCloseTo(0.2606301074, 6);
      expect(document.se).toBe(document.seLog);
      // R (Gelman & Carlin's definitions, exaggeration by numerical integration):
      //   rd <- function(A,s,a=.05){z<-qnorm(1-a/2);L<-abs(A)/s;hi<-1-pnorm(z-L);lo<-pnorm(-z-L);p<-hi+lo
      //     ex<-integrate(function(e) abs(e)*dnorm(e,A,s)*(abs(e)>z*s),-Inf,Inf,subdivisions=2000,rel.tol=1e-12)$value/p/abs(A)
      //     c(p,lo/p,ex)}; rd(log(0.8), s) → 0.13727142440 0.01770414555 2.87484980092
      // (qnorm(.975) is 1.959963985; the tool uses 1.959964, a relative difference of 8e-9.)
      expect(document.power).toBeCloseTo(0.1372714244, 6);
      expect(document.typeS).toBeCloseTo(0.01770414555, 6);
      expect(document.exaggeration).toBeCloseTo(2.87484980092, 5);
    });

    it('gives Gelman & Carlin’s published case with --se-log (A = ln R = 1, s = 3.3)', async () => {
      const { code, stdout } = await trialsim(['retro', '--true-ratio', String(Math.E), '--se-log', '3.3', '--json']);
      expect(code).toBe(0);
      const document = JSON.parse(stdout);
      expect(document).not.toHaveProperty('ci');
      expect(document.seLog).toBe(3.3);
      // Gelman & Carlin (2014): power 0.06, type S 0.19, exaggeration 7.8; R rd(1, 3.3) above →
      // 0.06058446264 0.19506685707 7.79556354000
      expect(document.power).toBeCloseTo(0.06058446264, 8);
      expect(document.typeS).toBeCloseTo(0.19506685707, 8);
      expect(document.exaggeration).toBeCloseTo(7.79556354, 5);
    });

    it('says the scale, the derived SE and its formula, and what a significant ratio typically reports', async () => {
      const { code, stdout } = await trialsim(['retro', '--true-ratio', '0.8', '--ci', '0.36,1.00']);
      expect(code).toBe(0);
      expect(stdout).toContain('on the log-ratio scale: true ratio 0.8 (a 20% reduction)');
      expect(stdout).toContain(
        'standard error of its log 0.2606 (from the 95% interval 0.36–1.00: (ln 1.00 − ln 0.36) / (2 × 1.959964))',
      );
      expect(stdout).toMatch(/power\s+13\.7%/);
      expect(stdout).toMatch(/exaggeration\s+2\.87× \(on the log-ratio scale\)/);
      // exp(2.8748 × ln 0.8) = 0.5263: a true 20% reduction is typically reported as about 47%.
      expect(stdout).toContain('would typically be reported as a ratio of about 0.53 (a 47% reduction)');
      expect(stdout).toContain('says more about noise than about the effect');
    });
  });

  describe('the closing sentence is true at every exaggeration', () => {
    // Each exaggeration below is R's rd() above (the tool's own value is also checked to be in the band).
    const cases: [string[], RegExp, string][] = [
      // rd(5, 0.5): power 1.0000, exaggeration 1.0000 → printed 1.00×, no overstatement
      [
        ['--effect', '5', '--se', '0.5'],
        /exaggeration\s+1\.00×/,
        'can be taken at face value: on average it does not overstate the effect',
      ],
      // rd(log(0.5), 0.2): exaggeration 1.0397 → 1.04×
      [
        ['--true-ratio', '0.5', '--se-log', '0.2'],
        /exaggeration\s+1\.04×/,
        'nearly at face value: on average it overstates the effect by 4%',
      ],
      // rd(0.5, 0.35): exaggeration 1.81
      [
        ['--effect', '0.5', '--se', '0.35'],
        /exaggeration\s+1\.81×/,
        'says something, but on average overstates the effect by 81%',
      ],
      // rd(1, 3.3): exaggeration 7.80, type S 19.5%
      [
        ['--effect', '1', '--se', '3.3'],
        /exaggeration\s+7\.80×/,
        'says more about noise than about the effect, and 19.5% of them point the wrong way',
      ],
    ];
    for (const [args, shown, sentence] of cases)
      it(args.join(' '), async () => {
        const { code, stdout } = await trialsim(['retro', ...args]);
        expect(code).toBe(0);
        expect(stdout).toMatch(shown);
        expect(stdout).toContain(sentence);
        expect(stdout).not.toMatch(/1\.00×[\s\S]*overstates/);
      });
  });
});
