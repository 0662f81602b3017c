// Loading and failure, said the same way on every page; failures are announced to screen readers.

export function Loading({ what }: { readonly what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorNotice({ error }: { readonly error: Error | undefined }) {
  if (error === undefined) return null;
  return (
    <p className="error" role="alert">
      {error.message}
    </p>
  );
}
