import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { BullBoardModule } from '@bull-board/nestjs';
import { getQueueToken } from '@nestjs/bull-shared';
import { Module, type Provider } from '@nestjs/common';
import { QueueName } from '../queue/queue.constants';
import { QueueService } from '../queue/queue.service';
import { guardedBoardAdapter } from './guarded-board-adapter.util';
import { QueueBoardAccess } from './queue-board-access.service';

const QUEUE_NAMES = Object.values(QueueName);

/** The producer-side Queue of every queue (no Worker: the api-only role never processes jobs). */
const queueProviders: Provider[] = QUEUE_NAMES.map((name) => ({
  provide: getQueueToken(name),
  inject: [QueueService],
  useFactory: (queues: QueueService) => queues.queue(name),
}));

@Module({
  providers: [QueueBoardAccess, ...queueProviders],
  exports: [QueueBoardAccess, ...QUEUE_NAMES.map((name) => getQueueToken(name))],
})
class QueueBoardAccessModule {}

/** Bull Board for every BullMQ queue, at /api/admin/queues, for admins only (see QueueBoardAccess). */
@Module({
  imports: [
    QueueBoardAccessModule,
    BullBoardModule.forRootAsync({
      imports: [QueueBoardAccessModule],
      inject: [QueueBoardAccess],
      useFactory: (access: QueueBoardAccess) => ({
        route: '/admin/queues',
        // The app's Content-Security-Policy (helmet) applies unchanged: the board's scripts, styles and web
        // worker are its own static files; only its Google Fonts stylesheet is refused (no third parties).
        adapter: guardedBoardAdapter((request, reply) => access.check(request, reply)),
        boardOptions: {
          uiConfig: {
            boardTitle: 'Waakvlam',
            hideDocsLink: true,
            miscLinks: [{ text: 'Console', url: '/' }],
          },
        },
      }),
    }),
    BullBoardModule.forFeature(...QUEUE_NAMES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueBoardModule {}
