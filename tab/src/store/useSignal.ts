import { useSyncExternalStore } from 'react';
import type { Signal } from './signal.js';

export function useSignal<T>(signal: Signal<T>): T {
  return useSyncExternalStore(signal.subscribe, signal.get);
}
