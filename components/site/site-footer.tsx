export function SiteFooter() {
  return (
    <footer className="border-t border-border py-6 text-sm text-muted">
      <div className="mx-auto max-w-7xl px-4">
        Kubernetes Networking Lab — open source under the Apache 2.0 licence. Your progress is kept on this
        server and identified by a cookie in this browser; no account is needed.
      </div>
    </footer>
  );
}
