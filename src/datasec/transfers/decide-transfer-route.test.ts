// The acceptance of issue 6's decisions: every article's branch on both sides of each threshold, for CII
// and non-CII operators, with cumulative volumes across a year boundary in China time, exemptions valid
// and refused, important and core data, and warnings at and below the warning share.
import { describe, expect, it } from 'vitest';
import { RampartError } from '../../core/errors.js';
import { decideTransferRoute, type RouteDecision } from './decide-transfer-route.js';
import { loadTransferRules } from './load-transfer-rules.js';
import type { TransferFacts } from './transfer-facts.js';
import type { ExemptionId, TransferRoute } from './transfer-vocabulary.js';

const rules = loadTransferRules();

function facts(overrides: Partial<TransferFacts> = {}): TransferFacts {
  return {
    operatorIsCii: false,
    transferDate: '2025-06-15',
    containsPersonalInformation: true,
    importantData: false,
    coreData: false,
    individuals: 0,
    sensitiveIndividuals: 0,
    earlier: [],
    ...overrides,
  };
}

function decide(overrides: Partial<TransferFacts>): RouteDecision {
  return decideTransferRoute(facts(overrides), rules);
}

/** The basis as it is shown: "Order 16 Art. 7". */
function basisOf(decision: RouteDecision): string {
  return `${decision.basis.short} ${decision.basis.article}`;
}

const SC: TransferRoute = 'standard-contract-or-certification';
const SA: TransferRoute = 'security-assessment';

describe('volume thresholds on both sides, for non-CII and CII operators', () => {
  // [individuals, sensitive individuals, non-CII route, non-CII basis]; a CII operator always needs the assessment.
  const rows: [number, number, TransferRoute, string][] = [
    [1, 0, 'exempt', 'Order 16 Art. 5(4)'],
    [99_999, 0, 'exempt', 'Order 16 Art. 5(4)'],
    [100_000, 0, SC, 'Order 16 Art. 8'],
    [999_999, 0, SC, 'Order 16 Art. 8'],
    [1_000_000, 0, SA, 'Order 16 Art. 7'],
    [10, 0, 'exempt', 'Order 16 Art. 5(4)'],
    [10, 1, SC, 'Order 16 Art. 8'],
    [0, 1, SC, 'Order 16 Art. 8'],
    [0, 9_999, SC, 'Order 16 Art. 8'],
    [0, 10_000, SA, 'Order 16 Art. 7'],
    [99_999, 9_999, SC, 'Order 16 Art. 8'],
    [999_999, 10_000, SA, 'Order 16 Art. 7'],
  ];

  it.each(rows)('non-CII: %i individuals, %i sensitive → %s (%s)', (individuals, sensitiveIndividuals, route, basis) => {
    const decision = decide({ individuals, sensitiveIndividuals });
    expect(decision.route).toBe(route);
    expect(basisOf(decision)).toBe(basis);
    expect(decision.cumulative).toEqual({ since: '2025-01-01', individuals, sensitiveIndividuals });
    expect(decision.countsTowardThresholds).toBe(true);
    expect(decision.exemption).toBe(route === 'exempt' ? 'small-volume' : undefined);
  });

  it.each(rows)('CII: %i individuals, %i sensitive → security assessment (Art. 7)', (individuals, sensitiveIndividuals) => {
    const decision = decide({ operatorIsCii: true, individuals, sensitiveIndividuals });
    expect(decision.route).toBe(SA);
    expect(basisOf(decision)).toBe('Order 16 Art. 7');
    expect(decision.reasoning.map((step) => step.text)).toContain(rules.rules.ciiOperator.text);
    expect(decision.warnings).toEqual([]);
  });

  it('reaches a threshold with the earlier transfers of the year, this one included', () => {
    const earlier = [{ date: '2025-03-01', individuals: 99_998, sensitiveIndividuals: 0, countsTowardThresholds: true }];
    expect(decide({ individuals: 1, earlier }).route).toBe('exempt');
    expect(decide({ individuals: 2, earlier })).toMatchObject({ route: SC, cumulative: { individuals: 100_000 } });
    const sensitiveEarlier = [{ date: '2025-03-01', individuals: 0, sensitiveIndividuals: 9_999, countsTowardThresholds: true }];
    expect(decide({ sensitiveIndividuals: 1, earlier: sensitiveEarlier })).toMatchObject({ route: SA, cumulative: { sensitiveIndividuals: 10_000 } });
  });

  it('compares every threshold with the year’s volumes, whatever this transfer carries (Rampart’s reading)', () => {
    const earlier = [{ date: '2025-03-01', individuals: 0, sensitiveIndividuals: 1, countsTowardThresholds: true }];
    const decision = decide({ individuals: 10, earlier });
    expect(decision.route).toBe(SC);
    expect(decision.reasoning.find((step) => step.text === rules.rules.cumulativeScope.text)?.confidence).toBe('unverified');
  });

  it('shows each threshold checked, with the number and its article, in order', () => {
    const decision = decide({ individuals: 100_000 });
    const thresholdSteps = decision.reasoning.filter((step) => /since 2025-01-01: (at least|fewer than)/.test(step.text));
    expect(thresholdSteps.map((step) => step.article)).toEqual(['Order 16 Art. 8', 'Order 16 Art. 7', 'Order 16 Art. 8', 'Order 16 Art. 7']);
    expect(thresholdSteps[0].text).toMatch(/^100,000 individuals .*: at least 100,000/);
    expect(thresholdSteps[1].text).toMatch(/fewer than 1,000,000/);
    expect(decision.reasoning[0].article).toBe('Order 16 Art. 13');
    expect(decision.reasoning.at(-1)?.text).toMatch(/^route: standard contract/);
    for (const step of decision.reasoning) expect(['verified', 'secondary', 'unverified', 'draft']).toContain(step.confidence);
  });
});

describe('data without personal information', () => {
  it.each([false, true])('is exempt under Art. 3 when nothing is important (CII %s)', (operatorIsCii) => {
    const decision = decide({ operatorIsCii, containsPersonalInformation: false });
    expect(decision).toMatchObject({ route: 'exempt', exemption: 'no-personal-or-important-data', personalInformation: false });
    expect(basisOf(decision)).toBe('Order 16 Art. 3');
  });
});

describe('important and core data', () => {
  it.each([false, true])('important data needs the assessment under Art. 7 and Decree 790 Art. 37 (CII %s)', (operatorIsCii) => {
    const decision = decide({ operatorIsCii, importantData: true, containsPersonalInformation: false });
    expect(decision.route).toBe(SA);
    expect(basisOf(decision)).toBe('Order 16 Art. 7');
    expect(decision.reasoning.map((step) => step.article)).toContain('Decree 790 Art. 37');
  });

  it('says data never notified as important is not important (Art. 2)', () => {
    expect(decide({ individuals: 5 }).reasoning.map((step) => step.article)).toContain('Order 16 Art. 2');
    expect(decide({ importantData: true, individuals: 5 }).reasoning.map((step) => step.article)).not.toContain('Order 16 Art. 2');
  });

  it.each([false, true])('core data needs the assessment at least, with a warning (CII %s)', (operatorIsCii) => {
    const decision = decide({ operatorIsCii, coreData: true, individuals: 3 });
    expect(decision.route).toBe(SA);
    expect(decision.basis).toMatchObject({ short: "Rampart's reading of the Data Security Law", article: 'Art. 21', confidence: 'unverified' });
    expect(decision.warnings).toContainEqual(expect.objectContaining({ kind: 'core-data', text: expect.stringMatching(/stricter controls/) }));
  });

  it('refuses any exemption for core data', () => {
    const decision = decide({ coreData: true, containsPersonalInformation: false, exemption: 'no-personal-or-important-data' });
    expect(decision.route).toBe(SA);
    expect(decision.refusedExemption?.id).toBe('no-personal-or-important-data');
    expect(decision.refusedExemption?.reasons[0].text).toMatch(/no exemption covers core data/);
  });
});

describe('claimed exemptions', () => {
  it.each<[ExemptionId, string, boolean]>([
    ['contract-with-individual', 'Order 16 Art. 5(1)', false],
    ['cross-border-hr', 'Order 16 Art. 5(2)', false],
    ['emergency', 'Order 16 Art. 5(3)', false],
  ])('%s applies to CII and non-CII operators alike, whatever the volume (%s)', (exemption, basis) => {
    for (const operatorIsCii of [false, true]) {
      const decision = decide({ operatorIsCii, exemption, individuals: 2_000_000, sensitiveIndividuals: 50_000 });
      expect(decision).toMatchObject({ route: 'exempt', exemption, countsTowardThresholds: false });
      expect(basisOf(decision)).toBe(basis);
      // Not counted: the CAC Q&A reading, marked unverified.
      expect(decision.cumulative).toEqual({ since: '2025-01-01', individuals: 0, sensitiveIndividuals: 0 });
      const countingStep = decision.reasoning.find((step) => /not added to the year's volumes/.test(step.text));
      expect(countingStep).toMatchObject({ confidence: 'unverified', source: { short: "Rampart's reading of the CAC Q&A on Order 16" } });
    }
  });

  it.each<[ExemptionId, string]>([
    ['collected-abroad', 'Order 16 Art. 4'],
    ['ftz-outside-negative-list', 'Order 16 Art. 6'],
  ])('%s applies when no important data is involved (%s)', (exemption, basis) => {
    const decision = decide({ operatorIsCii: true, exemption, individuals: 500 });
    expect(decision.route).toBe('exempt');
    expect(basisOf(decision)).toBe(basis);
  });

  it.each<ExemptionId>(['contract-with-individual', 'cross-border-hr', 'emergency', 'collected-abroad', 'ftz-outside-negative-list', 'small-volume'])(
    '%s is refused for important data, which then needs the assessment',
    (exemption) => {
      const decision = decide({ exemption, importantData: true, individuals: 5 });
      expect(decision.route).toBe(SA);
      expect(decision.refusedExemption?.id).toBe(exemption);
      expect(decision.refusedExemption?.reasons.map((reason) => reason.text)).toContain('the transfer contains data notified or published as important data');
      expect(decision.reasoning.some((step) => step.text.startsWith(`claimed exemption ${exemption} refused:`))).toBe(true);
    },
  );

  it('refuses Art. 5(4) for a CII operator', () => {
    const decision = decide({ operatorIsCii: true, exemption: 'small-volume', individuals: 10 });
    expect(decision.route).toBe(SA);
    expect(decision.refusedExemption?.reasons.map((reason) => [reason.text, reason.article])).toEqual([
      ['the operator is a critical information infrastructure operator', 'Order 16 Art. 5(4)'],
    ]);
  });

  it('accepts Art. 5(4) below the threshold and counts the transfer', () => {
    const decision = decide({ exemption: 'small-volume', individuals: 99_999 });
    expect(decision).toMatchObject({ route: 'exempt', exemption: 'small-volume', countsTowardThresholds: true, cumulative: { individuals: 99_999 } });
    expect(decision.refusedExemption).toBeUndefined();
  });

  it.each([
    [{ individuals: 100_000 }, /100,000 individuals since 2025-01-01, this transfer included, reach the threshold of 100,000/, SC],
    [{ individuals: 10, sensitiveIndividuals: 1 }, /sensitive personal information of 1 individuals/, SC],
    [{ individuals: 1_000_000 }, /reach the threshold of 100,000/, SA],
  ])('refuses Art. 5(4) when the volumes do not allow it: %o', (volumes, reason, route) => {
    const decision = decide({ exemption: 'small-volume', ...volumes });
    expect(decision.route).toBe(route);
    expect(decision.refusedExemption?.reasons.map((step) => step.text).join('\n')).toMatch(reason);
  });

  it('refuses Art. 3 for a transfer with personal information and decides by volume', () => {
    const decision = decide({ exemption: 'no-personal-or-important-data', individuals: 150_000 });
    expect(decision.route).toBe(SC);
    expect(decision.refusedExemption?.reasons[0]).toMatchObject({ text: 'the transfer contains personal information', article: 'Order 16 Art. 3' });
  });
});

describe('cumulative volumes across a year boundary, in China time', () => {
  const december = { date: '2025-12-31', individuals: 99_999, sensitiveIndividuals: 0, countsTowardThresholds: true };
  const january = { date: '2025-01-01', individuals: 99_999, sensitiveIndividuals: 0, countsTowardThresholds: true };

  it('a transfer on 1 January does not count December’s', () => {
    const decision = decide({ transferDate: '2026-01-01', individuals: 1, earlier: [december] });
    expect(decision).toMatchObject({ route: 'exempt', cumulative: { since: '2026-01-01', individuals: 1 } });
  });

  it('a transfer on 31 December counts the whole year', () => {
    const decision = decide({ transferDate: '2025-12-31', individuals: 1, earlier: [january, { ...december, individuals: 0, sensitiveIndividuals: 0 }] });
    expect(decision).toMatchObject({ route: SC, cumulative: { since: '2025-01-01', individuals: 100_000 } });
  });

  it('an instant at 2025-12-31T20:00Z is 1 January 2026 in China', () => {
    const decision = decide({ transferDate: '2025-12-31T20:00:00Z', individuals: 1, earlier: [december] });
    expect(decision).toMatchObject({ route: 'exempt', transferDate: '2026-01-01', cumulative: { since: '2026-01-01', individuals: 1 } });
  });

  it('an instant at 2025-12-31T15:59:59Z is still 31 December in China', () => {
    const decision = decide({ transferDate: '2025-12-31T15:59:59Z', individuals: 1, earlier: [january] });
    expect(decision).toMatchObject({ route: SC, transferDate: '2025-12-31' });
  });

  it('an earlier transfer stamped 2024-12-31T16:30Z falls on 1 January 2025 and counts for 2025', () => {
    const decision = decide({ individuals: 1, earlier: [{ ...january, date: '2024-12-31T16:30:00Z' }] });
    expect(decision.cumulative.individuals).toBe(100_000);
  });

  it('counts a transfer on the same day, not one after it or one not counted', () => {
    const sameDay = { ...january, date: '2025-06-15' };
    expect(decide({ individuals: 1, earlier: [sameDay] }).route).toBe(SC);
    expect(decide({ individuals: 1, earlier: [{ ...january, date: '2025-06-16' }] }).route).toBe('exempt');
    expect(decide({ individuals: 1, earlier: [{ ...january, countsTowardThresholds: false }] }).route).toBe('exempt');
  });

  it('a CII operator needs the assessment on either side of the boundary', () => {
    expect(decide({ operatorIsCii: true, transferDate: '2026-01-01', individuals: 1, earlier: [december] }).route).toBe(SA);
    expect(decide({ operatorIsCii: true, transferDate: '2025-12-31', individuals: 1, earlier: [january] }).route).toBe(SA);
  });
});

describe('near-threshold warnings at and below the warning share', () => {
  it('uses the 80 % setting these rows are written for', () => {
    expect(rules.warningShare.value).toBe(0.8);
  });

  it.each([
    [79_999, 0, []],
    [80_000, 0, ['individualsStandardContract']],
    [99_999, 0, ['individualsStandardContract']],
    [100_000, 0, []],
    [799_999, 0, []],
    [800_000, 0, ['individualsSecurityAssessment']],
    [10, 7_999, []],
    [10, 8_000, ['sensitiveIndividualsSecurityAssessment']],
    [800_000, 8_000, ['individualsSecurityAssessment', 'sensitiveIndividualsSecurityAssessment']],
  ])('%i individuals, %i sensitive → %o', (individuals, sensitiveIndividuals, expected) => {
    const warnings = decide({ individuals, sensitiveIndividuals }).warnings;
    expect(warnings.map((warning) => (warning.kind === 'threshold' ? warning.threshold : warning.kind))).toEqual(expected);
  });

  it('gives the value, the limit and the share, with the article', () => {
    const [warning] = decide({ individuals: 85_000 }).warnings;
    expect(warning).toMatchObject({ kind: 'threshold', threshold: 'individualsStandardContract', value: 85_000, limit: 100_000, share: 0.85 });
    expect(warning.text).toMatch(/85,000 .* 85 % of 100,000 \(Order 16 Art\. 8\): 15,000 more/);
  });

  it('warns from the year’s volumes for an exempted transfer that is not counted', () => {
    const earlier = [{ date: '2025-02-01', individuals: 90_000, sensitiveIndividuals: 0, countsTowardThresholds: true }];
    const decision = decide({ exemption: 'contract-with-individual', individuals: 50_000, earlier });
    expect(decision.cumulative.individuals).toBe(90_000);
    expect(decision.warnings).toHaveLength(1);
  });

  it('does not warn a CII operator or a transfer without personal information', () => {
    expect(decide({ operatorIsCii: true, individuals: 90_000 }).warnings).toEqual([]);
    const earlier = [{ date: '2025-02-01', individuals: 90_000, sensitiveIndividuals: 0, countsTowardThresholds: true }];
    expect(decide({ containsPersonalInformation: false, earlier }).warnings).toEqual([]);
  });
});

describe('bad facts', () => {
  it.each([
    [{ individuals: -1 }, 'facts.individuals'],
    [{ individuals: 1.5 }, 'facts.individuals'],
    [{ containsPersonalInformation: false, individuals: 3 }, 'facts.individuals'],
    [{ transferDate: '2025-02-30' }, 'facts.transferDate'],
    [{ transferDate: '2025-12-31T20:00:00' }, 'facts.transferDate'],
    [{ exemption: 'small-business' as ExemptionId }, 'facts.exemption'],
    [{ earlier: [{ date: 'yesterday', individuals: 1, sensitiveIndividuals: 0, countsTowardThresholds: true }] }, 'facts.earlier.0.date'],
    [{ earlier: [{ date: '2025-01-01', individuals: 1, sensitiveIndividuals: 0 }] }, 'facts.earlier.0.countsTowardThresholds'],
    [{ operatorIsCii: 'yes' as unknown as boolean }, 'facts.operatorIsCii'],
    [{ sensitive: 3 } as Partial<TransferFacts>, 'facts.sensitive'],
  ])('%o is refused naming %s', (overrides, argument) => {
    try {
      decide(overrides as Partial<TransferFacts>);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RampartError);
      expect((error as RampartError).code).toBe('RAMPART_E_BAD_ARGUMENT');
      expect((error as RampartError).params.argument).toBe(argument);
    }
  });
});
