/**
 * The one modal dialog frame every dialog uses: overlay, labelled box, title; the focus
 * moves in, stays in and goes back out as a modal dialog's should (focus-trap.ts).
 */
import { useRef, type ReactNode } from 'react';
import { useFocusTrap } from './focus-trap.js';

interface Props {
  /** The accessible name (what tests and screen readers find it by). */
  label: string;
  title: string;
  wide?: boolean;
  /** Makes the box a form: Enter submits. */
  onSubmit?: () => void;
  /** A click on the overlay outside the box closes it. */
  onDismiss?: () => void;
  children: ReactNode;
}

export function Dialog({ label, title, wide = false, onSubmit, onDismiss, children }: Props) {
  const overlay = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLElement>(null);
  const onKeyDown = useFocusTrap(overlay, box);
  const className = wide ? 'dialog wide' : 'dialog';
  const stop = (event: React.MouseEvent) => event.stopPropagation();
  const body = (
    <>
      <h2>{title}</h2>
      {children}
    </>
  );
  return (
    <div ref={overlay} className="overlay" role="dialog" aria-modal="true" aria-label={label} onClick={onDismiss} onKeyDown={onKeyDown}>
      {onSubmit ? (
        <form
          ref={(element) => void (box.current = element)}
          className={className}
          onClick={stop}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {body}
        </form>
      ) : (
        <div ref={(element) => void (box.current = element)} className={className} onClick={stop}>
          {body}
        </div>
      )}
    </div>
  );
}

/** An error line under a dialog's fields. */
export function DialogError({ message }: { message: string | null }) {
  return message ? (
    <p className="error" role="alert">
      {message}
    </p>
  ) : null;
}

/** Cancel and submit, at the foot of a form dialog. */
export function DialogActions({ submit, disabled = false, onCancel, cancel = 'Cancel' }: { submit: string; disabled?: boolean; onCancel?: (() => void) | undefined; cancel?: string }) {
  return (
    <div className="buttons">
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {cancel}
        </button>
      )}
      <button type="submit" className="primary" disabled={disabled}>
        {submit}
      </button>
    </div>
  );
}
