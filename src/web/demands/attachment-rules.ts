/**
 * What the server accepts as a demand attachment: images, PDF and Office files.
 * The size limit is the server's UPLOAD_MAX_MB (default 20); the API does not
 * publish it yet, so the UI names the default and leaves the refusal to the server.
 */
export const ATTACHMENT_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'] as const;
export const DEFAULT_UPLOAD_MAX_MB = 20;

export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');

export function isAllowedAttachment(fileName: string): boolean {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return fileName.includes('.') && (ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext);
}

/** 1.2 MB / 340 KB. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
