import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <section>
      <h1>Not here</h1>
      <p>
        This page does not exist, or your role does not include it. <Link to="/">Go to your start page</Link>.
      </p>
    </section>
  );
}
