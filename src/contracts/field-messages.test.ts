import { describe, it, expect } from 'vitest';
import { FIELD_MESSAGES, fieldError, renderFieldMessage, isFieldMessageKey } from './field-messages.js';

describe('renderFieldMessage', () => {
  it('fills the parameters in the language asked for', () => {
    expect(renderFieldMessage('uscc-check-digit', 'zh', { expected: '6', value: '7' })).toBe('校验码错误：第18位应为“6”，实为“7”');
    expect(renderFieldMessage('uscc-check-digit', 'en', { expected: '6', value: '7' })).toBe('Wrong check character: position 18 should be "6", not "7"');
  });
  it('has every message in both languages with the same placeholders', () => {
    for (const [key, m] of Object.entries(FIELD_MESSAGES)) {
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(names(m.en), key).toEqual(names(m.zh));
      expect(m.zh.length * m.en.length, key).toBeGreaterThan(0);
    }
  });
});

describe('fieldError', () => {
  it('names the message by key and carries a Chinese text for callers outside HTTP', () => {
    const e = fieldError('timeZone', 'unknown-time-zone', { value: 'Mars/Base' });
    expect(e).toEqual({ field: 'timeZone', reason: 'unknown-time-zone', message: '未知的时区：Mars/Base', params: { value: 'Mars/Base' } });
    expect(isFieldMessageKey(e.reason)).toBe(true);
    expect(isFieldMessageKey('maxLength')).toBe(false);
  });
});
