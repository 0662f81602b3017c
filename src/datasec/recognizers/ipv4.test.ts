import { describe, expect, it } from 'vitest';
import { ipv4Recognizer } from './ipv4.js';

const texts = (text: string) => ipv4Recognizer.find(text).map((finding) => finding.text);

describe('IPv4 recognizer', () => {
  it('finds dotted quads in text and logs', () => {
    expect(texts('来源地址192.168.1.10，src=10.0.0.255 dst=8.8.8.8.')).toEqual(['192.168.1.10', '10.0.0.255', '8.8.8.8']);
  });
  it('rejects octets over 255, three or five parts, and lowers leading zeros', () => {
    expect(texts('256.1.1.1 1.2.3 1.2.3.4.5 1.3.6.1.4.1.311')).toEqual([]);
    expect(ipv4Recognizer.find('010.001.001.001')[0].score).toBe(0.3);
  });
});
