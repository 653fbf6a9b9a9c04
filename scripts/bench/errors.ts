// A benchmark that cannot go on (a build failed, a tool is missing, a browser step timed out): the
// entry scripts print its message and exit 2. Anything else is a bug and prints its stack.
export class BenchError extends Error {}
