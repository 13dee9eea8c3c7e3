import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal, type Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Me } from '@waakvlam/contracts';
import { AuthService } from '../app/core/auth/auth.service';
import { aUser, settle, testTransloco } from './test-transloco.util';

/** A list page opened at a URL (with its query parameters) as a coordinator, and the HTTP test controller. */
export interface RoutedList {
  harness: RouterTestingHarness;
  http: HttpTestingController;
  element: () => HTMLElement;
  stable: () => Promise<void>;
}

export async function openRoutedList(
  component: Type<unknown>,
  path: string,
  url: string,
): Promise<RoutedList> {
  const me = signal<Me | null>(aUser({ role: 'coordinator' }));
  TestBed.configureTestingModule({
    imports: [testTransloco()],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path, component }]),
      { provide: AuthService, useValue: { me: me.asReadonly() } },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url, component);
  const stable = async () => {
    await settle();
    await harness.fixture.whenStable();
  };
  return { harness, http, element: () => harness.routeNativeElement as HTMLElement, stable };
}
