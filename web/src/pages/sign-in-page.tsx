// Sign in with a user name and password (POST /api/sessions gives a token) or with a pasted API token.
import { useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client.js';
import { useSession } from '../api/session.js';
import { ErrorNotice } from '../components/notices.js';

type Method = 'password' | 'token';

export function SignInPage() {
  const { signIn } = useSession();
  const [method, setMethod] = useState<Method>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (method === 'password') {
        const answer = await apiRequest<{ token: string }>('/api/sessions', { method: 'POST', body: { username: username.trim(), password } });
        await signIn(answer.token);
      } else {
        await signIn(token.trim());
      }
    } catch (failure) {
      setError(failure as Error);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <h1>Rampart</h1>
      <p className="muted">Security barrier for critical information infrastructure · 关键信息基础设施安全保护</p>
      <form onSubmit={(event) => void submit(event)} aria-describedby={error ? 'sign-in-error' : undefined}>
        <fieldset className="segmented">
          <legend>Sign in with</legend>
          <label>
            <input type="radio" name="method" value="password" checked={method === 'password'} onChange={() => setMethod('password')} /> User name and password
          </label>
          <label>
            <input type="radio" name="method" value="token" checked={method === 'token'} onChange={() => setMethod('token')} /> API token
          </label>
        </fieldset>
        {method === 'password' ? (
          <>
            <label className="field">
              User name
              <input name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
            </label>
            <label className="field">
              Password
              <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
            </label>
          </>
        ) : (
          <label className="field">
            Token (rmp_…)
            <input name="token" autoComplete="off" spellCheck={false} required value={token} onChange={(event) => setToken(event.target.value)} />
          </label>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <div id="sign-in-error">
          <ErrorNotice error={error} />
        </div>
      </form>
    </main>
  );
}
