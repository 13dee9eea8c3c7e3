export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
