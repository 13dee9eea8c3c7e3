import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';

/** Runs before every request of the board; resolves to the reply when it answered (the request may not pass). */
export type BoardGuard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/**
 * Bull Board's Fastify adapter, with the guard as an `onRequest` hook inside the board's own plugin scope:
 * every route of the board (page, static files, JSON API) passes it, and nothing outside the board does.
 * `@bull-board/nestjs` constructs the adapter without arguments, hence a class per guard.
 */
export function guardedBoardAdapter(guard: BoardGuard): new () => FastifyAdapter {
  return class GuardedBoardAdapter extends FastifyAdapter {
    override registerPlugin(): FastifyPluginCallback {
      const board = super.registerPlugin();
      return (fastify, options, done) => {
        fastify.addHook('onRequest', guard);
        board(fastify, options, done);
      };
    }
  };
}
