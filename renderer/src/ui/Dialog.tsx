/** The one modal dialog frame every dialog uses: overlay, labelled box, title. */
import type { ReactNode } from 'react';

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
  const className = wide ? 'dialog wide' : 'dialog';
  const stop = (event: React.MouseEvent) => event.stopPropagation();
  const body = (
    <>
      <h2>{title}</h2>
      {children}
    </>
  );
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={label} onClick={onDismiss}>
      {onSubmit ? (
        <form
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
        <div className={className} onClick={stop}>
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
