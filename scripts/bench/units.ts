// Units the benchmarks count in, and how they print them.
export const KB = 1024;
export const MB = 1024 * KB;
export const GB = 1024 * MB;

export const kib = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
export const mib = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
