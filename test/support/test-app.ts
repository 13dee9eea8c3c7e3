import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../../api/src/core/http/http-app.factory';
import { HttpClient } from './http-client';
import { testConfig } from './test-config';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  dataSource: DataSource;
  /** A new browser-like client (own cookie jar) for this app. */
  client(): HttpClient;
  /** A new client, signed in as the user (fails the test when sign-in fails). */
  signIn(user: { email: string; password: string }): Promise<HttpClient>;
  close(): Promise<void>;
}

/** Starts the real HTTP application on a free loopback port, against this run's PostgreSQL and Redis. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const app = await createHttpApp(testConfig(overrides));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    dataSource: app.get(DataSource),
    client: () => new HttpClient(baseUrl),
    signIn: async (user) => {
      const client = new HttpClient(baseUrl);
      const response = await client.login(user.email, user.password);
      if (response.status !== 200) throw new Error(`Sign-in of ${user.email} failed: ${response.status}`);
      return client;
    },
    close: () => app.close(),
  };
}
