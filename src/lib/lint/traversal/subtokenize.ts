// A drop-in for micromark-util-subtokenize, the step of every micromark parse that tokenizes the
// content inside flow, content and text tokens. The algorithm and its results are the original's;
// what changed is the bookkeeping. The original keeps its jump table in a plain object with
// numeric keys, merged with Object.assign and probed with `in` at every event, copies every
// events array into a splice buffer and back even when nothing moves, slices each run of child
// events before splicing it in, and makes its caller pass over a whole document once more only
// to find nothing left to do. Here a pass reads the events in place and, once something moves,
// writes the new sequence into one array, in order, child events straight from their
// tokenizer's array; a run spliced in is skipped in the pass that splices it simply because the
// pass reads the old sequence. In CPU profiles of a parse of 2,000 docs, `subtokenize` and
// `subcontent` took about 18% of the samples; with a Map and plain copies, 11%; reading in place,
// sparing the last pass and keeping the events array free of holes, about 6%.
import { SpliceBuffer } from 'micromark-util-subtokenize';
import type { Chunk, Event, Token } from 'micromark-util-types';

export { SpliceBuffer };

/** Child events `[start, end)` of `events` that take the place of a linked token's two events. */
type Run = { readonly events: readonly Event[]; readonly start: number; readonly end: number };

/**
 * Tokenizes subcontent; true when no more subtokens are left (the caller loops until then).
 * Most calls change nothing (a paragraph's content without links): the events are only read,
 * and written anew only once something has to move.
 *
 * The original says "more" whenever it tokenized something, so the caller's last pass over a
 * document only finds that nothing is left. This one says so when none of the events it spliced
 * in has content of its own: a further pass would tokenize nothing, and the container exits it
 * would revisit were placed in this pass, after everything before them had been spliced in.
 */
export function subtokenize(eventsArray: Event[]): boolean {
  // The events of this pass so far, once one has moved: until then, the input's.
  let output: Event[] | undefined;
  // Runs waiting for the linked token they replace further on, by that token's index.
  const runs = new Map<number, Run>();
  let more = false;
  const length = eventsArray.length;
  for (let index = 0; index < length; index += 1) {
    const event = eventsArray[index] as Event;
    const token = event[1];

    // Tokens come in many shapes, so each property read here is a slow (megamorphic) one: one
    // read per event decides. Only a token with a content type can need work on enter, and a
    // `chunkFlow` always has one (`flow`).
    if (event[0] === 'enter') {
      if (runs.size === 0 || !runs.has(index)) {
        if (!token.contentType) {
          output?.push(event);
          continue;
        }
        output ??= eventsArray.slice(0, index);
        // A hook for the GFM tasklist extension, which needs to know whether text is in the
        // first content of a list item.
        const before = output[output.length - 1];
        if (before && token.type === 'chunkFlow' && before[1].type === 'listItemPrefix') markFirstContentOfListItem(token);
        more = subcontent(eventsArray, index, runs) || more;
      }
      const run = runs.get(index);
      if (run) {
        // The token's enter and exit give way to its child events.
        runs.delete(index);
        for (let child = run.start; child < run.end; child += 1) (output as Event[]).push(run.events[child] as Event);
        index += 1;
        continue;
      }
    } else if (token._container) {
      const lineIndex = containerExitTarget(output ?? eventsArray, output ? output.length : index);
      if (lineIndex) {
        // The exit goes before the line endings (and their prefixes) that precede it.
        output ??= eventsArray.slice(0, index);
        token.end = { ...(output[lineIndex] as Event)[1].start };
        output.splice(lineIndex, 0, event);
        continue;
      }
    }
    output?.push(event);
  }

  if (output) {
    // The new events are copied into the caller's array, writing up to its end before shortening
    // it: growing it by setting its length would leave it with holes for good (a slower kind of
    // array for every later pass over the events).
    for (let position = 0; position < output.length; position += 1) eventsArray[position] = output[position] as Event;
    if (eventsArray.length > output.length) eventsArray.length = output.length;
  }
  return !more;
}

function markFirstContentOfListItem(token: Token): void {
  const subevents = token._tokenizer?.events ?? [];
  let otherIndex = 0;
  if (otherIndex < subevents.length && subevents[otherIndex]?.[1].type === 'lineEndingBlank') otherIndex += 2;
  if (otherIndex < subevents.length && subevents[otherIndex]?.[1].type === 'content') {
    while (++otherIndex < subevents.length) {
      const other = subevents[otherIndex] as Event;
      if (other[1].type === 'content') break;
      if (other[1].type === 'chunkText') {
        other[1]._isInFirstContentOfListItem = true;
        otherIndex++;
      }
    }
  }
}

/**
 * A container's exit goes before the line endings (and their prefixes) that precede it: where to,
 * or undefined when it stays. The line endings it passes are retyped on the way, as the original
 * does, before it moves.
 */
function containerExitTarget(events: readonly Event[], index: number): number | undefined {
  let otherIndex = index;
  let lineIndex: number | undefined;
  while (otherIndex--) {
    const otherEvent = events[otherIndex] as Event;
    const type = otherEvent[1].type;
    if (type === 'lineEnding' || type === 'lineEndingBlank') {
      if (otherEvent[0] === 'enter') {
        if (lineIndex) (events[lineIndex] as Event)[1].type = 'lineEndingBlank';
        otherEvent[1].type = 'lineEnding';
        lineIndex = otherIndex;
      }
    } else if (type !== 'linePrefix' && type !== 'listItemIndent') {
      break;
    }
  }
  return lineIndex;
}

/**
 * Tokenizes the tokens linked from the one at `eventIndex` and records in `runs` the child events
 * that replace each of them; true when one of those has content to tokenize in turn.
 */
function subcontent(events: readonly Event[], eventIndex: number, runs: Map<number, Run>): boolean {
  const [, token, context] = events[eventIndex] as Event;
  let startPosition = eventIndex - 1;
  const startPositions: number[] = [];
  let tokenizer = token._tokenizer;
  if (!tokenizer) {
    tokenizer = context.parser[token.contentType as 'flow' | 'content' | 'string' | 'text'](token.start);
    if (token._contentTypeTextTrailing) tokenizer._contentTypeTextTrailing = true;
  }
  const childEvents = tokenizer.events;
  const breaks = [0];
  let previous: Token | undefined;
  let current: Token | undefined = token;

  // Pass the linked tokens to the subtokenizer, in order.
  while (current) {
    while ((events[++startPosition] as Event)[1] !== current) {
      // Find the event of this token.
    }
    startPositions.push(startPosition);
    if (!current._tokenizer) {
      const stream: Chunk[] = context.sliceStream(current);
      if (!current.next) stream.push(null);
      if (previous) tokenizer.defineSkip(current.start);
      if (current._isInFirstContentOfListItem) tokenizer._gfmTasklistFirstContentOfListItem = true;
      tokenizer.write(stream);
      if (current._isInFirstContentOfListItem) tokenizer._gfmTasklistFirstContentOfListItem = undefined;
    }
    previous = current;
    current = current.next;
  }

  // Find which child events belong to which linked token: a void token that spans a line break
  // ends one.
  current = token;
  let nested = Boolean(childEvents[0]?.[1].contentType);
  for (let index = 1; index < childEvents.length; index += 1) {
    const [kind, child] = childEvents[index] as Event;
    if (kind === 'enter' && child.contentType) nested = true;
    const [previousKind, previousChild] = childEvents[index - 1] as Event;
    if (kind === 'exit' && previousKind === 'enter' && child.type === previousChild.type && child.start.line !== child.end.line) {
      breaks.push(index + 1);
      if (current) {
        // Help GC.
        current._tokenizer = undefined;
        current.previous = undefined;
        current = current.next;
      }
    }
  }

  // Help GC.
  tokenizer.events = [];

  // A remaining token (lines that end at the end of the file) starts at the last break found;
  // without one, the rest of the content belongs to the last token.
  if (current) {
    current._tokenizer = undefined;
    current.previous = undefined;
  } else {
    breaks.pop();
  }

  // The runs, last to first, take the places of the linked tokens, last to first.
  for (let index = breaks.length - 1, place = startPositions.length - 1; index >= 0 && place >= 0; index -= 1, place -= 1) {
    const end = breaks[index + 1] ?? childEvents.length;
    runs.set(startPositions[place] as number, { events: childEvents, start: breaks[index] as number, end });
  }
  return nested;
}
