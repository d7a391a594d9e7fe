"use client";

import { useState } from "react";
import { DATE_PRESETS, type DatePreset, EARLIEST_DAY, latestDay } from "@/lib/transaction-filters";
import { Field, Input, Select } from "./field";

/**
 * A date preset ("Last 30 days", "Year to date"…) with a custom From/To that appears when chosen.
 * Named `range`, `from` and `to` in the form, as the filter schemas read them.
 */
export function DateRangeFields({
  idPrefix,
  label,
  value,
  errors,
}: {
  idPrefix: string;
  label: string;
  value: { range?: DatePreset; from?: string; to?: string };
  errors: { from?: string; to?: string };
}) {
  const [range, setRange] = useState<DatePreset | "">(value.range ?? "");
  const today = latestDay();
  const hint = `${EARLIEST_DAY} to ${today}`;
  return (
    <>
      <Field id={`${idPrefix}-range`} label={label}>
        <Select
          id={`${idPrefix}-range`}
          name="range"
          value={range}
          onChange={(e) => setRange(e.target.value as DatePreset | "")}
        >
          <option value="">Any time</option>
          {Object.entries(DATE_PRESETS).map(([k, text]) => (
            <option key={k} value={k}>
              {text}
            </option>
          ))}
        </Select>
      </Field>
      {range === "custom" && (
        <>
          <Field id={`${idPrefix}-from`} hint={hint} label="From (ET)" error={errors.from}>
            <Input
              id={`${idPrefix}-from`}
              name="from"
              type="date"
              min={EARLIEST_DAY}
              max={today}
              defaultValue={value.from ?? ""}
              invalid={!!errors.from}
            />
          </Field>
          <Field id={`${idPrefix}-to`} hint={hint} label="To (ET)" error={errors.to}>
            <Input
              id={`${idPrefix}-to`}
              name="to"
              type="date"
              min={EARLIEST_DAY}
              max={today}
              defaultValue={value.to ?? ""}
              invalid={!!errors.to}
            />
          </Field>
        </>
      )}
    </>
  );
}

/** The range part of a submitted form: custom dates only count with the custom preset. */
export function dateRangeOf(data: FormData) {
  const range = (data.get("range") as string) || undefined;
  const custom = range === "custom";
  return {
    range,
    from: custom ? (data.get("from") as string) || undefined : undefined,
    to: custom ? (data.get("to") as string) || undefined : undefined,
  };
}
