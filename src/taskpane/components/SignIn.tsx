import { Button, Field, Input, makeStyles, Select, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent, type JSX } from 'react';
import type { SignInOptions } from '../../shared/api';
import type { ApiFailure, DialpaneClient } from '../api';
import { strings } from '../strings';
import { ErrorState } from './ErrorState';
import { Header } from './Header';
import { LoadingState } from './LoadingState';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}` },
  title: { ...typographyStyles.subtitle1, margin: 0 },
  body: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
  notice: { ...typographyStyles.body1Strong, margin: 0 },
  submit: { alignSelf: 'flex-start' },
});

export interface SignInProps {
  client: DialpaneClient;
  /** Why the form shows, e.g. "Your session has expired." */
  notice?: string | undefined;
}

/**
 * The sign-in form, shown when the service answered 401. The password never leaves this form but
 * in the POST to the service; the field is cleared after every attempt.
 */
export function SignIn({ client, notice }: SignInProps): JSX.Element {
  const styles = useStyles();
  const [options, setOptions] = useState<{ status: 'loading' } | { status: 'ready'; options: SignInOptions } | { status: 'error'; error: ApiFailure }>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [directoryId, setDirectoryId] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    void client.signInOptions(controller.signal).then((result) => {
      if (!controller.signal.aborted) setOptions(result.ok ? { status: 'ready', options: result.data } : { status: 'error', error: result.error });
    });
    return () => controller.abort();
  }, [client, attempt]);

  const directories = options.status === 'ready' ? options.options.directories : [];
  const chosen = directories.find((d) => d.id === directoryId)?.id ?? directories[0]?.id ?? '';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await client.signIn({ directoryId: chosen, username, password });
    setPassword('');
    setBusy(false);
    if (!result.ok) setFailure(result.error);
  };

  return (
    <div className={styles.root} data-testid="sign-in">
      <Header directories={[]} directoryId={null} onDirectory={() => undefined} />
      {options.status === 'loading' && <LoadingState label={strings.signIn.loading} />}
      {options.status === 'error' && <ErrorState error={options.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {options.status === 'ready' && (
        <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby="dialpane-sign-in-title">
          <h2 className={styles.title} id="dialpane-sign-in-title">
            {strings.signIn.title}
          </h2>
          {notice !== undefined && <p className={styles.notice} role="status">{notice}</p>}
          <p className={styles.body}>{strings.signIn.body}</p>
          {directories.length > 1 && (
            <Field label={strings.signIn.directory}>
              <Select value={chosen} onChange={(_e, data) => setDirectoryId(data.value)}>
                {directories.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.displayName}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field label={strings.signIn.username} hint={strings.signIn.usernameHint} required>
            <Input value={username} onChange={(_e, data) => setUsername(data.value)} autoComplete="username" spellCheck={false} autoFocus />
          </Field>
          <Field label={strings.signIn.password} required>
            <Input type="password" value={password} onChange={(_e, data) => setPassword(data.value)} autoComplete="current-password" />
          </Field>
          {failure !== null && <ErrorState error={failure} />}
          <Button className={styles.submit} appearance="primary" type="submit" disabled={busy || username.trim() === '' || password.trim() === ''}>
            {busy ? strings.signIn.signingIn : strings.signIn.submit}
          </Button>
        </form>
      )}
    </div>
  );
}
