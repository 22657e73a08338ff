import { makeStyles, Select, Spinner, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useId, useState, type JSX } from 'react';
import type { DialerDevice, DialerSummary } from '../../shared/api';
import type { ApiFailure, DialpaneClient } from '../api';
import { strings } from '../strings';
import { fetchDevices } from './dial-client';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  label: { ...typographyStyles.caption1Strong, color: tokens.colorNeutralForeground2 },
  error: { ...typographyStyles.caption1, color: tokens.colorStatusDangerForeground1 },
});

export interface DevicePickerProps {
  client: DialpaneClient;
  dialer: DialerSummary;
  device: string | undefined;
  line: string | undefined;
  onChange: (device: string | undefined, line: string | undefined) => void;
}

/** My phone and line, for dialers whose phone system lists them (WebDialer's getProfileDetailSoap). */
export function DevicePicker({ client, dialer, device, line, onChange }: DevicePickerProps): JSX.Element {
  const styles = useStyles();
  const deviceId = useId();
  const lineId = useId();
  const [devices, setDevices] = useState<DialerDevice[] | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setDevices(null);
    setError(null);
    void fetchDevices(client, dialer.id, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) setDevices(result.data);
      else setError(result.error);
    });
    return () => controller.abort();
  }, [client, dialer.id]);

  // Nothing chosen and no default on the dialer: the first phone is mine until I pick another.
  useEffect(() => {
    const first = devices?.[0];
    if (first && device === undefined && dialer.defaultDevice === undefined) onChange(first.deviceName, undefined);
  }, [devices, device, dialer.defaultDevice, onChange]);

  if (error) return <span className={styles.error} role="alert">{`${error.message} ${error.hint}`}</span>;
  if (devices === null) return <Spinner size="extra-tiny" label={strings.dial.loadingDevices} labelPosition="after" />;
  const chosen = devices.find((d) => d.deviceName === device) ?? devices.find((d) => d.deviceName === dialer.defaultDevice) ?? devices[0];
  return (
    <>
      <div className={styles.field}>
        <label className={styles.label} htmlFor={deviceId}>
          {strings.dial.myDevice}
        </label>
        <Select id={deviceId} value={chosen?.deviceName ?? ''} onChange={(_e, data) => onChange(data.value, undefined)}>
          {devices.map((d) => (
            <option key={d.deviceName} value={d.deviceName}>
              {d.description ? `${d.description} (${d.deviceName})` : d.deviceName}
            </option>
          ))}
        </Select>
      </div>
      {chosen && chosen.lines.length > 1 && (
        <div className={styles.field}>
          <label className={styles.label} htmlFor={lineId}>
            {strings.dial.myLine}
          </label>
          <Select id={lineId} value={line ?? chosen.lines[0]} onChange={(_e, data) => onChange(chosen.deviceName, data.value)}>
            {chosen.lines.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </Select>
        </div>
      )}
    </>
  );
}
