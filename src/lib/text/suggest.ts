// "Did you mean" for ids: the closest known value by edit distance, when it is close enough to help.

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  // Typos are one or two edits; long ids (paths) allow a little more, never a different word.
  let bestDistance = Math.max(2, Math.floor(value.length / 8)) + 1;
  for (const candidate of candidates) {
    // The length difference is a lower bound of the distance: skip the ones that cannot win.
    if (Math.abs(candidate.length - value.length) >= bestDistance) continue;
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` Did you mean \`x\`?` or nothing. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const match = closestMatch(value, candidates);
  return match === undefined ? '' : ` Did you mean \`${match}\`?`;
}
