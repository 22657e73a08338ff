/** Show All cursors are opaque to the pane; each Directory decides what they hold. */
import { DialpaneError } from '../errors';

export const cursorExpired = (): DialpaneError =>
  new DialpaneError('CURSOR_EXPIRED', 'This Show All list has expired or its cursor is not valid.', 'Click Show All again to start from the beginning.');
