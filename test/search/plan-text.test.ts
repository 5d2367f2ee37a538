import { describe, expect, it } from 'vitest';
import { pilotLines } from '../../src/search/plan-text.js';
import type { PilotPlan } from '../../src/search/pilot-plan.js';

const insight = {
  outcome: 'crime',
  pilotEstimate: 0.46,
  standardError: 0.35,
  ifPlanningTrue: { planningRatio: 0.84, power: 0.07, typeS: 0.199, exaggeration: 7.9 },
  deflatedRatio: 0.6,
  deflationFactor: 1.5,
};
const pilot: PilotPlan = { treated: 45, control: 120, trials: 1000, insights: [insight], method: 'M.' };

describe('pilotLines', () => {
  it('names the scale of exaggeration and says why explain can differ', () => {
    const text = pilotLines(pilot).join(' ');
    expect(text).toContain(
      "its significant results would overstate the log ratio 7.9× on average (Gelman & Carlin's exaggeration, on the log-ratio scale; wrong sign 19.9%)",
    );
    expect(text).toContain('Deflated planning ratio: 0.60 (the pilot');
    expect(text).toContain(
      "Why `trialsim explain` can differ: these type S and exaggeration figures are Gelman & Carlin's closed form",
    );
  });

  it('does not read as "plan for zero effect" when the deflated ratio is 1', () => {
    const none = { ...pilot, insights: [{ ...insight, deflatedRatio: 1, deflationFactor: Infinity }] };
    const text = pilotLines(none).join(' ');
    expect(text).not.toContain('Deflated planning ratio: 1');
    expect(text).toContain(
      "No deflated planning ratio: at this size even with no effect significant estimates would be as far from 1 as the pilot's 0.46 on average, so the pilot cannot tell the effect's size. That does not make the effect zero: plan with the scenario's 0.84 or other evidence, not the pilot's estimate.",
    );
  });
});
