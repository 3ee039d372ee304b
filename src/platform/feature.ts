import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ComponentChildren } from 'preact';
import type { Config } from './config.js';
import type { Clock } from './clock.js';
import type { Database, Db } from './db/database.js';
import type { Access } from './http/access.js';
import type { Mailer } from './mail.js';

/** What features receive: the database, the clock, mail and the process configuration. */
export interface Deps {
  database: Database;
  db: Db;
  clock: Clock;
  mailer: Mailer;
  config: Config;
}

/** Opens the database and everything a command needs (the composition root hands it to feature commands). */
export type OpenRuntime = () => Promise<Deps>;

/** Runs a command's work on an opened runtime, and closes its database afterwards, whatever happened. */
export async function withRuntime<T>(open: OpenRuntime, fn: (deps: Deps) => Promise<T>): Promise<T> {
  const deps = await open();
  try {
    return await fn(deps);
  } finally {
    await deps.database.close();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: features register on Fastify's instance whatever its server and logger types
export type App = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

export interface NavItem {
  href: string;
  label: string;
  access: Access;
  /** Lower comes first. */
  order: number;
}

/** One thing waiting for a person on their home page. */
export interface HomeCard {
  title: string;
  /** The card's content; a function receives the page's CSRF token, for a card with a form that works without JavaScript. */
  body: ComponentChildren | ((csrf: string) => ComponentChildren);
  order: number;
}

/** A capability: its routes, its menu entries and what it puts on the home page. */
export interface Feature {
  name: string;
  nav?: NavItem[];
  home?: (req: FastifyRequest, deps: Deps) => Promise<HomeCard[]>;
  routes: (app: App, deps: Deps) => Promise<void> | void;
}
