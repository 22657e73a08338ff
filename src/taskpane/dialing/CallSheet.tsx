import { Button, Input, makeStyles, Select, Spinner, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { DEVICE_PATTERN, type DialerSummary } from '../../shared/api';
import type { DialpaneClient } from '../api';
import { ErrorState } from '../components/ErrorState';
import { Icon } from '../components/icons';
import { phoneText } from '../people';
import { strings } from '../strings';
import type { CallTarget } from './dialing-context';
import type { MyPhone } from './preferences';
import { CallOutcome } from './CallOutcome';
import { DevicePicker } from './DevicePicker';
import { useCallFlow } from './useCallFlow';

const useStyles = makeStyles({
  sheet: {
    position: 'absolute',
    inset: 0,
    display: 'flex',
    flexDirection: 'column',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    outlineStyle: 'none',
  },
  top: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, backgroundColor: tokens.colorNeutralBackground2 },
  head: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}`, backgroundColor: tokens.colorNeutralBackground2, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  title: { ...typographyStyles.subtitle1, margin: 0, overflowWrap: 'anywhere' },
  number: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}` },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  label: { ...typographyStyles.caption1Strong, color: tokens.colorNeutralForeground2 },
  hint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  invalid: { ...typographyStyles.caption1, color: tokens.colorStatusDangerForeground1 },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground2,
    minHeight: '64px',
    justifyContent: 'center',
  },
  previewLabel: { ...typographyStyles.caption1Strong, color: tokens.colorBrandForeground2, textTransform: 'uppercase', letterSpacing: '0.04em' },
  dialed: { ...typographyStyles.subtitle2, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  call: { width: '100%' },
});

/** "will dial …" → "Will dial …". */
const sentence = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export interface CallSheetProps {
  client: DialpaneClient;
  target: CallTarget;
  dialers: readonly DialerSummary[];
  mine: MyPhone | null;
  /** The user picked another dialer, device or line: remember it as "my phone". */
  onMine: (phone: MyPhone) => void;
  onClose: () => void;
}

/**
 * Calling through a dialer: which dialer ("Call with …"), my device where the dialer lets me pick
 * it, exactly what will be dialed (the service's preview), then Call and its outcome.
 */
export function CallSheet({ client, target, dialers, mine, onMine, onClose }: CallSheetProps): JSX.Element {
  const styles = useStyles();
  const titleId = useId();
  const dialerId = useId();
  const deviceId = useId();
  const callRef = useRef<HTMLButtonElement & HTMLAnchorElement>(null);
  const dialer = dialers.find((d) => d.id === mine?.dialerId) ?? (dialers[0] as DialerSummary);
  const sameDialer = mine?.dialerId === dialer.id;
  const [deviceText, setDeviceText] = useState(sameDialer ? (mine?.device ?? '') : '');
  const deviceValid = deviceText === '' || DEVICE_PATTERN.test(deviceText);
  // Listed devices come from my phone setting (DevicePicker writes it); a typed one from the field.
  // A link dialer opens the phone app on this computer: there is no device to name.
  const ownDevice = dialer.userDevice && !dialer.inPane;
  const device = !ownDevice ? undefined : dialer.listsDevices ? (sameDialer ? mine?.device : undefined) : deviceValid && deviceText !== '' ? deviceText : undefined;
  const line = ownDevice && sameDialer ? mine?.line : undefined;
  const mineRef = useRef(mine);
  mineRef.current = mine;
  // Another dialer: its own device field, filled from my phone when it is that dialer.
  useEffect(() => {
    const current = mineRef.current;
    setDeviceText(current?.dialerId === dialer.id ? (current.device ?? '') : '');
  }, [dialer.id]);
  const flow = useCallFlow(client, target, dialer, device, line);
  const phone = target.person.phones[target.phoneIndex];

  useEffect(() => callRef.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  const choose = (next: MyPhone): void => onMine(next);
  const ready = flow.preview.status === 'ready' ? flow.preview.preview : null;
  const busy = flow.call.status === 'placing';
  const canCall = ready !== null && deviceValid && !busy;
  const done = flow.call.status === 'placed' || flow.call.status === 'handed';

  return (
    <section className={styles.sheet} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown} data-testid="call-sheet">
      <div className={styles.top}>
        <Button appearance="subtle" icon={<Icon name="back" />} onClick={onClose} aria-label={strings.dial.backLabel}>
          {strings.dial.back}
        </Button>
      </div>
      <div className={styles.head}>
        <h2 id={titleId} className={styles.title}>
          {strings.dial.title(target.person.displayName)}
        </h2>
        {phone && (
          <span className={styles.number}>
            {phone.label} · {phoneText(phone)}
          </span>
        )}
      </div>
      <div className={styles.body}>
        <div className={styles.field}>
          <label className={styles.label} htmlFor={dialerId}>
            {strings.dial.callWith}
          </label>
          <Select id={dialerId} value={dialer.id} disabled={dialers.length < 2 || busy} onChange={(_e, data) => choose({ dialerId: data.value })} data-testid="dialer-select">
            {dialers.map((d) => (
              <option key={d.id} value={d.id}>
                {d.displayName}
              </option>
            ))}
          </Select>
        </div>
        {ownDevice && dialer.listsDevices && <DevicePicker client={client} dialer={dialer} device={device} line={line} onChange={(d, l) => choose({ dialerId: dialer.id, ...(d ? { device: d } : {}), ...(l ? { line: l } : {}) })} />}
        {ownDevice && !dialer.listsDevices && (
          <div className={styles.field}>
            <label className={styles.label} htmlFor={deviceId}>
              {strings.dial.myDevice}
            </label>
            <Input
              id={deviceId}
              value={deviceText}
              placeholder={dialer.defaultDevice}
              aria-invalid={!deviceValid}
              aria-describedby={`${deviceId}-hint`}
              onChange={(_e, data) => setDeviceText(data.value)}
              onBlur={() => deviceValid && choose({ dialerId: dialer.id, ...(deviceText ? { device: deviceText } : {}) })}
            />
            <span id={`${deviceId}-hint`} className={deviceValid ? styles.hint : styles.invalid}>
              {deviceValid ? strings.dial.myDeviceHint(dialer.defaultDevice) : strings.dial.myDeviceInvalid}
            </span>
          </div>
        )}
        <div className={styles.preview} aria-live="polite" data-testid="dial-preview">
          {flow.preview.status === 'loading' && <Spinner size="extra-small" label={strings.dial.previewLoading} labelPosition="after" />}
          {ready && (
            <>
              <span className={styles.previewLabel}>{strings.dial.previewHeading}</span>
              {/* The service's own sentence ("will dial 9 1 408 555 0100, then 123"): exactly what the dialer gets, spoken. */}
              <span className={styles.dialed} data-testid="dial-preview-text" data-dialed={ready.dialed}>
                {sentence(ready.preview)}
              </span>
            </>
          )}
        </div>
        {flow.preview.status === 'error' && <ErrorState error={flow.preview.error} onRetry={flow.retryPreview} />}
        {dialer.inPane ? (
          <Button
            ref={callRef}
            as="a"
            href={ready?.uri}
            className={styles.call}
            appearance="primary"
            size="large"
            icon={<Icon name="call" size={20} />}
            disabledFocusable={!ready?.uri}
            onClick={flow.handedOver}
            data-action="dial"
          >
            {strings.dial.openApp}
          </Button>
        ) : (
          <Button
            ref={callRef}
            className={styles.call}
            // After a call went through, calling again is possible but no longer the obvious next step.
            appearance={done ? 'secondary' : 'primary'}
            size="large"
            icon={busy ? <Spinner size="tiny" /> : <Icon name="call" size={20} />}
            disabledFocusable={!canCall}
            onClick={(event) => {
              // The second click of a double click (detail 2) is not a second call, even when the first one already answered.
              if (event.detail > 1 || !canCall) return;
              flow.place();
            }}
            data-action="dial"
          >
            {busy ? strings.dial.calling : done ? strings.dial.callAgain : flow.call.status === 'failed' ? strings.dial.tryAgain : strings.dial.call}
          </Button>
        )}
        <CallOutcome call={flow.call} dialerName={dialer.displayName} />
      </div>
    </section>
  );
}
