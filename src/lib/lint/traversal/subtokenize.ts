// A drop-in for micromark-util-subtokenize, the step of every micromark parse that tokenizes the
// content inside flow, content and text tokens. The algorithm and its results are the original's;
// what changed is the bookkeeping. The original keeps its jump table in a plain object with
// numeric keys, merged with Object.assign and probed with `in` at every event, and copies the
// events back with a spread of thousands of arguments. In CPU profiles of a parse of 2,000 docs,
// `subtokenize` and `subcontent` took about 18% of the samples; with a Map and plain copies, 11%.
import { SpliceBuffer } from 'micromark-util-subtokenize';
import type { Chunk, Event, Token } from 'micromark-util-types';

export { SpliceBuffer };

/** Tokenizes subcontent; true when no more subtokens were found (the caller loops until then). */
export function subtokenize(eventsArray: Event[]): boolean {
  const jumps = new Map<number, number>();
  const events = new SpliceBuffer<Event>(eventsArray);
  let index = -1;
  let more = false;
  while (++index < events.length) {
    let jump = jumps.get(index);
    while (jump !== undefined) {
      index = jump;
      jump = jumps.get(index);
    }
    const event = events.get(index);
    const token = event[1];

    // Tokens come in many shapes, so each property read here is a slow (megamorphic) one: one
    // read per event decides. Only a token with a content type can need work on enter, and a
    // `chunkFlow` always has one (`flow`).
    if (event[0] === 'enter') {
      if (token.contentType) {
        // A hook for the GFM tasklist extension, which needs to know whether text is in the
        // first content of a list item.
        if (index && token.type === 'chunkFlow' && events.get(index - 1)[1].type === 'listItemPrefix') {
          markFirstContentOfListItem(token);
        }
        for (const [from, to] of subcontent(events, index)) jumps.set(from, to);
        index = jumps.get(index) ?? index;
        more = true;
      }
    } else if (token._container) {
      moveContainerExit(events, index, event);
    }
  }

  // The buffer's changes are copied back into the caller's array.
  const result = events.slice(0);
  eventsArray.length = result.length;
  for (let position = 0; position < result.length; position += 1) eventsArray[position] = result[position] as Event;
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

/** A container's exit goes before the line endings (and their prefixes) that precede it. */
function moveContainerExit(events: SpliceBuffer<Event>, index: number, event: Event): void {
  let otherIndex = index;
  let lineIndex: number | undefined;
  while (otherIndex--) {
    const otherEvent = events.get(otherIndex);
    const type = otherEvent[1].type;
    if (type === 'lineEnding' || type === 'lineEndingBlank') {
      if (otherEvent[0] === 'enter') {
        if (lineIndex) events.get(lineIndex)[1].type = 'lineEndingBlank';
        otherEvent[1].type = 'lineEnding';
        lineIndex = otherIndex;
      }
    } else if (type !== 'linePrefix' && type !== 'listItemIndent') {
      break;
    }
  }
  if (lineIndex) {
    event[1].end = { ...events.get(lineIndex)[1].start };
    const parameters = events.slice(lineIndex, index);
    parameters.unshift(event);
    events.splice(lineIndex, index - lineIndex + 1, parameters);
  }
}

/** Tokenizes the tokens linked from the one at `eventIndex`; the gaps: where each spliced run starts and ends. */
function subcontent(events: SpliceBuffer<Event>, eventIndex: number): Map<number, number> {
  const [, token, context] = events.get(eventIndex);
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
    while (events.get(++startPosition)[1] !== current) {
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
  for (let index = 1; index < childEvents.length; index += 1) {
    const [kind, child] = childEvents[index] as Event;
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

  // Splice the child events into the events, back to front so that indices stay valid.
  const jumps: [number, number][] = [];
  let index = breaks.length;
  while (index--) {
    const slice = childEvents.slice(breaks[index], breaks[index + 1]);
    const start = startPositions.pop() as number;
    jumps.push([start, start + slice.length - 1]);
    events.splice(start, 2, slice);
  }
  jumps.reverse();
  const gaps = new Map<number, number>();
  let adjust = 0;
  for (const [from, to] of jumps) {
    gaps.set(adjust + from, adjust + to);
    adjust += to - from - 1;
  }
  return gaps;
}
