/** Waits `ms` milliseconds (the e2e files poll with it). */
export const sleep = (ms: number): Promise<void> => new Promise<void>((r) => setTimeout(r, ms));
