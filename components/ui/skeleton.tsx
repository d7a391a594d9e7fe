export function Skeleton({ className = "" }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={`animate-pulse rounded-md bg-ink-200 dark:bg-ink-800 ${className}`}
    />
  );
}
