/**
 * A message that floats above the window's bottom edge: for news that must not move the
 * article under the reader's pointer (a merge with another window's save arrives while
 * they drag across text). It stays until dismissed — no timer to race against. It is not
 * a live region itself: whoever shows one says it through the window's (live-region.tsx).
 */
interface Props {
  message: string;
  onDismiss: () => void;
  testId?: string;
}

export function Toast({ message, onDismiss, testId }: Props) {
  return (
    <div className="toast" data-testid={testId}>
      <span>{message}</span>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
