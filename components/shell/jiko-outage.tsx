"use client";

import { CloudOff, Hourglass } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { outageRetryDelayMs } from "@/lib/query-client";
import type { Outage } from "./outage-digest";

/**
 * Failures in a row in this tab. Each failed try mounts a new outage state, so the count lives
 * here: a failure soon after the last wait ran out continues the streak and waits longer.
 */
const streak = { failures: 0, until: 0 };

function nextWaitMs(retryAfterSeconds?: number): number {
  const now = Date.now();
  streak.failures = now <= streak.until ? streak.failures + 1 : 1;
  const wait = outageRetryDelayMs(streak.failures, retryAfterSeconds);
  // The next try's answer takes at most one budgeted Jiko call (8 s) and a render.
  streak.until = now + wait + 30_000;
  return wait;
}

const COPY = {
  unavailable: {
    icon: CloudOff,
    title: "Jiko is not answering right now",
    message:
      "Treasury Desk cannot get your information from Jiko at the moment. Nothing is lost: this page comes back by itself as soon as Jiko answers.",
  },
  "rate-limited": {
    icon: Hourglass,
    title: "Too many requests to Jiko",
    message:
      "Jiko asked Treasury Desk to wait before asking again. Nothing is lost: this page loads again by itself once the wait is over.",
  },
} as const;

function inWords(seconds: number): string {
  if (seconds === 1) return "1 second";
  return seconds < 90 ? `${seconds} seconds` : `about ${Math.round(seconds / 60)} minutes`;
}

/**
 * The state a page shows while Jiko is away: what happened, when it tries again (2, 4, 8 … up
 * to 30 s apart, or what Jiko asked), and a button to try now. Mount it once per failure.
 */
export function JikoOutage({ outage, retry }: { outage: Outage; retry: () => void }) {
  const retryRef = useRef(retry);
  useEffect(() => {
    retryRef.current = retry;
  }, [retry]);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [checking, setChecking] = useState(false);
  const [now, setNow] = useState(0);
  const [attempt, setAttempt] = useState<number>();

  useEffect(() => {
    const wait = nextWaitMs(outage.retryAfterSeconds);
    setAttempt(streak.failures);
    setRetryAt(Date.now() + wait);
    setNow(Date.now());
    const timer = setTimeout(() => {
      setChecking(true);
      retryRef.current();
    }, wait);
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    return () => {
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, [outage.retryAfterSeconds]);

  const copy = COPY[outage.kind];
  const secondsLeft = retryAt === null ? null : Math.max(1, Math.ceil((retryAt - now) / 1000));
  const status = checking
    ? "Checking whether Jiko answers…"
    : secondsLeft === null
      ? "This page tries again by itself."
      : `Trying again in ${inWords(secondsLeft)}.`;
  return (
    <div data-testid="jiko-outage" data-kind={outage.kind} data-failures={attempt}>
      <ErrorState
        tone="outage"
        icon={copy.icon}
        title={copy.title}
        message={copy.message}
        status={status}
        heading="h1"
        onRetry={() => {
          setChecking(true);
          retry();
        }}
      />
    </div>
  );
}
