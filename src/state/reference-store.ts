import { create } from 'zustand';
import type { ParsedReferenceLayer, ReferenceLayer } from '../core';

/** The context layers drawn under the coverage (neighbouring provinces, rivers, roads, the sea). */
export interface ReferenceState {
  layers: ReferenceLayer[];
  actions: {
    /** Adds a layer read from a file, with the next free id. */
    add(parsed: Pick<ParsedReferenceLayer, 'fileName' | 'attributes' | 'labelAttribute' | 'features'>): void;
    remove(id: string): void;
    /** The attribute labels come from (null: none); an attribute the layer does not have is ignored. */
    setLabelAttribute(id: string, attribute: string | null): void;
    load(layers: ReferenceLayer[]): void;
  };
}

function nextId(layers: ReferenceLayer[]): string {
  const used = new Set(layers.map((layer) => layer.id));
  let number = layers.length + 1;
  while (used.has(`reference-${number}`)) number++;
  return `reference-${number}`;
}

export const useReferenceStore = create<ReferenceState>()((set) => ({
  layers: [],
  actions: {
    add: (parsed) =>
      set((state) => ({ layers: [...state.layers, { id: nextId(state.layers), fileName: parsed.fileName, attributes: parsed.attributes, labelAttribute: parsed.labelAttribute, features: parsed.features }] })),
    remove: (id) => set((state) => ({ layers: state.layers.filter((layer) => layer.id !== id) })),
    setLabelAttribute: (id, attribute) =>
      set((state) => ({ layers: state.layers.map((layer) => (layer.id === id && (attribute === null || layer.attributes.includes(attribute)) ? { ...layer, labelAttribute: attribute } : layer)) })),
    load: (layers) => set({ layers }),
  },
}));
