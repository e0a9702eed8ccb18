/**
 * Find in the open article (Ctrl+F, Edit → Find): every match is marked, Enter and
 * Shift+Enter step through them, and the current match is selected, so pressing a
 * label key tags it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { findAll } from '../../../shared/text/find.js';

interface Props {
  text: string;
  onMatches: (matches: { start: number; end: number }[], current: number | null) => void;
  onClose: () => void;
}

export function FindBar({ text, onMatches, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => findAll(text, query), [text, query]);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    onMatches(matches, matches.length ? Math.min(current, matches.length - 1) : null);
  }, [matches, current, onMatches]);
  useEffect(() => () => onMatches([], null), [onMatches]);

  const step = (by: number) => setCurrent((at) => (matches.length ? (at + by + matches.length) % matches.length : 0));
  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        type="search"
        value={query}
        placeholder="Find in article"
        aria-label="Find in article"
        onChange={(event) => {
          setQuery(event.target.value);
          setCurrent(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          }
          if (event.key === 'Escape') {
            // Close the bar only: the match stays selected (the app's Esc would clear it).
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      />
      <span className="muted small" aria-live="polite">
        {query === '' ? '' : matches.length ? `${Math.min(current, matches.length - 1) + 1} of ${matches.length}` : 'No matches'}
      </span>
      <button type="button" onClick={() => step(-1)} disabled={!matches.length} aria-label="Previous match">
        ↑
      </button>
      <button type="button" onClick={() => step(1)} disabled={!matches.length} aria-label="Next match">
        ↓
      </button>
      <button type="button" onClick={onClose} aria-label="Close find">
        ×
      </button>
    </div>
  );
}
