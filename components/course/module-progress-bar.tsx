import type { ModuleProgress } from "@/lib/content/course-progress";

export function ModuleProgressBar({ progress, label }: { progress: ModuleProgress; label: string }) {
  const percent = progress.total === 0 ? 0 : Math.round((progress.completed / progress.total) * 100);
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.completed}
        aria-valuetext={`${progress.completed} of ${progress.total} lessons completed`}
        className="h-2 flex-1 overflow-hidden rounded-full bg-surface-strong"
      >
        <div className="h-full rounded-full bg-success" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-sm tabular-nums text-muted">
        {progress.completed}/{progress.total}
      </span>
    </div>
  );
}
