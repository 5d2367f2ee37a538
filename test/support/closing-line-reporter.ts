// Prints the plain closing line CI reads: "tests: N passed, N failed".
// A test file that fails to import has no tests; it is counted as one failure so it cannot hide.
import type { Reporter, TestModule } from 'vitest/node';
import { browserSkipNotice, chromiumPath } from './chromium.js';

export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let browserTestsSkipped = false;
    for (const module of testModules) {
      let testsInModule = 0;
      for (const test of module.children.allTests()) {
        testsInModule += 1;
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else if (state === 'skipped' && test.fullName.includes('[browser]')) browserTestsSkipped = true;
      }
      if (testsInModule === 0 && module.state() === 'failed') failed += 1;
      else if (module.errors().length > 0) failed += 1;
    }
    // Never a silent pass: a run without a browser says which tests did not run and how to run them.
    if (browserTestsSkipped && chromiumPath() === null) process.stdout.write(`\n${browserSkipNotice()}\n`);
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
  }
}
