import type { KeyedFieldError } from '../../contracts/field-messages.js';

/** One article of a draft (draft/add, reference §1.4), in our names; the client writes the platform's. */
export type WechatArticle = {
  /** At most 32 characters. */
  title: string;
  /** At most 16 characters. */
  author?: string;
  /** At most 128 characters; when empty the platform takes the first 54 characters of the body. */
  digest?: string;
  /** HTML with inline styles; fewer than 20,000 characters and under 1 MB; images from uploadImage only. */
  content: string;
  /** The 阅读原文 link, at most 1 KB. */
  contentSourceUrl?: string;
  /** A permanent image material (addPermanentImage). */
  thumbMediaId: string;
  needOpenComment?: boolean;
  onlyFansCanComment?: boolean;
};

export const ARTICLE_LIMITS = {
  titleChars: 32,
  authorChars: 16,
  digestChars: 128,
  /** Strictly fewer than this many characters. */
  contentChars: 20_000,
  /** Strictly fewer than this many bytes (UTF-8). */
  contentBytes: 1024 * 1024,
  sourceUrlBytes: 1024,
} as const;

/** Characters as the platform counts them (a Chinese character is one; an emoji is one). */
export const charCount = (s: string): number => Array.from(s).length;

const problem = (field: string, reason: string, zh: string, en: string): KeyedFieldError => ({ field, reason, message: zh, messages: { zh, en } });

/**
 * What is wrong with an article before it is sent (the platform's limits, reference §1.4 and
 * §1.10), as field errors in both languages; empty when it can be sent.
 */
export function checkWechatArticle(a: WechatArticle, prefix = 'article'): KeyedFieldError[] {
  const L = ARTICLE_LIMITS;
  const out: KeyedFieldError[] = [];
  const f = (name: string) => `${prefix}.${name}`;
  if (a.title.trim() === '') out.push(problem(f('title'), 'required', '标题不能为空', 'The title is required'));
  else if (charCount(a.title) > L.titleChars) {
    out.push(problem(f('title'), 'too-long', `标题不能超过 ${L.titleChars} 个字（当前 ${charCount(a.title)} 个）`, `The title can have at most ${L.titleChars} characters (it has ${charCount(a.title)})`));
  }
  if (a.author !== undefined && charCount(a.author) > L.authorChars) {
    out.push(problem(f('author'), 'too-long', `作者不能超过 ${L.authorChars} 个字（当前 ${charCount(a.author)} 个）`, `The author can have at most ${L.authorChars} characters (it has ${charCount(a.author)})`));
  }
  if (a.digest !== undefined && charCount(a.digest) > L.digestChars) {
    out.push(problem(f('digest'), 'too-long', `摘要不能超过 ${L.digestChars} 个字（当前 ${charCount(a.digest)} 个）`, `The digest can have at most ${L.digestChars} characters (it has ${charCount(a.digest)})`));
  }
  const chars = charCount(a.content);
  const bytes = Buffer.byteLength(a.content, 'utf8');
  if (a.content.trim() === '') out.push(problem(f('content'), 'required', '正文不能为空', 'The body is required'));
  else if (chars >= L.contentChars) {
    out.push(problem(f('content'), 'too-long', `正文须少于 ${L.contentChars} 个字符（含 HTML 标记，当前 ${chars} 个）`, `The body must have fewer than ${L.contentChars} characters, HTML included (it has ${chars})`));
  } else if (bytes >= L.contentBytes) {
    out.push(problem(f('content'), 'too-large', `正文须小于 1 MB（当前 ${(bytes / 1024 / 1024).toFixed(2)} MB）`, `The body must be under 1 MB (it is ${(bytes / 1024 / 1024).toFixed(2)} MB)`));
  }
  if (/<script[\s>]/i.test(a.content)) {
    out.push(problem(f('content'), 'script', '正文不能包含脚本', 'The body cannot contain scripts'));
  }
  if (a.contentSourceUrl !== undefined && a.contentSourceUrl !== '') {
    if (Buffer.byteLength(a.contentSourceUrl, 'utf8') > L.sourceUrlBytes) {
      out.push(problem(f('contentSourceUrl'), 'too-long', '“阅读原文”链接不能超过 1 KB', 'The "read original" link can be at most 1 KB'));
    } else if (!/^https?:\/\/\S+$/.test(a.contentSourceUrl) || !URL.canParse(a.contentSourceUrl)) {
      out.push(problem(f('contentSourceUrl'), 'url', '“阅读原文”链接须为 http(s) 网址', 'The "read original" link must be an http(s) URL'));
    }
  }
  if (a.thumbMediaId.trim() === '') out.push(problem(f('thumbMediaId'), 'required', '缺少封面图片（永久素材）', 'The cover image (a permanent material) is missing'));
  return out;
}

export type ImageKind = 'png' | 'jpg';

/** PNG or JPEG by their magic bytes; null for anything else. */
export function imageKindOf(data: Uint8Array): ImageKind | null {
  if (data.length >= 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47 && data[4] === 0x0d && data[5] === 0x0a && data[6] === 0x1a && data[7] === 0x0a) return 'png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  return null;
}
