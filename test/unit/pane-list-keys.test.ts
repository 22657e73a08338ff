/** Keyboard map of the result list (src/taskpane/list-keys.ts): WAI-ARIA listbox keys. */
import type { KeyboardEvent } from 'react';
import { listKeyDown, type ListKeyboard } from '../../src/taskpane/list-keys';

function press(key: string, state: Partial<ListKeyboard> & { active: number; count: number }, modifiers: { ctrlKey?: boolean } = {}) {
  const calls: string[] = [];
  let prevented = false;
  const handler = listKeyDown({
    pageRows: () => 5,
    moveTo: (i) => calls.push(`move ${i}`),
    open: (i) => calls.push(`open ${i}`),
    leave: () => calls.push('leave'),
    ...state,
  });
  handler({ key, altKey: false, ctrlKey: false, metaKey: false, ...modifiers, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent<HTMLElement>);
  return { calls, prevented };
}

describe('result list keys', () => {
  test.each([
    ['ArrowDown', -1, ['move 0']],
    ['ArrowDown', 3, ['move 4']],
    ['ArrowDown', 9, ['move 9']],
    ['ArrowUp', 4, ['move 3']],
    ['ArrowUp', 0, ['leave']],
    ['PageDown', 2, ['move 7']],
    ['PageDown', 8, ['move 9']],
    ['PageUp', 3, ['move 0']],
    ['Home', 6, ['move 0']],
    ['End', 1, ['move 9']],
    ['Enter', 4, ['open 4']],
    [' ', 4, ['open 4']],
    ['Enter', -1, []],
    ['Escape', 4, ['leave']],
  ])('with 10 rows, %j on row %i does %j', (key, active, expected) => {
    const { calls, prevented } = press(key, { active, count: 10 });
    expect(calls).toEqual(expected);
    expect(prevented).toBe(true);
  });

  test('when the list is empty, then only leaving works', () => {
    expect(press('ArrowDown', { active: -1, count: 0 }).calls).toEqual([]);
    expect(press('Escape', { active: -1, count: 0 }).calls).toEqual(['leave']);
  });

  test('when a modifier is held or the key is not a list key, then the browser keeps it', () => {
    expect(press('End', { active: 1, count: 10 }, { ctrlKey: true })).toEqual({ calls: [], prevented: false });
    expect(press('a', { active: 1, count: 10 })).toEqual({ calls: [], prevented: false });
  });
});
