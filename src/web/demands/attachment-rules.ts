import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../app/api.js';
import { ATTACHMENT_EXTENSIONS, attachmentExtension } from '../../domain/demands/attachment-kinds.js';
import type { AttachmentRules } from '../../contracts/demands.js';

/** What the server accepts as a demand attachment: images, PDF and Office files (one list, in the domain). */
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');
/** Shown until the server's own limit (UPLOAD_MAX_MB) has been fetched. */
const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

export function isAllowedAttachment(fileName: string): boolean {
  return attachmentExtension(fileName) !== null;
}

/** The server's size limit, in whole megabytes for the texts, and in bytes to refuse a file before sending it. */
export function useAttachmentLimit(): { maxBytes: number; maxMb: number } {
  const rules = useQuery({
    queryKey: ['demands', 'attachment-rules'],
    queryFn: () => apiGet<AttachmentRules>('/api/demands/attachment-rules'),
    staleTime: Infinity,
  });
  const maxBytes = rules.data?.maxBytes ?? DEFAULT_UPLOAD_MAX_BYTES;
  return { maxBytes, maxMb: Math.floor(maxBytes / 1024 / 1024) };
}

/** 1.2 MB / 340 KB. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
