import { describe, expect, it } from 'vitest';
import { stepChoice } from '../../../renderer/src/ui/OptionList.js';

describe('stepping through a combobox list', () => {
  it('moves down and up, wrapping round the ends, and stays at 0 with nothing to choose', () => {
    expect(stepChoice(0, true, 3)).toBe(1);
    expect(stepChoice(2, true, 3)).toBe(0);
    expect(stepChoice(0, false, 3)).toBe(2);
    expect(stepChoice(1, false, 3)).toBe(0);
    expect(stepChoice(4, true, 0)).toBe(0);
  });
});
