// The frame of every page: a skip link, the organisation and user, the navigation the caller may use,
// sign-out, and the page itself. The navigation folds into a menu button on a narrow screen.
import { useState } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useSession } from '../api/session.js';
import { navigationFor } from '../lib/permissions.js';

export function Layout() {
  const { me, signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const navigate = useNavigate();
  if (me === undefined) return null;
  const items = navigationFor({ role: me.user.role, kind: me.organisation.kind });
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">Rampart</span>
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="main-navigation" onClick={() => setMenuOpen((open) => !open)}>
          Menu
        </button>
        <nav id="main-navigation" aria-label="Main" className={menuOpen ? 'open' : undefined}>
          <ul>
            {items.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} onClick={() => setMenuOpen(false)}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            {me.user.displayName} · {me.user.role}
            {me.user.role === 'auditor' ? ' (read-only)' : ''} · {me.organisation.name}
            {me.organisation.kind === 'hub' ? ' (coordination centre)' : ''}
          </span>
          <button
            type="button"
            onClick={() => {
              // Back to the start, so the next user (perhaps of another organisation) does not land on this page.
              navigate('/', { replace: true });
              void signOut();
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
