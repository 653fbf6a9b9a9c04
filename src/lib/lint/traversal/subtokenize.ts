// A drop-in for micromark-util-subtokenize, the step of every micromark parse that tokenizes the
// content inside flow, content and text tokens. The algorithm and its results are the original's;
// what changed is the bookkeeping. The original keeps its jump table in a plain object with
// numeric keys, merged with Object.assign and probed with `in` at every event, copies every
// events array into a splice buffer and back even when nothing moves, and makes its caller pass
// over a whole document once more only to find nothing left to do. In CPU profiles of a parse of
// 2,000 docs, `subtokenize` and `subcontent` took about 18% of the samples; with a Map and plain
// copies, 11%; reading in place, sparing the last pass and keeping the events array free of
// holes, about 6%.
import { SpliceBuffer } from 'micromark-util-subtokenize';
import type { Chunk, Event, Token } from 'micromark-util-types';

export { SpliceBuffer };

/**
 * Tokenizes subcontent; true when no more subtokens are left (the caller loops until then).
 * Most calls change nothing (a paragraph's content without links): the events are read in place,
 * and copied into a splice buffer and back only once something has to move.
 *
 * The original says "more" whenever it tokenized something, so the caller's last pass over a
 * document only finds that nothing is left. This one says so when none of the events it spliced
 * in has content of its own: a further pass would tokenize nothing, and the container exits it
 * would revisit were placed in this pass, after everything before them had been spliced in.
 */
export function subtokenize(eventsArray: Event[]): boolean {
  // Where the events spliced in start, and the last of them: the loop skips them in this pass.
  // A key is only ever looked up at or after the current index, so a used one is dropped.
  const jumps = new Map<number, number>();
  let events: SpliceBuffer<Event> | undefined;
  let index = -1;
  let more = false;
  while (++index < (events ? events.length : eventsArray.length)) {
    if (jumps.size > 0) {
      let jump = jumps.get(index);
      while (jump !== undefined) {
        jumps.delete(index);
        index = jump;
        jump = jumps.get(index);
      }
    }
    const event = events ? events.get(index) : (eventsArray[index] as Event);
    const token = event[1];

    // Tokens come in many shapes, so each property read here is a slow (megamorphic) one: one
    // read per event decides. Only a token with a content type can need work on enter, and a
    // `chunkFlow` always has one (`flow`).
    if (event[0] === 'enter') {
      if (token.contentType) {
        events ??= new SpliceBuffer<Event>(eventsArray);
        // A hook for the GFM tasklist extension, which needs to know whether text is in the
        // first content of a list item.
        if (index && token.type === 'chunkFlow' && events.get(index - 1)[1].type === 'listItemPrefix') {
          markFirstContentOfListItem(token);
        }
        more = subcontent(events, index, jumps) || more;
        const jump = jumps.get(index);
        if (jump !== undefined) {
          jumps.delete(index);
          index = jump;
        }
      }
    } else if (token._container) {
      const lineIndex = containerExitTarget(events ?? eventsArray, index);
      if (lineIndex) {
        events ??= new SpliceBuffer<Event>(eventsArray);
        moveContainerExit(events, index, lineIndex, event);
      }
    }
  }

  if (events) {
    // The buffer's changes are copied back into the caller's array, writing up to its end before
    // shortening it: growing it by setting its length would leave it with holes for good (a slower
    // kind of array for every later pass over the events).
    const result = events.slice(0);
    for (let position = 0; position < result.length; position += 1) eventsArray[position] = result[position] as Event;
    if (eventsArray.length > result.length) eventsArray.length = result.length;
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

type EventList = SpliceBuffer<Event> | Event[];
const eventAt = (events: EventList, index: number): Event => (Array.isArray(events) ? (events[index] as Event) : events.get(index));

/**
 * A container's exit goes before the line endings (and their prefixes) that precede it: where to,
 * or undefined when it stays. The line endings it passes are retyped on the way, as the original
 * does, before it moves.
 */
function containerExitTarget(events: EventList, index: number): number | undefined {
  let otherIndex = index;
  let lineIndex: number | undefined;
  while (otherIndex--) {
    const otherEvent = eventAt(events, otherIndex);
    const type = otherEvent[1].type;
    if (type === 'lineEnding' || type === 'lineEndingBlank') {
      if (otherEvent[0] === 'enter') {
        if (lineIndex) eventAt(events, lineIndex)[1].type = 'lineEndingBlank';
        otherEvent[1].type = 'lineEnding';
        lineIndex = otherIndex;
      }
    } else if (type !== 'linePrefix' && type !== 'listItemIndent') {
      break;
    }
  }
  return lineIndex;
}

function moveContainerExit(events: SpliceBuffer<Event>, index: number, lineIndex: number, event: Event): void {
  event[1].end = { ...events.get(lineIndex)[1].start };
  const parameters = events.slice(lineIndex, index);
  parameters.unshift(event);
  events.splice(lineIndex, index - lineIndex + 1, parameters);
}

/**
 * Tokenizes the tokens linked from the one at `eventIndex` and records in `jumps` where each
 * spliced run starts and ends; true when a spliced event has content to tokenize in turn.
 */
function subcontent(events: SpliceBuffer<Event>, eventIndex: number, jumps: Map<number, number>): boolean {
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

  // Splice the child events into the events, back to front so that indices stay valid.
  const spliced: number[] = [];
  let index = breaks.length;
  while (index--) {
    const slice = childEvents.slice(breaks[index], breaks[index + 1]);
    const start = startPositions.pop() as number;
    spliced.push(start, slice.length);
    events.splice(start, 2, slice);
  }
  // Front to back, each run shifts the ones after it by its length less the two events it replaced.
  let adjust = 0;
  for (let run = spliced.length - 2; run >= 0; run -= 2) {
    const from = spliced[run] as number;
    const to = from + (spliced[run + 1] as number) - 1;
    jumps.set(adjust + from, adjust + to);
    adjust += to - from - 1;
  }
  return nested;
}
