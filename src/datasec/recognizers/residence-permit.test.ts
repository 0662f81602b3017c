import { describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from './checksums.js';
import { residencePermitRecognizer } from './residence-permit.js';

const permit = (first17: string) => first17 + residentIdCheckCharacter(first17);

describe('residence permit recognizer', () => {
  it('finds HK, Macao and Taiwan permits', () => {
    for (const region of ['810000', '820000', '830000']) {
      const number = permit(`${region}19900101123`);
      expect(residencePermitRecognizer.find(`居住证${number}`).map((finding) => finding.score)).toEqual([0.9]);
    }
  });
  it('rejects resident IDs, other regions and impossible dates; a wrong check scores low', () => {
    expect(residencePermitRecognizer.find('11010519491231002X')).toEqual([]);
    expect(residencePermitRecognizer.find(permit('81010019900101123'))).toEqual([]);
    expect(residencePermitRecognizer.find(permit('81000019901301123'))).toEqual([]);
    const good = permit('81000019900101123');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(residencePermitRecognizer.find(bad).map((finding) => finding.score)).toEqual([0.2]);
  });
});
