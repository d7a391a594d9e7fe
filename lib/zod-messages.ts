/**
 * Sentences for zod's issues, in one place: a schema without its own message never shows a person
 * zod's default ("Too big: expected string to have <=64 characters"). Installed as zod's global
 * error map when this module loads; messages written in a schema still win. lib/jiko/common.ts and
 * lib/permissions.ts import it, so every Jiko schema, form and route guard has it.
 */
import { z } from "zod";

type Issue = z.core.$ZodRawIssue;

const FORMATS: Record<string, string> = {
  email: "Enter a valid email address",
  url: "Enter a valid web address",
  uuid: "This is not a valid reference",
  date: "Enter a valid date",
  datetime: "Enter a valid date and time",
  time: "Enter a valid time",
};

const count = (n: number | bigint) => Number(n).toLocaleString("en-US");

function tooBig(issue: Extract<Issue, { code: "too_big" }>): string {
  const max = Number(issue.maximum) - (issue.inclusive === false ? 1 : 0);
  switch (issue.origin) {
    case "string":
      return `Use at most ${count(max)} ${max === 1 ? "character" : "characters"}`;
    case "array":
    case "set":
      return `Choose at most ${count(max)}`;
    case "date":
      return "Choose an earlier date";
    default:
      return issue.inclusive === false
        ? `Enter less than ${count(issue.maximum as number)}`
        : `Enter ${count(max)} or less`;
  }
}

function tooSmall(issue: Extract<Issue, { code: "too_small" }>): string {
  const min = Number(issue.minimum) + (issue.inclusive === false ? 1 : 0);
  switch (issue.origin) {
    case "string":
      return min <= 1 ? "This is required" : `Use at least ${count(min)} characters`;
    case "array":
    case "set":
      return min <= 1 ? "Choose at least one" : `Choose at least ${count(min)}`;
    case "date":
      return "Choose a later date";
    default:
      return issue.inclusive === false
        ? `Enter more than ${count(issue.minimum as number)}`
        : `Enter ${count(min)} or more`;
  }
}

/** A person's sentence for one issue. */
export function readableIssue(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null
        ? "This is required"
        : issue.expected === "number" || issue.expected === "int"
          ? "Enter a number"
          : "This value is not valid";
    case "too_big":
      return tooBig(issue);
    case "too_small":
      return tooSmall(issue);
    case "invalid_format":
      return FORMATS[issue.format] ?? "This is not in the expected form";
    case "not_multiple_of":
      return "Enter a whole amount in the right steps";
    case "invalid_value":
      return "Choose one of the options offered";
    case "unrecognized_keys":
      return "This has fields that are not accepted";
    default:
      return "This value is not valid";
  }
}

z.config({ customError: (issue) => readableIssue(issue) });
