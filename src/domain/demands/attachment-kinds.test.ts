import { describe, expect, it } from 'vitest';
import { attachmentExtension } from './attachment-kinds.js';

describe('attachmentExtension', () => {
  it.each([
    ['现场照片.JPG', 'jpg'],
    ['材料.tar.pdf', 'pdf'],
    ['报价单.xlsx', 'xlsx'],
    ['setup.exe', null],
    ['无扩展名', null],
    ['pdf', null],
    ['.pdf', 'pdf'],
  ])('%s → %s', (name, expected) => {
    expect(attachmentExtension(name)).toBe(expected);
  });
});
