import { describe, expect, test, vi } from 'vitest';
import { parseBenchArgs } from '../../scripts/bench/cli.ts';

describe('parseBenchArgs', () => {
  test('reads the shared options and the script’s own flags, with their defaults', () => {
    expect(parseBenchArgs('bench-x', 'usage', { runs: 3 }, ['skip-starlight'], ['--docs', '50', '--keep', '--json', 'out.json', '--skip-starlight'])).toEqual({
      docs: 50,
      runs: 3,
      keep: true,
      json: 'out.json',
      flags: { 'skip-starlight': true },
    });
    expect(parseBenchArgs('bench-x', 'usage', { runs: 1 }, [], [])).toEqual({ docs: 2000, runs: 1, keep: false, json: undefined, flags: {} });
  });

  test('bad usage prints what is wrong and the usage, and gives exit code 2; --help gives 0', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(parseBenchArgs('bench-x', 'the usage', { runs: 1 }, [], ['--docs', '5'])).toBe(2);
      expect(error).toHaveBeenLastCalledWith('bench-x: --docs expects a whole number of at least 10, got `5`.\n\nthe usage');
      expect(parseBenchArgs('bench-x', 'the usage', { runs: 1 }, [], ['--runs', '0'])).toBe(2);
      expect(parseBenchArgs('bench-x', 'the usage', { runs: 1 }, [], ['--nope'])).toBe(2);
      expect(parseBenchArgs('bench-x', 'the usage', { runs: 1 }, [], ['--help'])).toBe(0);
      expect(log).toHaveBeenLastCalledWith('the usage');
    } finally {
      error.mockRestore();
      log.mockRestore();
    }
  });
});
