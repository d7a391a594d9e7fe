import { isValidElement, type ReactElement, Suspense } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GraceBoundary } from "./streamed-section";

const fallback = <p>loading</p>;
const children = <p>figures</p>;

describe("GraceBoundary", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends the children with the page when their read settles within the grace, failed or not", async () => {
    expect(await GraceBoundary({ until: Promise.resolve(1), fallback, children })).toBe(children);
    const failed = Promise.reject(new Error("Jiko is away"));
    expect(await GraceBoundary({ until: failed, fallback, children })).toBe(children);
  });

  it("streams the children behind the fallback when their read takes longer", async () => {
    vi.useFakeTimers();
    const slow = new Promise(() => {});
    const decided = GraceBoundary({ until: slow, fallback, children });
    await vi.advanceTimersByTimeAsync(200);
    const element = (await decided) as ReactElement<{ fallback: unknown; children: unknown }>;
    expect(isValidElement(element) && element.type).toBe(Suspense);
    expect(element.props.fallback).toBe(fallback);
    expect(element.props.children).toBe(children);
  });
});
