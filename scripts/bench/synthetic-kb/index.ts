// The synthetic knowledge base of the benchmarks (and of tests that need a large one): seeded,
// deterministic, with the demo's shapes. `generateSyntheticKb` plans and renders; `writeSyntheticKb` writes.
export { generateSyntheticKb, writeSyntheticKb } from './generate.ts';
export {
  docMix,
  daysBefore,
  MIN_SYNTHETIC_DOCS,
  PLANTED_PROBLEMS,
  SYNTHETIC_DEFAULTS,
  type Flavour,
  type PlantedProblem,
  type SyntheticDoc,
  type SyntheticFile,
  type SyntheticKb,
  type SyntheticKbOptions,
} from './model.ts';
export { createRandom, type Random } from './random.ts';
