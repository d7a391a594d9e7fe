"use client";

import { tabStore } from "@/lib/tab-store";

/** Whether this tab hears Jiko's events now (the stream is open), for hooks that poll less then. */
const liveOpen = tabStore(false);

export const setLiveOpen = (next: boolean): void => liveOpen.set(next);
export const useLiveOpen = (): boolean => liveOpen.use();
