import { astroPreset } from './astro.js';
import { eleventyPreset } from './eleventy.js';
import { hugoPreset } from './hugo.js';
import { jekyllPreset } from './jekyll.js';
import { plainPreset } from './plain.js';
import type { Preset, PresetName } from './preset.js';

export type { FrontMatterFormat, LayoutOptions, Preset, PresetName, RecordFacts } from './preset.js';
export { PRESET_NAMES } from './preset.js';

/** Every preset, by name. Adding a generator: one file here, one entry below, one README sample. */
const PRESETS: Record<PresetName, Preset> = {
  plain: plainPreset, // today's layout and keys (the default)
  hugo: hugoPreset,
  jekyll: jekyllPreset,
  astro: astroPreset,
  eleventy: eleventyPreset,
};

export function presetNamed(name: PresetName): Preset {
  return PRESETS[name];
}
