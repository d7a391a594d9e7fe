"use client";

import { EVENT_TYPES } from "@/lib/jiko/event-terms";
import { eventGroups, toggleEvents } from "@/lib/webhook-form";

const GROUPS = eventGroups();

/** Events to subscribe to, grouped by subject; "All events" and each group tick at once. */
export function EventPicker({
  chosen,
  onChange,
  error,
}: {
  chosen: readonly string[];
  onChange: (events: string[]) => void;
  error?: string;
}) {
  const all = EVENT_TYPES.every((e) => chosen.includes(e));
  return (
    <fieldset aria-describedby={error ? "webhook-events-error" : undefined}>
      <legend className="text-sm font-medium">Events</legend>
      <label className="mt-1 flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          checked={all}
          onChange={(e) => onChange(toggleEvents(chosen, EVENT_TYPES, e.target.checked))}
        />
        All events
      </label>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {GROUPS.map((g) => {
          const ticked = g.events.filter((e) => chosen.includes(e)).length;
          return (
            <fieldset
              key={g.id}
              className="rounded-md border border-ink-200 p-2 dark:border-ink-700"
            >
              <legend className="px-1 text-xs font-medium text-ink-600 dark:text-ink-300">
                {g.label}
              </legend>
              {g.events.length > 1 && (
                <label className="flex items-center gap-2 text-xs">
                  <input
                    type="checkbox"
                    checked={ticked === g.events.length}
                    onChange={(e) => onChange(toggleEvents(chosen, g.events, e.target.checked))}
                  />
                  All {g.label.toLowerCase()}
                </label>
              )}
              {g.events.map((e) => (
                <label key={e} className="flex items-center gap-2 text-xs">
                  <input
                    type="checkbox"
                    checked={chosen.includes(e)}
                    onChange={(ev) => onChange(toggleEvents(chosen, [e], ev.target.checked))}
                  />
                  <span className="font-mono break-all">{e}</span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
      {error && (
        <p
          id="webhook-events-error"
          role="alert"
          className="mt-1 text-xs text-red-700 dark:text-red-300"
        >
          {error}
        </p>
      )}
    </fieldset>
  );
}
