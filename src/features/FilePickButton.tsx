import { useRef, type ReactNode } from 'react';

interface FilePickButtonProps {
  children: ReactNode;
  /** File types offered by the browser's dialog (`.json,application/json`). */
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  className?: string;
  /** Test id of the button; the hidden input's is `inputTestId`. */
  testId?: string;
  inputTestId: string;
  onFiles: (files: File[]) => void;
}

/**
 * A button that opens the browser's file dialog through a hidden input: the button takes the focus
 * and the keyboard, the input stays out of the tab order. The input is emptied after each choice, so
 * picking the same file again is seen.
 */
export function FilePickButton({ children, accept, multiple = false, disabled, className, testId, inputTestId, onFiles }: FilePickButtonProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} data-testid={testId} disabled={disabled} onClick={() => inputRef.current?.click()}>
        {children}
      </button>
      <input
        ref={inputRef}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        accept={accept}
        multiple={multiple}
        data-testid={inputTestId}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
