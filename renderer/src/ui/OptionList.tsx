/**
 * The list of choices under a combobox (ARIA 1.2 listbox pattern): the input keeps the
 * focus and points at the active option with aria-activedescendant; an option is chosen
 * on mouse down, since a click would blur the input first and close the list.
 */
export interface Choice {
  key: string;
  text: string;
  detail?: string | undefined;
}

/** The option ArrowDown (or ArrowUp) makes active among `count`, wrapping round the ends. */
export function stepChoice(active: number, down: boolean, count: number): number {
  return count ? (active + (down ? 1 : -1) + count) % count : 0;
}

interface Props<C extends Choice> {
  listId: string;
  label: string;
  options: readonly C[];
  active: number;
  onChoose: (option: C) => void;
}

export function OptionList<C extends Choice>({ listId, label, options, active, onChoose }: Props<C>) {
  return (
    <ul id={listId} role="listbox" className="ref-options" aria-label={label}>
      {options.map((option, i) => (
        <li
          key={option.key}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          onMouseDown={(event) => {
            event.preventDefault();
            onChoose(option);
          }}
        >
          <span dir="auto">{option.text}</span> {option.detail !== undefined && <span className="muted small">{option.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
