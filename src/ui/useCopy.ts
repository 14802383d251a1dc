import { useState } from 'preact/hooks';

export type CopyResult = 'yes' | 'failed' | null;

/**
 * Copies `text` to the clipboard; without clipboard access the text of `fallback` (an input or textarea
 * near the button) is selected instead, so Ctrl+C copies it.
 */
export function useCopy(text: string): { copied: CopyResult; copy: (fallback: HTMLInputElement | HTMLTextAreaElement | null) => Promise<void> } {
  const [copied, setCopied] = useState<CopyResult>(null);
  const copy = async (fallback: HTMLInputElement | HTMLTextAreaElement | null) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      fallback?.select();
      setCopied('failed');
    }
  };
  return { copied, copy };
}
