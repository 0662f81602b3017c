import { describe, expect, it } from 'vitest';
import { ipv6GroupCount, ipv6Recognizer } from './ipv6.js';

const texts = (text: string) => ipv6Recognizer.find(text).map((finding) => finding.text);

describe('IPv6 recognizer', () => {
  it('finds full, compressed and IPv4-mapped forms', () => {
    expect(texts('地址2001:db8::8a2e:370:7334，client fe80:0:0:0:202:b3ff:fe1e:8329 and ::ffff:192.0.2.128.')).toEqual([
      '2001:db8::8a2e:370:7334', 'fe80:0:0:0:202:b3ff:fe1e:8329', '::ffff:192.0.2.128',
    ]);
    expect(ipv6GroupCount('::1')).toBe(1);
  });
  it('rejects nine groups, two ::, five-digit groups, times and MAC addresses', () => {
    expect(texts('1:2:3:4:5:6:7:8:9 2001::db8::1 2001:db8::12345 12:30:45 00:1A:2B:3C:4D:5E')).toEqual([]);
  });
});
