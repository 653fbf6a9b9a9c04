// "Did you mean" for ids: the closest known value by edit distance, when it is close enough to help.

/** Levenshtein distance of `a` and `b`, or `limit` when it is `limit` or more. */
function editDistance(a: string, b: string, limit: number, row: number[]): number {
  for (let j = 0; j <= b.length; j += 1) row[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] as number;
    row[0] = i;
    let smallest = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      const value = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      row[j] = value;
      diagonal = above;
      if (value < smallest) smallest = value;
    }
    // Every later row is at least this row's smallest value.
    if (smallest >= limit) return limit;
  }
  return Math.min(row[b.length] as number, limit);
}

export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  // Typos are one or two edits; long ids (paths) allow a little more, never a different word.
  let bestDistance = Math.max(2, Math.floor(value.length / 8)) + 1;
  const lower = value.toLowerCase();
  const row: number[] = [];
  for (const candidate of candidates) {
    // The length difference is a lower bound of the distance: skip the ones that cannot win.
    if (Math.abs(candidate.length - value.length) >= bestDistance) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance, row);
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
