/**
 * A React context for something start-up (or a panel's chunk) created once, and
 * the hook that reads it. Missing providers fail loudly at the first render
 * instead of silently falling back to a module singleton.
 */
import { createContext, useContext, type Context } from 'react';

export interface StoreContext<T> {
  Context: Context<T | null>;
  /** The provided value; throws outside the provider. */
  use(): T;
}

export function createStoreContext<T>(name: string): StoreContext<T> {
  const Context = createContext<T | null>(null);
  Context.displayName = name;
  return {
    Context,
    use() {
      const value = useContext(Context);
      if (value === null) throw new Error(`${name} used outside <${name}.Provider>`);
      return value;
    },
  };
}
