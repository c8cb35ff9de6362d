/**
 * Offers content as a file download through a temporary object URL (nothing leaves the page); the
 * URL is released after a minute, long enough for a large file to be saved.
 */
export function downloadFile(content: Blob | Uint8Array | string, fileName: string, mimeType: string): void {
  const blob = content instanceof Blob ? content : new Blob([typeof content === 'string' ? content : content.slice().buffer], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
