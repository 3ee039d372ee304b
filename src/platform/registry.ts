import type { Feature } from './feature.js';

let registered: Feature[] = [];

/** The features of the running app, set once by buildApp (the home page asks each for its cards). */
export function setFeatures(list: Feature[]): void {
  registered = list;
}

export function registeredFeatures(): Feature[] {
  return registered;
}
